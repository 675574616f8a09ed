import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import type { CheckRequest } from "../../src/shared/contract";
import { STUB_SOURCE, type OfficeStub, type StubConfig } from "../support/stub";

// Real headless Chromium (Debian's) against the running API in demo mode. The Office.js CDN script is answered with
// the Office stub; every other off-box request is aborted and remembered, so a test can prove there were none.

export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const RESULTS_DIR = fileURLToPath(new URL("../../test-results/", import.meta.url));

export function apiUrl(): string {
  const url = process.env.HANDOFF_API_URL;
  if (!url) throw new Error("HANDOFF_API_URL is not set: run the browser tests through scripts/test.sh, which starts the API in demo mode.");
  return url.replace(/\/+$/, "");
}

export async function launch(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true, // Playwright gives each launch a fresh, empty user-data-dir
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface PaneOptions {
  /** The Office stub's invite; null = Office.js can't load (a plain browser on this closed network); "hang" = the CDN never answers. */
  office: StubConfig | null | "hang";
  colorScheme?: "light" | "dark";
  width?: number;
  height?: number;
  /** Intercepts requests to the API; return false to let them through to the real API. */
  api?: (route: Route, path: string) => Promise<boolean>;
  /** A script every page of the context runs first (e.g. the NAA bridge Outlook injects). */
  init?: string;
  /** More routes (registered after the catch-all, so they win), e.g. a fake Entra for the sign-in pages. */
  setup?: (context: BrowserContext) => Promise<void>;
}

export interface Pane {
  page: Page;
  context: BrowserContext;
  checks: CheckRequest[];
  checkHeaders: Array<Record<string, string>>;
  offBox: string[];
  errors: string[];
  stub<T>(fn: (stub: OfficeStub) => T): Promise<T>;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPane(browser: Browser, options: PaneOptions): Promise<Pane> {
  const api = apiUrl();
  const context = await browser.newContext({ viewport: { width: options.width ?? 380, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? "light", locale: "en-US" });
  const offBox: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_CDN) {
      if (options.office === "hang") return; // never answered, like a CDN that hangs
      if (!options.office) return route.abort("internetdisconnected");
      return route.fulfill({ contentType: "text/javascript", body: `globalThis.__officeStubConfig = ${JSON.stringify(options.office)};\n${STUB_SOURCE}` });
    }
    if (url.startsWith(api + "/")) {
      if (options.api && (await options.api(route, new URL(url).pathname))) return;
      return route.continue();
    }
    offBox.push(url);
    return route.abort("blockedbyclient");
  });
  if (options.init) await context.addInitScript(options.init);
  await options.setup?.(context);
  const page = await context.newPage();
  const checks: CheckRequest[] = [];
  const checkHeaders: Array<Record<string, string>> = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/meetings/check")) {
      checks.push(JSON.parse(request.postData() ?? "{}") as CheckRequest);
      checkHeaders.push(request.headers());
    }
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${api}/addin/taskpane.html`, { waitUntil: options.office === "hang" ? "commit" : "load" });
  return {
    page, context, checks, checkHeaders, offBox, errors,
    stub: (fn) => page.evaluate(`(${fn.toString()})(globalThis.__officeStub)`) as never,
    shot: async (name) => { await page.screenshot({ path: `${RESULTS_DIR}${name}.png`, fullPage: true }); },
    close: () => context.close(),
  };
}

/** The first Thursday at least a week ahead when New York and Fresno are both on standard time (10 AM ET = 7 AM PT at 15:00Z). */
export function futureWinterThursday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7));
  const offset = (zone: string, at: Date) => new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")!.value;
  for (;;) {
    const at = new Date(`${d.toISOString().slice(0, 10)}T15:00:00Z`);
    if (d.getUTCDay() === 4 && offset("America/New_York", at) === "GMT-5" && offset("America/Los_Angeles", at) === "GMT-8") return d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}
