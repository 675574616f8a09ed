import type { Browser, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PROSPECT_ZONE_PROPERTY } from "../../src/shared/draft";
import type { StubConfig } from "../support/stub";
import { TENANT, entraConfig, fakeEntra, idToken } from "./fake-entra";
import { apiUrl, futureWinterThursday, useChromium, type Pane } from "./harness";

// Entra sign-in in real Chromium, both paths the pane takes: nested app authentication through a stubbed
// window.nestedAppAuthBridge (as Outlook provides it to MSAL.js), and, where Outlook lacks NestedAppAuth 1.1, the
// Office dialog API opening the API-served auth-dialog.html, whose MSAL.js redirect runs against a fake Entra
// authorize/token endpoint. Plus a Conditional Access claims challenge reaching the interactive sign-in, and the
// event runtime (commands.html) letting the send go with a clear notice where it cannot sign in.


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


const chromium = useChromium();

const button = (p: Pane, name: string) => p.page.locator("fluent-button").filter({ hasText: name });
const verdict = (p: Pane) => p.page.locator("#verdict [data-verdict]");
const signedOut = (p: Pane) => p.page.locator('[data-state="signedOut"]');

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

describe("sign-in with nested app authentication (NestedAppAuth 1.1)", () => {
  it("gets the token from Outlook's bridge silently and checks with it", async () => {
    const pane = await chromium.pane({ office: invite, api: entraApi(), init: naaBridgeScript(idToken({})) });
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
    const pane = await chromium.pane({
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
    const pane = await chromium.pane({
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
    const pane = await chromium.pane({ office: { ...invite, nestedAppAuth: false }, api: entraApi(), setup: (context) => fakeEntra(context, seen) });
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
    const context = await chromium.browser.newContext();
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
