import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations } from "./a11y";
import { RESULTS_DIR, apiUrl, useChromium } from "./harness";

// /reports in Debian's Chromium against the API in demo mode (seeded with eight weeks of handoff history): the
// summary, the weekly trend chart, the tables; the range and grouping change by keyboard alone; light and dark;
// axe-core's WCAG 2.1 A/AA rules; nothing fetched off the box (the shared harness checks every page after its test).

const ready = (page: Page) => expect.poll(() => page.locator("#report").getAttribute("aria-busy")).toBe("false");

describe("the report page", () => {
  const chromium = useChromium();
  const open = (path: string, colorScheme: "light" | "dark" = "light", width = 1280) =>
    chromium.page(path, { width, colorScheme, timezoneId: "America/New_York" });

  it("shows the demo's eight weeks: rates, speed to lead, slips prevented, the trend and the distribution", async () => {
    const { page, context, offBox, errors } = await open("/reports");
    try {
      await ready(page);
      const summary = await page.locator("#summary").textContent();
      expect(summary).toMatch(/Held rate\s*\d+ %/);
      expect(summary).toMatch(/No-show rate\s*\d+ %/);
      expect(summary).toMatch(/Speed to lead\s*\d+ (min|h)/);
      expect(summary).toMatch(/Slips prevented\s*[1-9]\d*/);
      await expect.poll(() => page.locator("#trend svg path").count()).toBeGreaterThan(1);
      expect(await page.locator("#groups tbody tr").count()).toBeGreaterThanOrEqual(8);
      expect(await page.locator("#slips tbody tr").count()).toBeGreaterThan(0);
      expect(await page.locator("#rsms-chart svg rect").count()).toBe(4);
      expect(await page.locator("a.csv").first().getAttribute("href")).toMatch(/^\/api\/v1\/reports\/handoffs\/csv\?table=groups&from=/);
      // The held grid per region and vertical: choose a region by keyboard; its table replaces the org's.
      const slices = await page.locator("#grid-slice option").allTextContents();
      expect(slices.some((o) => o.startsWith("Region: "))).toBe(true);
      expect(slices.some((o) => o.startsWith("Vertical: "))).toBe(true);
      await page.locator("#grid-slice").focus();
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value)).not.toBe("org");
      expect(await page.locator("#grid tbody tr").count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${RESULTS_DIR}reports.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(offBox).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a round-robin territory's handoffs against the weighted fair shares", async () => {
    // An admin (demo mode signs every caller in as one) switches the demo territory with the most handoffs to round
    // robin, its RSM weighted 2 and a second demo RSM added at 1; the page's fair-share table then lists each RSM's
    // handoffs, fair share and difference (the demo history was routed by priority, so the differences are not 0).
    const api = apiUrl();
    const list = await (await fetch(`${api}/api/v1/admin/territories?pageSize=100`)).json() as { items: Array<{ id: string; name: string }> };
    const byTerritory = await (await fetch(`${api}/api/v1/reports/handoffs?groupBy=territory`)).json() as { groups: Array<{ key: string; figures: { booked: number } }> };
    const booked = (name: string) => byTerritory.groups.find((g) => g.key === name)?.figures.booked ?? 0;
    const target = [...list.items].sort((a, b) => booked(b.name) - booked(a.name))[0];
    expect(target && booked(target.name), "a demo territory with handoffs").toBeGreaterThan(0);
    const rsms = await (await fetch(`${api}/api/v1/admin/rsms?pageSize=100`)).json() as { items: Array<{ email: string; active: boolean }> };
    const read = await fetch(`${api}/api/v1/admin/territories/${target!.id}`);
    const before = await read.json() as {
      name: string; rules: unknown; verticals: string[]; defaultProspectTimeZone: string | null; routing: unknown;
      assignments: Array<{ rsmEmail: string; priority: number; weight: number }>;
    };
    const second = rsms.items.find((r) => r.active && !before.assignments.some((a) => a.rsmEmail.toLowerCase() === r.email.toLowerCase()));
    const pool = before.assignments.length >= 2 || !second ? before.assignments
      : [...before.assignments, { rsmEmail: second.email, priority: before.assignments.length + 1, weight: 1 }];
    const body = (routing: unknown, assignments: Array<{ rsmEmail: string; priority: number; weight: number }>, weight: (i: number) => number) => JSON.stringify({
      name: before.name, rules: before.rules, verticals: before.verticals, defaultProspectTimeZone: before.defaultProspectTimeZone, routing,
      assignments: assignments.map((a, i) => ({ rsmEmail: a.rsmEmail, priority: a.priority, weight: weight(i) })),
    });
    const put = (etag: string, json: string) => fetch(`${api}/api/v1/admin/territories/${target!.id}`, {
      method: "PUT", headers: { "content-type": "application/json", "if-match": etag }, body: json,
    });
    const switched = await put(read.headers.get("etag")!, body({ mode: "roundRobin", period: "month", creditBack: true }, pool, (i) => (i === 0 ? 2 : 1)));
    expect(switched.status).toBe(200);
    const { page, context, offBox, errors } = await open("/reports");
    try {
      await ready(page);
      const section = page.locator(`#fair-shares [data-territory="${before.name}"]`);
      await expect.poll(() => section.locator("h3").textContent()).toContain("roundRobin");
      const tables = section.locator("table");
      expect(await tables.count()).toBeGreaterThan(0);
      const last = tables.last();
      expect(await last.locator("thead th").allTextContents()).toEqual(["RSM", "Weight", "Handoffs", "Fair share", "Difference"]);
      const rows = await last.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
      expect(rows.length).toBe(pool.length);
      expect(rows[0]![1]).toBe("2");
      const counted = await section.locator("tbody tr td:nth-child(3)").allTextContents();
      expect(counted.some((c) => Number(c) > 0), "the territory's handoffs are counted").toBe(true);
      for (const [, , handoffs, share, difference] of rows) {
        // Difference = handoffs − fair share, signed with a true minus.
        const d = Number(difference!.replace("−", "-"));
        expect(d).toBeCloseTo(Number(handoffs) - Number(share), 1);
      }
      // The shares add up to the handoffs counted (each handoff's share is split over those present).
      const sumShares = rows.reduce((sum, r) => sum + Number(r[3]), 0);
      const sumHandoffs = rows.reduce((sum, r) => sum + Number(r[2]), 0);
      expect(sumShares).toBeCloseTo(sumHandoffs, 0);
      // A priority territory says it has no fair share.
      expect(await page.locator("#fair-shares").textContent()).toContain("Priority: every lead goes to the lowest priority number");
      expect(await page.locator("#fair-shares a.csv").getAttribute("href")).toMatch(/table=fairShares&/);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS_DIR}reports-fair-shares.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(offBox).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      // Put the demo territory back as it was, for the other browser tests.
      const now = await fetch(`${api}/api/v1/admin/territories/${target!.id}`);
      const restored = await put(now.headers.get("etag")!, body(before.routing, before.assignments, (i) => before.assignments[i]!.weight));
      expect(restored.status).toBe(200);
    }
  });

  it("changes range and grouping with the keyboard alone, and says why a bad range is refused", async () => {
    const { page, context, errors } = await open("/reports", "dark");
    try {
      await ready(page);
      await page.locator("#range button[type=submit]").focus();
      await page.keyboard.press("Shift+Tab"); // back to Group by (a date input's Tab walks its month, day and year)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("groupBy");
      await page.keyboard.press("ArrowDown"); // Week → SDR: the report reloads
      await expect.poll(() => page.locator("#groups-by").textContent()).toBe("SDR");
      await ready(page);
      expect(await page.locator("#groups tbody th").allTextContents()).toEqual(["leo.park@example.com", "maya.ortiz@example.com", "sdr@example.com"]);
      await page.screenshot({ path: `${RESULTS_DIR}reports-dark.png`, fullPage: true });

      const lastWeek = await page.evaluate(() => {
        const d = new Date();
        const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7) - 7);
        return `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, "0")}-${String(monday.getDate()).padStart(2, "0")}`;
      });
      await page.locator("#from").fill(lastWeek);
      await page.locator("#from").press("Enter");
      await expect.poll(() => page.url()).toContain(`from=${lastWeek}`);
      await ready(page);
      const booked = Number((await page.locator("#summary .tile").first().locator("strong").textContent()) ?? "0");
      expect(booked).toBeGreaterThan(5);
      expect(booked).toBeLessThan(40);

      await page.locator("#to").fill("2020-01-01");
      await page.locator("#to").press("Enter");
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/is after 'to'/);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
