import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { RESULTS_DIR, apiUrl, launch } from "./harness";
import { reportTripUrl } from "../../src/pages/report-trip-link";

// The field pages in Debian's Chromium against the API in demo mode (seeded with field plans, calendars and
// reported trips): the planner's map and table, the one-tap trip report, and axe-core's accessibility rules.

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Opened { page: Page; context: BrowserContext; offBox: string[]; errors: string[] }

async function open(browser: Browser, path: string, width = 1200): Promise<Opened> {
  const api = apiUrl();
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US", timezoneId: "America/Los_Angeles" });
  const offBox: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(api + "/")) return route.continue();
    offBox.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${api}${path}`);
  return { page, context, offBox, errors };
}

/** axe-core's WCAG 2.x A/AA rules on the page as it stands; returns "rule: target" for each violation. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    return run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

describe("the field pages", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it("the planner draws the coming weeks on an offline map with a week-by-week table", async () => {
    const { page, context, offBox, errors } = await open(browser, "/planner");
    try {
      await expect.poll(() => page.locator("#planner").getAttribute("aria-busy")).toBe("false");
      await expect.poll(() => page.locator("#map svg path.land").count()).toBeGreaterThan(40);
      const markers = await page.locator("#map svg circle.cluster").count();
      expect(markers).toBeGreaterThan(3);
      await expect.poll(() => page.locator("#weeks button").count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator("#weeks button[aria-pressed=true]").textContent()).toMatch(/^Week of /);
      // Next week: Dana in Sacramento and Marcus on his Milwaukee plan (the demo moves its plans week by week).
      const table = await page.locator("#table").textContent();
      expect(table).toMatch(/Dana Ruiz is in Sacramento, CA .*open hour/);
      expect(table).toMatch(/planned \d+ %/); // a field plan shows with its confidence
      expect(table).toMatch(/Marcus Bell is in Milwaukee, WI/);
      await page.screenshot({ path: `${RESULTS_DIR}planner.png`, fullPage: true });

      await page.locator("#weeks button").nth(2).click();
      await expect.poll(() => page.locator("#weeks button").nth(2).getAttribute("aria-pressed")).toBe("true");
      const csv = await page.locator("#csv").getAttribute("href");
      expect(csv).toMatch(/format=csv$/);
      expect(await axe(page)).toEqual([]);
      expect(offBox).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("reports a trip in one tap from a prefilled link, and shows refusals beside the field", async () => {
    const now = Date.now();
    const url = reportTripUrl({
      rsm: "rsm.west@example.com",
      from: "Fresno, CA 93706",
      to: "Sacramento, CA 95814",
      departed: new Date(now - 4 * 3_600_000).toISOString(),
      arrived: new Date(now - 4 * 3_600_000 + 170 * 60_000).toISOString(),
    });
    const { page, context, offBox, errors } = await open(browser, url, 420);
    try {
      await expect.poll(() => page.locator("#summary").isVisible()).toBe(true);
      expect(await page.locator("#fields").isVisible()).toBe(false);
      expect(await page.locator("#summary").textContent()).toContain("2 h 50 min");
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${RESULTS_DIR}report-trip.png`, fullPage: true });
      await page.locator("#send").click();
      await expect.poll(() => page.locator("#result").textContent()).toMatch(/Thanks: 2 h 50 min from Fresno to Sacramento recorded/);
      await page.screenshot({ path: `${RESULTS_DIR}report-trip-sent.png`, fullPage: true });

      await page.locator("#edit").click();
      await page.locator("#arrived").fill("2020-01-01T08:00");
      await page.locator("#send").click();
      await expect.poll(() => page.locator("#arrived-error").textContent()).toContain("after 'departed'");
      expect(await page.locator("#arrived").getAttribute("aria-invalid")).toBe("true");
      expect(offBox).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the API serves the pages at short addresses with their assets under /addin/", async () => {
    for (const path of ["/planner", "/report-trip"]) {
      const response = await fetch(`${apiUrl()}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('<base href="/addin/">');
    }
  });
});
