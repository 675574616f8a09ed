import { PublicClientApplication, type AuthenticationResult } from "@azure/msal-browser";
import type { DialogMessage } from "../taskpane/dialog-auth";

// The Office dialog's sign-in page: MSAL.js with a full-page redirect to Entra and back to this page, then the token
// goes to the pane with messageParent. Query: clientId, tenantId, scope, loginHint, claims (set by the pane).

function send(message: DialogMessage): void {
  (globalThis as unknown as { Office: typeof Office }).Office.context.ui.messageParent(JSON.stringify(message));
}

async function run(): Promise<void> {
  const query = new URLSearchParams(location.search);
  // After Entra's redirect the query is gone; the settings wait in sessionStorage.
  const saved = JSON.parse(sessionStorage.getItem("handoff.dialog") ?? "{}") as Record<string, string>;
  const get = (name: string) => query.get(name) ?? saved[name] ?? "";
  sessionStorage.setItem("handoff.dialog", JSON.stringify({ clientId: get("clientId"), tenantId: get("tenantId"), scope: get("scope"), loginHint: get("loginHint"), claims: get("claims") }));

  const app = new PublicClientApplication({
    auth: {
      clientId: get("clientId"),
      authority: `https://login.microsoftonline.com/${get("tenantId")}`,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  await app.initialize();
  const result: AuthenticationResult | null = await app.handleRedirectPromise();
  if (result) {
    send({ ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 });
    return;
  }
  const hint = get("loginHint");
  const claims = get("claims"); // a Conditional Access challenge the pane was given
  await app.acquireTokenRedirect({ scopes: [get("scope")], ...(hint ? { loginHint: hint } : {}), ...(claims ? { claims } : {}) });
}

void Office.onReady(() => run().catch((error: unknown) => send({ ok: false, error: `Sign-in failed: ${error instanceof Error ? error.message : String(error)}` })));
