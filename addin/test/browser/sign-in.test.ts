import type { Browser, BrowserContext, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PROSPECT_ZONE_PROPERTY } from "../../src/shared/draft";
import type { StubConfig } from "../support/stub";
import { apiUrl, futureWinterThursday, launch, openPane, type Pane } from "./harness";

// Entra sign-in in real Chromium, both paths the pane takes: nested app authentication through a stubbed
// window.nestedAppAuthBridge (as Outlook provides it to MSAL.js), and, where Outlook lacks NestedAppAuth 1.1, the
// Office dialog API opening the API-served auth-dialog.html, whose MSAL.js redirect runs against a fake Entra
// authorize/token endpoint. Plus a Conditional Access claims challenge reaching the interactive sign-in, and the
// event runtime (commands.html) letting the send go with a clear notice where it cannot sign in.

const TENANT = "7c1d2b5e-0000-4000-8000-00000000c0de";
const CLIENT = "3f0e9a44-0000-4000-8000-0000000000a1";
const entraConfig = { authMode: "Entra", apiBaseUrl: null, entra: { clientId: CLIENT, tenantId: TENANT, apiScope: `api://${CLIENT}/access_as_user` } };
const CLAIMS = '{"access_token":{"capolids":{"essential":true,"values":["c1"]}}}';

const day = futureWinterThursday();
const invite: StubConfig = {
  start: `${day}T18:00:00.000Z`,
  end: `${day}T19:00:00.000Z`,
  timeZone: "Eastern Standard Time",
  email: "sdr@example.com",
  required: [{ emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" }, { emailAddress: "cfo@acme-metals.example" }],
  location: "Microsoft Teams Meeting",
  customProperties: { [PROSPECT_ZONE_PROPERTY]: "America/Los_Angeles" },
};

let browser: Browser;
let pane: Pane | undefined;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  if (pane) {
    expect(pane.errors, "uncaught errors in the page").toEqual([]);
    await pane.close();
    pane = undefined;
  }
});

const button = (p: Pane, name: string) => p.page.locator("fluent-button").filter({ hasText: name });
const verdict = (p: Pane) => p.page.locator("#verdict [data-verdict]");
const signedOut = (p: Pane) => p.page.locator('[data-state="signedOut"]');

function b64url(value: object | string): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

