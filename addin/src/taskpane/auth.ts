import type { AuthMode, ClientConfig } from "../shared/contract";
import { acquireInteractively, acquireSilently, createNaaClient, type EntraSettings } from "../shared/naa";

// Sign-in as the API is configured: Demo needs nothing; LocalJwt (self-hosting, tests) takes a pasted token kept in
// sessionStorage; Entra uses nested app authentication through Outlook (MSAL.js), silently first and with a popup
// when Entra asks for interaction.

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
  /** The interactive step: a popup (Entra) or the pasted token (LocalJwt). */
  signIn(pastedToken?: string): Promise<void>;
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

  async signIn() {
    const { app } = await (this.client ??= createNaaClient(this.entra));
    await acquireInteractively(app, this.entra.apiScope, this.loginHint);
  }

  signedOut() {}
}

export function createAuth(config: ClientConfig, options: { storage: Storage; loginHint?: string }): Auth {
  switch (config.authMode) {
    case "LocalJwt":
      return new LocalJwtAuth(options.storage);
    case "Entra":
      if (!config.entra) throw new Error("The API runs in Entra mode but sent no Entra settings.");
      return new EntraAuth(config.entra, options.loginHint);
    default:
      return new DemoAuth();
  }
}
