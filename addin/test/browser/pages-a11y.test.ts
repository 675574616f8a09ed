import { describe, expect, it } from "vitest";
import { axeViolations } from "./a11y";
import { apiUrl, RESULTS_DIR, useChromium } from "./harness";

// Every HTML page the API serves, scanned by axe-core (WCAG 2.1 A/AA) in Chromium, with nothing allowed off the box:
// Swagger UI must work offline. (The task pane's states are scanned in layout.test.ts.)

const PAGES = ["/swagger/index.html", "/addin/support.html", "/addin/commands.html", "/addin/taskpane.html"];

const chromium = useChromium();

describe("pages the API serves", () => {
  for (const path of PAGES) {
    it(`${path} has no WCAG 2.1 A/AA violations and loads nothing from off the box`, async () => {
      const api = apiUrl();
      const context = await chromium.browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "en-US" });
      const offBox: string[] = [];
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(api + "/")) return route.continue();
        offBox.push(url);
        return route.abort("blockedbyclient");
      });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${api}${path}`);
        expect(response?.status(), path).toBe(200);
        if (path.startsWith("/swagger")) await page.locator(".opblock").first().waitFor();
        if (path.endsWith("taskpane.html")) await page.locator("#verdict [data-verdict]").waitFor();
        await page.screenshot({ path: `${RESULTS_DIR}page-${path.replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}.png` });
        expect(await axeViolations(page), path).toEqual([]);
        if (path.startsWith("/swagger")) {
          // An operation opened with "Try it out" (parameters, the example body, responses) passes too.
          await page.locator("#operations-Meetings-CheckMeeting .opblock-summary-control").click();
          await page.locator("#operations-Meetings-CheckMeeting .try-out__btn").click();
          await page.locator("#operations-Meetings-CheckMeeting textarea.body-param__text").waitFor();
          expect(await axeViolations(page), `${path}, an operation open for Try it out`).toEqual([]);
          await page.locator("#operations-Meetings-CheckMeeting .execute").click();
          await page.locator("#operations-Meetings-CheckMeeting .live-responses-table").waitFor();
          // The shown example is a real request: Swagger's own call answers 200 (the README's Fresno check).
          await expect.poll(() => page.locator("#operations-Meetings-CheckMeeting .live-responses-table tr.response .response-col_status").first().innerText()).toBe("200");
          expect(await axeViolations(page), `${path}, after Execute`).toEqual([]);
          // A CSV body and enum parameters (a content-type picker and drop-downs) pass too.
          const csvImport = '[id$="-ImportTerritories"]';
          await page.locator(`${csvImport} .opblock-summary-control`).click();
          await page.locator(`${csvImport} .try-out__btn`).click();
          await page.locator(`${csvImport} textarea.body-param__text`).waitFor();
          expect(await axeViolations(page), `${path}, the territory import open for Try it out`).toEqual([]);
        }
        expect(offBox.filter((u) => !u.includes("appsforoffice.microsoft.com")), "requests that left the box").toEqual([]);
      } finally {
        await context.close();
      }
    }, path.startsWith("/swagger") ? 120_000 : undefined); // Swagger UI: four axe scans and a real call
  }
});
