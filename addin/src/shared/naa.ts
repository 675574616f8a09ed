import type { IPublicClientApplication } from "@azure/msal-browser";
import type { ClientConfig } from "./contract";
import type { RequirementsLike } from "./mailbox";

// Nested app authentication: Outlook brokers Entra sign-in for the add-in through MSAL.js.

export type EntraSettings = NonNullable<ClientConfig["entra"]>;

/**
 * Nested app authentication needs classic Outlook 2409+, Mac 16.89+, new Outlook or Outlook on the web. Without it
 * MSAL would quietly build a plain browser client whose redirect URI is not registered, so callers check first.
 */
export function naaSupported(requirements: RequirementsLike): boolean {
  try {
    return requirements.isSetSupported("NestedAppAuth", "1.1");
  } catch {
    return false;
  }
}

export async function createNaaClient(entra: EntraSettings): Promise<{ app: IPublicClientApplication; msal: typeof import("@azure/msal-browser") }> {
  const msal = await import("@azure/msal-browser");
  const app = await msal.createNestablePublicClientApplication({
    auth: { clientId: entra.clientId, authority: `https://login.microsoftonline.com/${entra.tenantId}` },
  });
  return { app, msal };
}

/** Without the user: the cached account if there is one, else single sign-on as the Outlook user. */
export async function acquireSilently(app: IPublicClientApplication, scope: string, loginHint: string | undefined): Promise<string> {
  const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
  const result = account
    ? await app.acquireTokenSilent({ scopes: [scope], account })
    : await app.ssoSilent({ scopes: [scope], ...(loginHint ? { loginHint } : {}) });
  app.setActiveAccount(result.account);
  return result.accessToken;
}

/** With the user: Outlook shows Entra's sign-in or consent. */
export async function acquireInteractively(app: IPublicClientApplication, scope: string, loginHint: string | undefined, claims?: string): Promise<string> {
  // A claims challenge (Conditional Access) goes to Entra with the sign-in, so the new token satisfies it.
  const result = await app.acquireTokenPopup({ scopes: [scope], ...(loginHint ? { loginHint } : {}), ...(claims ? { claims } : {}) });
  app.setActiveAccount(result.account);
  return result.accessToken;
}
