import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PROSPECT_ZONE_PROPERTY } from "../../src/shared/draft";
import type { StubConfig } from "../support/stub";
import { axeViolations } from "./a11y";
import { futureWinterThursday, useChromium, type Pane, type PaneOptions } from "./harness";

// The pane at Outlook's task-pane width (350 px): layout facts measured in real Chromium, an axe-core WCAG 2.1 A/AA
// scan of every state, and every action driven from the keyboard alone. Screenshots go to test-results/350-*.png.

const WIDTH = 350;
const HEIGHT = 700;
const day = futureWinterThursday();
const draft: StubConfig = {
  start: `${day}T15:00:00.000Z`,
  end: `${day}T16:00:00.000Z`,
  timeZone: "Eastern Standard Time",
  email: "sdr@example.com",
  displayName: "Sam Rivera",
  required: [{ emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" }, { emailAddress: "cfo@acme-metals.example", displayName: "Pat Morgan (Acme Metals)" }],
  location: "Acme Metals, Fresno, CA 93706",
  customProperties: { [PROSPECT_ZONE_PROPERTY]: "America/Los_Angeles" },
  body: "<p>Looking forward to it.</p>",
};
// 10 AM Pacific online: Dana is free and inside her hours, the prospect too.
const safe: StubConfig = { ...draft, start: `${day}T18:00:00.000Z`, end: `${day}T19:00:00.000Z`, location: "Microsoft Teams Meeting" };
// The same hour for a prospect in Berlin: 7 PM there, after their business hours.
const review: StubConfig = { ...safe, customProperties: { [PROSPECT_ZONE_PROPERTY]: "Europe/Berlin" } };

const chromium = useChromium();

async function open(office: PaneOptions["office"], extra: Partial<PaneOptions> = {}): Promise<Pane> {
  return chromium.pane({ office, width: WIDTH, height: HEIGHT, ...extra });
}

const verdict = (p: Pane) => p.page.locator("#verdict [data-verdict]");

/** Whether an element lies fully inside the first screen (no scrolling needed) and the page is not scrolled. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

/**
 * Text that does not fit: anything in the pane (shadow roots included) that sticks out of the window, ends in an
 * ellipsis, or is cut off by overflow. Returns one line per problem.
 */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!(el instanceof HTMLElement) || el.closest(".visually-hidden")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) || el.tagName === "SLOT";
        if (!hasText) continue;
        const css = getComputedStyle(el);
        if (r.right > window.innerWidth + 0.5 || r.left < -0.5) problems.push(`${name(el)} sticks out (${Math.round(r.left)}–${Math.round(r.right)} px of ${window.innerWidth})`);
        if (css.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth) problems.push(`${name(el)} ends in an ellipsis`);
        if (["hidden", "clip"].includes(css.overflowX) && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} is cut off on the right`);
        if (["hidden", "clip"].includes(css.overflowY) && el.scrollHeight > el.clientHeight + 1) problems.push(`${name(el)} is cut off at the bottom`);
      }
    };
    visit(document.querySelector("#pane")!);
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    return problems;
  });
}

async function expectFitsAndAccessible(p: Pane, shot: string): Promise<void> {
  await p.page.evaluate(() => document.fonts.ready);
  await p.page.screenshot({ path: `${(await import("./harness")).RESULTS_DIR}350-${shot}.png` });
  expect(await clippedText(p.page), "clipped text").toEqual([]);
  expect(await axeViolations(p.page), "WCAG 2.1 A/AA violations (axe-core)").toEqual([]);
}

describe("the pane at 350 px", () => {
  it("shows a loading state from the first paint while Office.js hangs", async () => {
    const p = await open("hang");
    const loading = p.page.locator('#verdict [data-state="loading"]');
    await expect.poll(() => loading.isVisible(), { timeout: 3000 }).toBe(true);
    expect(await loading.textContent()).toContain("Starting Handoff");
    expect(await loading.getAttribute("role")).toBe("status");
    expect(await onFirstScreen(p.page, '#verdict [data-state="loading"]')).toBe(true);
    await expectFitsAndAccessible(p, "01-loading-office-hangs");
  });

  it("blocked: the verdict and the first better time are on the first screen, each time on one line", async () => {
    const p = await open(draft);
    await expect.poll(() => verdict(p).getAttribute("data-verdict")).toBe("blocked");
    await expect.poll(() => p.page.locator(".suggestion").count()).toBeGreaterThan(0);
    expect(await onFirstScreen(p.page, "#verdict [data-verdict]"), "verdict without scrolling").toBe(true);
    expect(await onFirstScreen(p.page, ".suggestion"), "first suggestion without scrolling").toBe(true);
    expect(await onFirstScreen(p.page, ".suggestion fluent-button"), "its button without scrolling").toBe(true);
    // One line per time: the day and the clock never wrap apart, and the line is a single row with its button.
    const line = await p.page.locator(".suggestion").first().evaluate((el) => {
      const when = el.querySelector("strong")!.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(el.querySelector("strong")!).lineHeight);
      return { rows: Math.round(when.height / lineHeight), text: el.querySelector("strong")!.textContent };
    });
    expect(line.rows).toBe(1);
    expect(line.text).toMatch(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2} · \d{1,2}:\d{2} [AP]M$/);
    expect(await p.page.locator(".suggestion").count()).toBeLessThanOrEqual(3);
    // The blocker sentence is said once: in the verdict, not again in the list.
    const headline = (await p.page.locator(".verdict-headline").textContent())!;
    const listed = await p.page.locator(".warning").allTextContents();
    expect(listed.filter((t) => t.includes(headline))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    // Details start collapsed; names are not cut short in them.
    expect(await p.page.locator("#details").getAttribute("open")).toBeNull();
    await p.page.locator("#details > summary").click();
    expect(await p.page.locator('.time-row[data-party="prospect"] .who-name').textContent()).toBe("Pat Morgan (Acme Metals)");
    await expectFitsAndAccessible(p, "02-blocked-details-open");
    await p.page.locator("#details > summary").click();
    await p.page.evaluate(() => window.scrollTo(0, 0));
    await expectFitsAndAccessible(p, "02-blocked");
  });

  it("review and safe: warnings once each, local times at hand", async () => {
    let p = await open(review);
    await expect.poll(() => verdict(p).getAttribute("data-verdict")).toBe("review");
    expect(await onFirstScreen(p.page, "#verdict [data-verdict]")).toBe(true);
    await expectFitsAndAccessible(p, "03-review");
    await p.close();
    p = await open(safe);
    await expect.poll(() => verdict(p).getAttribute("data-verdict")).toBe("ok");
    expect(await p.page.locator("#details").getAttribute("open"), "a safe time shows the local times").not.toBeNull();
    await expectFitsAndAccessible(p, "04-safe");
  });

  it("empty, unknown zone, error and signed-out states fit and pass axe", async () => {
    let p = await open({ ...draft, required: [{ emailAddress: "cfo@acme-metals.example", displayName: "Pat Morgan (Acme Metals)" }] });
    await expect.poll(() => p.page.locator('[data-state="empty"]').count()).toBe(1);
    await expectFitsAndAccessible(p, "05-no-rsm");
    await p.close();

    p = await open({ ...safe, location: "", customProperties: {} });
    await expect.poll(() => verdict(p).count()).toBe(1);
    expect(await onFirstScreen(p.page, "#zone-confirm #prospect-zone"), "a guessed zone's picker sits with the verdict").toBe(true);
    await expectFitsAndAccessible(p, "06-zone-guessed");
    await p.close();

    p = await open(draft, { api: async (route, path) => (path.startsWith("/api/v1/meetings") ? (await route.abort("connectionrefused"), true) : false) });
    await expect.poll(() => p.page.locator('[data-state="error"]').count()).toBe(1);
    await expectFitsAndAccessible(p, "07-error");
    await p.close();

    p = await open(draft, { api: async (route, path) => (path === "/api/v1/client-config" ? (await route.fulfill({ json: { authMode: "LocalJwt", apiBaseUrl: null, entra: null } }), true) : false) });
    await expect.poll(() => p.page.locator('[data-state="signedOut"]').count()).toBe(1);
    await expectFitsAndAccessible(p, "08-signed-out");
    await p.close();
  });

  it("puts the simulated invite below the pane in a plain 350 px browser, beside it when wide", async () => {
    let p = await open(null);
    await expect.poll(() => verdict(p).count()).toBe(1);
    const order = await p.page.evaluate(() => {
      const pane = document.querySelector("#pane")!.getBoundingClientRect();
      const sim = document.querySelector("#simulator")!.getBoundingClientRect();
      return { paneTop: pane.top, simTop: sim.top, paneBottom: pane.bottom };
    });
    expect(order.paneTop).toBeLessThan(50);
    expect(order.simTop).toBeGreaterThanOrEqual(order.paneBottom);
    expect(await onFirstScreen(p.page, "#verdict [data-verdict]")).toBe(true);
    await expectFitsAndAccessible(p, "09-plain-browser");
    expect(await axeViolations(p.page)).toEqual([]); // the simulator form too (whole document)
    await p.close();
    p = await chromium.pane({ office: null, width: 1100, height: 800 });
    await expect.poll(() => verdict(p).count()).toBe(1);
    const side = await p.page.evaluate(() => ({ pane: document.querySelector("#pane")!.getBoundingClientRect().toJSON(), sim: document.querySelector("#simulator")!.getBoundingClientRect().toJSON() }));
    expect(side.sim.left).toBeGreaterThanOrEqual(side.pane.right);
    await p.page.screenshot({ path: `${(await import("./harness")).RESULTS_DIR}350-10-plain-browser-wide.png` });
  });
});

/** Presses Tab until the focused element (shadow hosts count) matches, or gives up. */
async function tabTo(page: Page, matches: (el: Element) => boolean, what: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluateHandle(() => document.activeElement);
    if (await hit.evaluate((el, src) => !!el && (0, eval)(`(${src})`)(el), matches.toString())) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe("the pane from the keyboard alone", () => {
  it("uses a better time, dismisses the notice, opens the details, finds more times, re-checks and inserts the brief", async () => {
    const p = await open(draft);
    await expect.poll(() => p.page.locator(".suggestion").count()).toBeGreaterThan(0);
    await tabTo(p.page, (el) => el.matches(".suggestion fluent-button"), "Use this time");
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.stub((s) => s.callsTo("start.setAsync").length)).toBe(1);
    await expect.poll(() => p.page.locator("[data-notice=success]").count()).toBe(1);
    await p.page.keyboard.press("Shift+Tab"); // back into the page from wherever focus was kept
    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(p.page, (el) => el.matches("[data-notice] fluent-button[aria-label=Dismiss]"), "Dismiss");
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.page.locator("[data-notice]").count()).toBe(0);
    await p.stub((s) => s.fire("olkAppointmentTimeChanged"));
    await expect.poll(() => p.page.locator("#pane").getAttribute("aria-busy")).toBe("false");

    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(p.page, (el) => el.matches("#details > summary"), "the details");
    const wasOpen = await p.page.locator("#details").evaluate((d) => (d as HTMLDetailsElement).open);
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.page.locator("#details").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(!wasOpen);
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.page.locator("#details").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(wasOpen);

    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(p.page, (el) => el.id === "recheck", "Check again");
    const checks = p.checks.length;
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.checks.length).toBeGreaterThan(checks);

    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(p.page, (el) => el.id === "insert-brief", "Insert handoff brief");
    await p.page.keyboard.press("Space");
    await expect.poll(() => p.stub((s) => s.callsTo("body.prependAsync").length)).toBe(1);
  });

  it("finds more times when the check brought none", async () => {
    const p = await open(draft, {
      api: async (route, path) => {
        if (path !== "/api/v1/meetings/check") return false;
        const response = await route.fetch();
        await route.fulfill({ response, json: { ...(await response.json()), suggestions: [] } });
        return true;
      },
    });
    await expect.poll(() => verdict(p).getAttribute("data-verdict")).toBe("blocked");
    await tabTo(p.page, (el) => el.matches('[data-focus-key="find-times"]'), "Find a better time");
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.page.locator(".suggestion").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it("picks the prospect's zone with the arrow keys", async () => {
    const p = await open({ ...safe, location: "", customProperties: {} });
    await expect.poll(() => verdict(p).count()).toBe(1);
    await tabTo(p.page, (el) => el.id === "prospect-zone", "the prospect's time zone");
    await p.page.keyboard.type("Central"); // type-ahead picks "Central Time (Chicago)" on the closed select
    await expect.poll(() => p.page.locator("#prospect-zone").inputValue()).toBe("America/Chicago");
    await expect.poll(() => p.checks.at(-1)?.prospectTimeZone ?? null).toBe("America/Chicago");
    expect(await p.stub((s) => s.state.custom)).toMatchObject({ handoffProspectTimeZone: "America/Chicago" });
  });

  it("signs in with a pasted token and retries after an error", async () => {
    let down = false;
    const p = await open(draft, {
      api: async (route, path) => {
        if (path === "/api/v1/client-config") return (await route.fulfill({ json: { authMode: "LocalJwt", apiBaseUrl: null, entra: null } }), true);
        if (down && path.startsWith("/api/v1/meetings")) return (await route.abort("connectionrefused"), true);
        return false;
      },
    });
    await expect.poll(() => p.page.locator('[data-state="signedOut"]').count()).toBe(1);
    await tabTo(p.page, (el) => el.id === "token-input", "the token field");
    await p.page.keyboard.type("test.jwt.token");
    down = true;
    await tabTo(p.page, (el) => el.getAttribute("data-focus-key") === "sign-in", "Sign in");
    await p.page.keyboard.press("Enter");
    await expect.poll(() => p.page.locator('[data-state="error"]').count()).toBe(1);
    down = false;
    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(p.page, (el) => el.getAttribute("data-focus-key") === "retry", "Try again");
    await p.page.keyboard.press("Enter");
    await expect.poll(() => verdict(p).count()).toBe(1);
    expect(p.checkHeaders.at(-1)!.authorization).toBe("Bearer test.jwt.token");
  });
});