/** An unsigned id token shaped like Entra's (MSAL.js reads its claims; signatures are the server's business). */
function idToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ aud: CLIENT, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: "00000000-0000-0000-0000-00000000051a", sub: "sdr-sub", preferred_username: "sdr@example.com", name: "Sam Rivera", iat: now, nbf: now, exp: now + 3600, ver: "2.0", ...claims })}.`;
}

/** window.nestedAppAuthBridge as Outlook injects it: JSON messages in, JSON answers out, every request remembered. */
function naaBridgeScript(id: string): string {
  return `(() => {
    const naa = window.__naa = { requests: [], issued: 0, silentFails: false };
    const listeners = [];
    window.nestedAppAuthBridge = {
      addEventListener: (_type, cb) => listeners.push(cb),
      removeEventListener: () => undefined,
      postMessage: (text) => {
        const request = JSON.parse(text);
        naa.requests.push(request);
        const reply = (body) => setTimeout(() => listeners.forEach((cb) => cb(JSON.stringify({ messageType: "NestedAppAuthResponse", requestId: request.requestId, ...body }))), 0);
        if (request.method === "GetInitContext") {
          return reply({ success: true, initContext: { sdkName: "handoff-test-bridge", sdkVersion: "1.0.0", accountContext: null, capabilities: { queryAccount: false } } });
        }
        if (request.method === "GetToken" && naa.silentFails) {
          return reply({ success: false, error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required", description: "AADSTS50076: MFA required." } });
        }
        const n = ++naa.issued;
        reply({ success: true,
          token: { access_token: "naa-token-" + n, id_token: ${JSON.stringify(id)}, expires_in: 3600, scope: request.tokenParams.scope },
          account: { environment: "login.microsoftonline.com", homeAccountId: "00000000-0000-0000-0000-00000000051a.${TENANT}", tenantId: "${TENANT}", localAccountId: "00000000-0000-0000-0000-00000000051a", username: "sdr@example.com" } });
      },
    };
  })();`;
}

/** Answers the pane's client-config with Entra settings; other API paths go to the real API (demo mode ignores the bearer). */
const entraApi = (alterCheck?: (route: Route) => Promise<boolean>) => async (route: Route, path: string) => {
  if (path === "/api/v1/client-config") return (await route.fulfill({ json: entraConfig }), true);
  if (path === "/api/v1/meetings/check" && alterCheck) return alterCheck(route);
  return false;
};

/**
 * Entra's authorize and token endpoints for MSAL.js's redirect flow with PKCE (the dialog page): authorize sends the
 * browser back to the redirect URI with a code; the token endpoint trades it (checking the PKCE verifier is there)
 * for an access token and an id token carrying the request's nonce.
 */
async function fakeEntra(context: BrowserContext, seen: { authorize: URL[]; token: URLSearchParams[] }): Promise<void> {
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

describe("sign-in with nested app authentication (NestedAppAuth 1.1)", () => {
  it("gets the token from Outlook's bridge silently and checks with it", async () => {
    pane = await openPane(browser, { office: invite, api: entraApi(), init: naaBridgeScript(idToken({})) });
    await expect.poll(() => verdict(pane!).count()).toBe(1);
    expect(pane.checkHeaders[0]!.authorization).toBe("Bearer naa-token-1");
    const methods = await pane.page.evaluate(() => (window as unknown as { __naa: { requests: Array<{ method: string }> } }).__naa.requests.map((r) => r.method));
    expect(methods[0]).toBe("GetInitContext");
    expect(methods).toContain("GetToken");
    expect(methods).not.toContain("GetTokenPopup");
    expect(await signedOut(pane).count()).toBe(0);
  });

  it("turns a Conditional Access claims challenge into Sign in, and the popup carries the claims", async () => {
    let first = true;
    pane = await openPane(browser, {
      office: invite,
      init: naaBridgeScript(idToken({})),
      api: entraApi(async (route) => {
        if (!first) return false;
        first = false; // the first check's Graph read on behalf of the SDR met a Conditional Access policy
        const answer = await (await route.fetch()).json();
        await route.fulfill({ json: { ...answer, calendarAccess: { state: "signInAgain", message: "Sign in to Handoff again so it can read the RSMs' calendars for you.", claims: CLAIMS } } });
        return true;
      }),
    });
    await expect.poll(() => signedOut(pane!).count()).toBe(1);
    expect(await signedOut(pane).textContent()).toContain("Sign in to Handoff again");
    await pane.shot("sign-in-claims-challenge");

    await button(pane, "Sign in").click();
    await expect.poll(() => verdict(pane!).count()).toBe(1);
    const popup = await pane.page.evaluate(() => (window as unknown as { __naa: { requests: Array<{ method: string; tokenParams?: { claims?: string } }> } }).__naa.requests.find((r) => r.method === "GetTokenPopup"));
    expect(JSON.parse(popup!.tokenParams!.claims!)).toMatchObject(JSON.parse(CLAIMS));
    expect(pane.checkHeaders.at(-1)!.authorization).toBe("Bearer naa-token-2");
  });

  it("reads the API's WWW-Authenticate insufficient_claims challenge the same way", async () => {
    let first = true;
    pane = await openPane(browser, {
      office: invite,
      init: naaBridgeScript(idToken({})),
      api: entraApi(async (route) => {
        if (!first) return false;
        first = false;
        await route.fulfill({ status: 401, headers: { "www-authenticate": `Bearer realm="", error="insufficient_claims", claims="${Buffer.from(CLAIMS).toString("base64")}"` }, body: "" });
        return true;
      }),
    });
    await expect.poll(() => signedOut(pane!).count()).toBe(1);
    await button(pane, "Sign in").click();
    await expect.poll(() => verdict(pane!).count()).toBe(1);
    const claims = await pane.page.evaluate(() => (window as unknown as { __naa: { requests: Array<{ method: string; tokenParams?: { claims?: string } }> } }).__naa.requests.find((r) => r.method === "GetTokenPopup")?.tokenParams?.claims);
    expect(JSON.parse(claims!)).toMatchObject(JSON.parse(CLAIMS));
  });
});

describe("sign-in through the Office dialog (Outlook without nested app authentication)", () => {
  it("asks for a click, opens auth-dialog.html with displayDialogAsync, and checks with the token it sends back", async () => {
    const seen = { authorize: [] as URL[], token: [] as URLSearchParams[] };
    pane = await openPane(browser, { office: { ...invite, nestedAppAuth: false }, api: entraApi(), setup: (context) => fakeEntra(context, seen) });
    await expect.poll(() => signedOut(pane!).count()).toBe(1);
    expect(await signedOut(pane).textContent()).toContain("signs in through a separate window");
    expect(pane.checks).toHaveLength(0);

    await button(pane, "Sign in").click();
    await expect.poll(() => verdict(pane!).count(), { timeout: 20_000 }).toBe(1);

    const opened = await pane.stub((s) => s.callsTo("ui.displayDialogAsync").map((c) => c.args[0] as string));
    const dialog = new URL(opened[0]!);
    expect(`${dialog.origin}${dialog.pathname}`).toBe(`${apiUrl()}/addin/auth-dialog.html`);
    expect(dialog.searchParams.get("scope")).toBe(entraConfig.entra.apiScope);
    expect(seen.authorize[0]!.searchParams.get("redirect_uri")).toBe(`${apiUrl()}/addin/auth-dialog.html`);
    expect(seen.authorize[0]!.searchParams.get("code_challenge_method")).toBe("S256");
    expect(seen.token[0]!.get("grant_type")).toBe("authorization_code");
    expect(pane.checkHeaders[0]!.authorization).toBe("Bearer dialog-token-1");
    expect(await pane.stub((s) => s.callsTo("dialog.close").length)).toBe(1);
  });
});

describe("event handlers in Chromium without nested app authentication", () => {
  it("let the send go with Smart Alerts' prompt and a clear reason, never a silent pass", async () => {
    const context = await browser.newContext();
    const api = apiUrl();
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === "https://appsforoffice.microsoft.com/lib/1/hosted/office.js") {
        const { STUB_SOURCE } = await import("../support/stub");
        return route.fulfill({ contentType: "text/javascript", body: `globalThis.__officeStubConfig = ${JSON.stringify({ ...invite, nestedAppAuth: false, mailboxVersion: "1.14" })};\n${STUB_SOURCE}` });
      }
      if (url === `${api}/api/v1/client-config`) return route.fulfill({ json: entraConfig });
      if (url.startsWith(`${api}/`)) return route.continue();
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    const checks: string[] = [];
    page.on("request", (r) => { if (r.url().endsWith("/api/v1/meetings/check")) checks.push(r.url()); });
    try {
      await page.goto(`${api}/addin/commands.html`);
      const completed = await page.evaluate(() => new Promise((resolve) => {
        const stub = (globalThis as unknown as { __officeStub: { associations: Record<string, (e: unknown) => unknown> } }).__officeStub;
        void stub.associations.onAppointmentSendHandler!({ completed: resolve });
      }));
      expect(completed).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: "HandoffCheckButton" });
      expect((completed as { errorMessage: string }).errorMessage).toContain("can't check this meeting in the background");
      expect(checks).toHaveLength(0);
    } finally {
      await context.close();
    }
  });
});
