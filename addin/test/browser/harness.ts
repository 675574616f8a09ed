import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
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

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** The browser's zone (the pages show times in it); the browser's default when absent. */
  timezoneId?: string;
  /** Answers a request to the API itself; return false to let it through to the real API. */
  api?: (route: Route, path: string) => Promise<boolean>;
  /** More routes (registered after the catch-all, so they win), e.g. a fake Entra for the sign-in pages. */
  setup?: (context: BrowserContext) => Promise<void>;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Off-box URLs the page tried to fetch (each was aborted). */
  offBox: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** The Authorization header of every /api/v1/ request the page sent ("(none)" when absent), client-config aside. */
  auth: string[];
  close(): Promise<void>;
}

/** One of the API's own pages (not the pane) in a fresh context, with nothing allowed off the box. */
export async function openPage(browser: Browser, path: string, options: PageOptions = {}): Promise<OpenedPage> {
  const api = apiUrl();
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    locale: "en-US",
    colorScheme: options.colorScheme ?? "light",
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const offBox: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(api + "/")) {
      if (options.api && (await options.api(route, new URL(url).pathname))) return;
      return route.continue();
    }
    offBox.push(url);
    return route.abort("blockedbyclient");
  });
  await options.setup?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const auth: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    const at = new URL(r.url()).pathname;
    if (at.startsWith("/api/v1/") && at !== "/api/v1/client-config") auth.push(r.headers().authorization ?? "(none)");
  });
  await page.goto(`${api}${path}`);
  return { page, context, offBox, errors, auth, close: () => context.close() };
}

export interface Chromium {
  /** This file's browser: launched before its first test, closed after its last. */
  readonly browser: Browser;
  /** The task pane, checked and closed after the test (see {@link useChromium}). */
  pane(options: PaneOptions): Promise<Pane>;
  /** One of the API's pages, checked and closed after the test (see {@link useChromium}). */
  page(path: string, options?: PageOptions): Promise<OpenedPage>;
}

/**
 * The browser tests' shared set-up: one Chromium per file, and every pane or page a test opens checked after it (no
 * uncaught error in the page; nothing fetched off the box unless `offBox: "allowed"`) and closed, even when the test
 * closed it itself or failed half-way.
 */
export function useChromium(rules: { offBox?: "refused" | "allowed" } = {}): Chromium {
  let browser: Browser | undefined;
  let opened: Array<{ what: string; errors: string[]; offBox: string[]; close(): Promise<void> }> = [];
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => {
    const these = opened;
    opened = [];
    await Promise.all(these.map((o) => o.close().catch(() => undefined)));
    for (const o of these) {
      expect(o.errors, `uncaught errors in ${o.what}`).toEqual([]);
      if (rules.offBox !== "allowed") expect(o.offBox, `requests that left the box from ${o.what}`).toEqual([]);
    }
  });
  const live = (): Browser => {
    if (!browser) throw new Error("useChromium()'s browser is used before its beforeAll ran.");
    return browser;
  };
  return {
    get browser() { return live(); },
    async pane(options) {
      const pane = await openPane(live(), options);
      opened.push({ what: "the pane", errors: pane.errors, offBox: pane.offBox, close: () => pane.close() });
      return pane;
    },
    async page(path, options) {
      const page = await openPage(live(), path, options);
      opened.push({ what: path, errors: page.errors, offBox: page.offBox, close: () => page.close() });
      return page;
    },
  };
}
