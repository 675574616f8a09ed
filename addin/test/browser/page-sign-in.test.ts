import { describe, expect, it } from "vitest";
import { entraConfig, fakeEntra, type EntraSeen } from "./fake-entra";
import { apiUrl, useChromium } from "./harness";

// The pages the API serves outside Outlook (/planner, /report-trip, the brief page) sign in as the API is configured,
// in Debian's Chromium: LocalJwt with a pasted token, Entra with MSAL.js's redirect to Entra and back to the page
// (a fake authorize/token endpoint). The API here runs in Demo mode, so client-config is answered by the test and the
// assertions are on the Authorization header each page sends.

// Pages outside Outlook ask for Office.js from Microsoft's CDN, which this closed network refuses: allowed here.
const chromium = useChromium({ offBox: "allowed" });

/** A page whose client-config is answered with `config`; Entra faked when `seen` is given. */
const open = (path: string, config: object, seen?: EntraSeen) => chromium.page(path, {
  width: 1100,
  api: async (route, at) => (at === "/api/v1/client-config" ? (await route.fulfill({ json: config }), true) : false),
  ...(seen ? { setup: (context) => fakeEntra(context, seen) } : {}),
});

describe("the API-served pages sign in", () => {

  it("the planner with LocalJwt: asks for a token, then sends it (CSV download too)", async () => {
    const { page, context, auth, errors } = await open("/planner", { authMode: "LocalJwt", apiBaseUrl: null, entra: null });
    try {
      await expect.poll(() => page.locator('[data-state="signedOut"]').count()).toBe(1);
      expect(auth).toEqual([]); // nothing sent without a token
      await page.locator("#page-token").fill("Bearer local.jwt.token");
      await page.locator("#page-sign-in").click();
      await expect.poll(() => page.locator("#weeks button").count()).toBeGreaterThanOrEqual(4);
      expect(auth[0]).toBe("Bearer local.jwt.token");
      const download = page.waitForEvent("download");
      await page.locator("#csv").click();
      expect((await download).suggestedFilename()).toBe("handoff-planner.csv");
      expect(auth.at(-1)).toBe("Bearer local.jwt.token");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the planner with Entra: goes to Entra and back to /planner, then calls the API with the token", async () => {
    const seen: EntraSeen = { authorize: [], token: [] };
    const { page, context, auth, errors } = await open("/planner?from=2027-01-04&to=2027-01-31", entraConfig, seen);
    try {
      await expect.poll(() => page.locator('[data-state="signedOut"]').count()).toBe(1);
      await page.locator("#page-sign-in").click();
      await expect.poll(() => page.locator("#weeks button").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
      expect(seen.authorize[0]!.searchParams.get("redirect_uri")).toBe(`${apiUrl()}/planner`);
      expect(seen.authorize[0]!.searchParams.get("scope")).toContain(entraConfig.entra.apiScope);
      expect(new URL(page.url()).search).toBe("?from=2027-01-04&to=2027-01-31"); // back where the SDR was
      expect(auth.at(-1)).toBe("Bearer dialog-token-1");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("report-trip with Entra: the one-tap link survives the trip to Entra and the report goes with the token", async () => {
    const seen: EntraSeen = { authorize: [], token: [] };
    const query = new URLSearchParams({ rsm: "rsm.west@example.com", from: "Fresno, CA 93706", to: "Sacramento, CA 95814", departed: "2026-11-30T16:00:00Z", arrived: "2026-11-30T19:10:00Z" });
    const { page, context, auth } = await open(`/report-trip?${query}`, entraConfig, seen);
    try {
      await page.locator("#send").click();
      await expect.poll(() => page.locator('[data-state="signedOut"]').count()).toBe(1);
      await page.locator("#page-sign-in").click();
      await expect.poll(() => seen.token.length, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => new URL(page.url()).searchParams.get("departed")).toBe("2026-11-30T16:00:00Z");
      await page.locator("#send").click();
      await expect.poll(() => page.locator("#result").textContent()).toContain("recorded");
      expect(auth.at(-1)).toBe("Bearer dialog-token-1");
    } finally {
      await context.close();
    }
  });

  it("the brief page with Entra: signs in by redirect and comes back to the same handoff", async () => {
    const seen: EntraSeen = { authorize: [], token: [] };
    const { page, context, auth } = await open("/handoffs/no-such-handoff-0001", entraConfig, seen);
    try {
      await expect.poll(() => page.locator("#brief").getAttribute("data-status")).toBe("signedOut");
      await page.locator("#brief fluent-button").click();
      await expect.poll(() => page.locator("#brief").getAttribute("data-status"), { timeout: 20_000 }).toBe("error");
      expect(seen.authorize[0]!.searchParams.get("redirect_uri")).toBe(`${apiUrl()}/addin/brief.html`);
      expect(new URL(page.url()).searchParams.get("key")).toBe("no-such-handoff-0001");
      expect(auth.at(-1)).toBe("Bearer dialog-token-1");
      expect(await page.locator("#brief-message").textContent()).toContain("No such handoff");
    } finally {
      await context.close();
    }
  });
});

describe("the task pane outside Outlook", () => {

  it("signs in with Entra by redirect back to the pane (no NAA, no Office dialog in a plain browser)", async () => {
    const seen: EntraSeen = { authorize: [], token: [] };
    const { page, context, auth, errors } = await open("/addin/taskpane.html", entraConfig, seen);
    try {
      await expect.poll(() => page.locator('[data-state="signedOut"]').count()).toBe(1);
      expect(await page.locator('[data-state="signedOut"]').textContent()).toContain("Sign in with your work account");
      await page.locator("fluent-button").filter({ hasText: "Sign in" }).click();
      await expect.poll(() => page.locator("#verdict [data-verdict]").count(), { timeout: 20_000 }).toBe(1);
      expect(seen.authorize[0]!.searchParams.get("redirect_uri")).toBe(`${apiUrl()}/addin/taskpane.html`);
      expect(auth.filter((a) => a !== "(none)").at(-1)).toBe("Bearer dialog-token-1");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
