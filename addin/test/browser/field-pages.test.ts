import { describe, expect, it } from "vitest";
import { axeViolations } from "./a11y";
import { RESULTS_DIR, apiUrl, useChromium } from "./harness";
import { reportTripUrl } from "../../src/pages/report-trip-link";

// The field pages in Debian's Chromium against the API in demo mode (seeded with field plans, calendars and
// reported trips): the planner's map and table, the one-tap trip report, and axe-core's accessibility rules.

describe("the field pages", () => {
  const chromium = useChromium();
  const open = (path: string, width = 1200) => chromium.page(path, { width, timezoneId: "America/Los_Angeles" });

  it("the planner draws the coming weeks on an offline map with a week-by-week table", async () => {
    const { page, context, offBox, errors } = await open("/planner");
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
      expect(await axeViolations(page)).toEqual([]);
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
    const { page, context, offBox, errors } = await open(url, 420);
    try {
      await expect.poll(() => page.locator("#summary").isVisible()).toBe(true);
      expect(await page.locator("#fields").isVisible()).toBe(false);
      expect(await page.locator("#summary").textContent()).toContain("2 h 50 min");
      expect(await axeViolations(page)).toEqual([]);
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
