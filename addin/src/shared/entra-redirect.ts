import type { ClientConfig } from "./contract";

// Entra sign-in for a page in a plain browser tab (not inside Outlook): MSAL.js's standard client with a full-page
// redirect to Entra and back to the page itself, which must be a single-page-application redirect URI of the app
// registration. Not a popup: MSAL.js 5 answers popups and hidden iframes only through a redirect-bridge page.

export interface RedirectClient {
  /** A token from MSAL's cache (refreshed silently when it can be); undefined when the user has to sign in. */
  token(): Promise<string | undefined>;
  /** Leaves for Entra's sign-in (with a Conditional Access claims challenge when given) and comes back to this page. */
  signIn(claims?: string): Promise<void>;
}

export async function redirectClient(entra: NonNullable<ClientConfig["entra"]>): Promise<RedirectClient> {
  const msal = await import("@azure/msal-browser");
  const app = new msal.PublicClientApplication({
    auth: {
      clientId: entra.clientId,
      authority: `https://login.microsoftonline.com/${entra.tenantId}`,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  await app.initialize();
  const back = await app.handleRedirectPromise(); // after Entra's redirect: the sign-in this page started
  if (back) app.setActiveAccount(back.account);
  const scopes = [entra.apiScope];
  return {
    async token() {
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      if (!account) return undefined;
      try {
        return (await app.acquireTokenSilent({ scopes, account })).accessToken;
      } catch (error) {
        if (error instanceof msal.InteractionRequiredAuthError) return undefined;
        throw error;
      }
    },
    async signIn(claims?: string) {
      await app.acquireTokenRedirect({ scopes, ...(claims ? { claims } : {}) });
    },
  };
}
