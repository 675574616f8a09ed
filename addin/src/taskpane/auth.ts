import type { AuthMode, ClientConfig } from "../shared/contract";
import type { RequirementsLike } from "../shared/mailbox";
import { acquireInteractively, acquireSilently, createNaaClient, naaSupported, type EntraSettings } from "../shared/naa";
import { redirectClient, type RedirectClient } from "../shared/entra-redirect";
import { dialogUrl, signInWithDialog, type DialogApi, type DialogToken } from "./dialog-auth";

// Sign-in as the API is configured: Demo needs nothing; LocalJwt (self-hosting, tests) takes a pasted token kept in
// sessionStorage; Entra uses nested app authentication through Outlook (MSAL.js), silently first and with a popup
// when Entra asks for interaction, and where Outlook has no NAA (NestedAppAuth 1.1) the Office dialog API; outside
// Outlook (a plain browser tab) MSAL.js with a redirect back to the pane.

export class SignInRequired extends Error {
  constructor(message = "Sign in to Handoff to check this meeting.") {
    super(message);
    this.name = "SignInRequired";
  }
}

export interface Auth {
  readonly mode: AuthMode;
  /** The bearer token for the next call (null in Demo). Throws SignInRequired when the user has to act. */
  token(): Promise<string | null>;
  /** The interactive step: a popup (Entra) or the pasted token (LocalJwt); Entra passes a claims challenge on. */
  signIn(pastedToken?: string, claims?: string): Promise<void>;
  /** The API said 401: forget what we had. */
  signedOut(): void;
}

export const TOKEN_STORAGE_KEY = "handoff.token";

class DemoAuth implements Auth {
  readonly mode = "Demo" as const;
  async token() { return null; }
  async signIn() {}
  signedOut() {}
}

class LocalJwtAuth implements Auth {
  readonly mode = "LocalJwt" as const;
  constructor(private readonly storage: Storage) {}
  async token() {
    const token = this.storage.getItem(TOKEN_STORAGE_KEY);
    if (!token) throw new SignInRequired("Paste a Handoff token to sign in.");
    return token;
  }
  async signIn(pastedToken?: string) {
    const token = pastedToken?.trim().replace(/^Bearer\s+/i, "");
    if (!token) throw new SignInRequired("Paste a Handoff token to sign in.");
    this.storage.setItem(TOKEN_STORAGE_KEY, token);
  }
  signedOut() {
    this.storage.removeItem(TOKEN_STORAGE_KEY);
  }
}

class EntraAuth implements Auth {
  readonly mode = "Entra" as const;
  private client: ReturnType<typeof createNaaClient> | undefined;

  constructor(private readonly entra: EntraSettings, private readonly loginHint: string | undefined) {}

  async token() {
    const { app, msal } = await (this.client ??= createNaaClient(this.entra));
    try {
      return await acquireSilently(app, this.entra.apiScope, this.loginHint);
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
    }
    try {
      return await acquireInteractively(app, this.entra.apiScope, this.loginHint);
    } catch {
      // Popup blocked or dismissed: the pane shows a Sign in button, whose click is a user gesture.
      throw new SignInRequired();
    }
  }

  async signIn(_pastedToken?: string, claims?: string) {
    const { app } = await (this.client ??= createNaaClient(this.entra));
    await acquireInteractively(app, this.entra.apiScope, this.loginHint, claims);
  }

  signedOut() {}
}

/** Entra through the Office dialog API: the token lives in memory until 5 minutes before it expires. */
class DialogEntraAuth implements Auth {
  readonly mode = "Entra" as const;
  private current: DialogToken | undefined;

  constructor(
    private readonly entra: EntraSettings,
    private readonly loginHint: string | undefined,
    private readonly ui: DialogApi,
    private readonly paneUrl: string,
    private readonly now: () => number,
  ) {}

  async token() {
    if (this.current && this.current.expiresOn - 5 * 60_000 > this.now()) return this.current.accessToken;
    this.current = undefined;
    // A dialog needs a user gesture: the pane shows its Sign in button.
    throw new SignInRequired("Sign in to Handoff to check this meeting. This version of Outlook signs in through a separate window.");
  }

  async signIn(_pastedToken?: string, claims?: string) {
    try {
      this.current = await signInWithDialog(this.ui, dialogUrl(this.paneUrl, this.entra, this.loginHint, claims));
    } catch (error) {
      throw new SignInRequired(error instanceof Error ? error.message : String(error));
    }
  }

  signedOut() {
    this.current = undefined;
  }
}

/** Entra in a plain browser tab (the pane outside Outlook): MSAL.js with a redirect back to the pane. */
class BrowserEntraAuth implements Auth {
  readonly mode = "Entra" as const;
  private client: Promise<RedirectClient> | undefined;

  constructor(private readonly entra: EntraSettings) {}

  async token() {
    const token = await (this.client ??= redirectClient(this.entra)).then((c) => c.token());
    if (!token) throw new SignInRequired("Sign in with your work account to check this meeting.");
    return token;
  }

  async signIn(_pastedToken?: string, claims?: string) {
    await (await (this.client ??= redirectClient(this.entra))).signIn(claims);
  }

  signedOut() {}
}

interface OfficeHost {
  requirements?: RequirementsLike;
  ui?: DialogApi;
}

function officeHost(): OfficeHost {
  const context = (globalThis as unknown as { Office?: { context?: { requirements?: RequirementsLike; ui?: DialogApi } } }).Office?.context;
  return { requirements: context?.requirements, ui: context?.ui };
}

export function createAuth(
  config: ClientConfig,
  options: { storage: Storage; loginHint?: string; office?: OfficeHost; paneUrl?: string; now?: () => number },
): Auth {
  switch (config.authMode) {
    case "LocalJwt":
      return new LocalJwtAuth(options.storage);
    case "Entra": {
      if (!config.entra) throw new Error("The API runs in Entra mode but sent no Entra settings.");
      const office = options.office ?? officeHost();
      // Not inside Outlook at all (a plain browser tab): neither NAA nor the Office dialog exists.
      if (!office.requirements) return new BrowserEntraAuth(config.entra);
      // Inside Outlook without NAA, MSAL would quietly build a browser client with an unregistered redirect URI.
      if (office.requirements && office.ui && !naaSupported(office.requirements)) {
        const paneUrl = options.paneUrl ?? globalThis.location?.href ?? "";
        return new DialogEntraAuth(config.entra, options.loginHint, office.ui, paneUrl, options.now ?? Date.now);
      }
      return new EntraAuth(config.entra, options.loginHint);
    }
    default:
      return new DemoAuth();
  }
}
