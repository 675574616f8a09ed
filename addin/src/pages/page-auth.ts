import { fetchClientConfig } from "../shared/api-client";
import { redirectClient } from "../shared/entra-redirect";
import type { ClientConfig } from "../shared/contract";
import { TOKEN_STORAGE_KEY } from "../taskpane/auth";

// Sign-in for the pages the API serves outside Outlook (/planner, /report-trip, the brief page): the same modes as the
// pane, but in a plain browser tab. Demo: nothing. LocalJwt: a pasted token kept in sessionStorage (the pane's key, so
// a tab that already has one reuses it). Entra: MSAL.js's standard client with a full-page redirect back to the page
// itself (nested app authentication exists only inside Outlook, and MSAL's popups need a bridge page), so each page's
// own URL is a single-page-application redirect URI of the app registration (docs/graph.md).

export class PageSignInRequired extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PageSignInRequired";
  }
}

export interface PageAuth {
  readonly mode: ClientConfig["authMode"];
  /** The bearer token for the next call (null in Demo); throws PageSignInRequired when the user must act. */
  token(): Promise<string | null>;
  /** LocalJwt: keeps the pasted token. Entra: leaves for Entra's sign-in and comes back to this page. */
  signIn(pastedToken?: string): Promise<void>;
}

let current: Promise<PageAuth> | undefined;

/** This page's sign-in, created once from GET /api/v1/client-config (and, for Entra, after MSAL handled a redirect back). */
export function pageAuth(): Promise<PageAuth> {
  current ??= create().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

async function create(): Promise<PageAuth> {
  const config = await fetchClientConfig(location.origin);
  switch (config.authMode) {
    case "LocalJwt":
      return localJwt(sessionStorage);
    case "Entra":
      if (!config.entra) throw new Error("The API runs in Entra mode but sent no Entra settings.");
      return entra(config.entra);
    default:
      return { mode: "Demo", token: async () => null, signIn: async () => undefined };
  }
}

function localJwt(storage: Storage): PageAuth {
  return {
    mode: "LocalJwt",
    async token() {
      const token = storage.getItem(TOKEN_STORAGE_KEY);
      if (!token) throw new PageSignInRequired("Paste a Handoff token to sign in (tools/mint-jwt.sh makes one).");
      return token;
    },
    async signIn(pastedToken?: string) {
      const token = pastedToken?.trim().replace(/^Bearer\s+/i, "");
      if (!token) throw new PageSignInRequired("Paste a Handoff token to sign in.");
      storage.setItem(TOKEN_STORAGE_KEY, token);
    },
  };
}

async function entra(settings: NonNullable<ClientConfig["entra"]>): Promise<PageAuth> {
  const client = await redirectClient(settings);
  return {
    mode: "Entra",
    async token() {
      const token = await client.token();
      if (!token) throw new PageSignInRequired("Sign in with your work account to use this page.");
      return token;
    },
    signIn: () => client.signIn(),
  };
}

/** fetch with this page's bearer token (none in Demo). */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await (await pageAuth()).token();
  return fetch(path, { credentials: "same-origin", ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

/** A sign-in card in place of the page's status: a token field for LocalJwt, a button that goes to Entra for Entra. */
export function renderSignIn(into: HTMLElement, auth: PageAuth, message: string, retry: () => void): void {
  const card = document.createElement("div");
  card.className = "card sign-in";
  card.dataset.state = "signedOut";
  const text = document.createElement("p");
  text.textContent = message;
  card.append(text);
  let field: HTMLInputElement | undefined;
  if (auth.mode === "LocalJwt") {
    const label = document.createElement("label");
    label.textContent = "Handoff token";
    field = document.createElement("input");
    field.type = "password";
    field.id = "page-token";
    field.autocomplete = "off";
    label.append(field);
    card.append(label);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.id = "page-sign-in";
  button.textContent = auth.mode === "Entra" ? "Sign in with your work account" : "Sign in";
  button.addEventListener("click", () => {
    auth.signIn(field?.value).then(retry, (error: unknown) => { text.textContent = error instanceof Error ? error.message : String(error); });
  });
  card.append(button);
  into.replaceChildren(card);
}
