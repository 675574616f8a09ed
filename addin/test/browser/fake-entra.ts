import type { BrowserContext } from "playwright-core";

// A Microsoft Entra ID stand-in for MSAL.js in the browser tests (the pages' and the Office dialog's redirect flow).

export const TENANT = "7c1d2b5e-0000-4000-8000-00000000c0de";
export const CLIENT = "3f0e9a44-0000-4000-8000-0000000000a1";
export const entraConfig = { authMode: "Entra", apiBaseUrl: null, entra: { clientId: CLIENT, tenantId: TENANT, apiScope: `api://${CLIENT}/access_as_user` } };

export interface EntraSeen { authorize: URL[]; token: URLSearchParams[] }

export function b64url(value: object | string): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

/** An unsigned id token shaped like Entra's (MSAL.js reads its claims; signatures are the server's business). */
export function idToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ aud: CLIENT, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: "00000000-0000-0000-0000-00000000051a", sub: "sdr-sub", preferred_username: "sdr@example.com", name: "Sam Rivera", iat: now, nbf: now, exp: now + 3600, ver: "2.0", ...claims })}.`;
}

/**
 * Entra's authorize and token endpoints for MSAL.js's redirect flow with PKCE (the dialog page): authorize sends the
 * browser back to the redirect URI with a code; the token endpoint trades it (checking the PKCE verifier is there)
 * for an access token and an id token carrying the request's nonce.
 */
export async function fakeEntra(context: BrowserContext, seen: EntraSeen): Promise<void> {
  const nonces = new Map<string, string>();
  const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "GET, POST, OPTIONS" };
  await context.route("https://login.microsoftonline.com/**", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    if (url.pathname.endsWith("/oauth2/v2.0/authorize")) {
      seen.authorize.push(url);
      const code = `code-${seen.authorize.length}`;
      nonces.set(code, url.searchParams.get("nonce") ?? "");
      const answer = new URLSearchParams({ code, state: url.searchParams.get("state") ?? "", client_info: b64url({ uid: "00000000-0000-0000-0000-00000000051a", utid: TENANT }) });
      const back = `${url.searchParams.get("redirect_uri")}${url.searchParams.get("response_mode") === "query" ? "?" : "#"}${answer}`;
      return route.fulfill({ contentType: "text/html", body: `<script>location.replace(${JSON.stringify(back)})</script>` });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token")) {
      const form = new URLSearchParams(request.postData() ?? "");
      seen.token.push(form);
      if (!form.get("code_verifier") || !nonces.has(form.get("code") ?? "")) return route.fulfill({ status: 400, headers: cors, json: { error: "invalid_grant" } });
      return route.fulfill({ headers: cors, json: {
        token_type: "Bearer", scope: form.get("scope"), expires_in: 3600, ext_expires_in: 3600,
        access_token: "dialog-token-1", id_token: idToken({ nonce: nonces.get(form.get("code")!) }),
        client_info: b64url({ uid: "00000000-0000-0000-0000-00000000051a", utid: TENANT }),
      } });
    }
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      const root = `https://login.microsoftonline.com/${TENANT}`;
      return route.fulfill({ headers: cors, json: { issuer: `${root}/v2.0`, authorization_endpoint: `${root}/oauth2/v2.0/authorize`, token_endpoint: `${root}/oauth2/v2.0/token`, end_session_endpoint: `${root}/oauth2/v2.0/logout`, jwks_uri: `${root}/discovery/v2.0/keys` } });
    }
    if (url.pathname.endsWith("/discovery/instance")) {
      return route.fulfill({ headers: cors, json: { tenant_discovery_endpoint: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`, "api-version": "1.1", metadata: [{ preferred_network: "login.microsoftonline.com", preferred_cache: "login.windows.net", aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"] }] } });
    }
    return route.fulfill({ status: 404, headers: cors, body: "" });
  });
}

