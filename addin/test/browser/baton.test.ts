import { describe, expect, it } from "vitest";
import { HANDOFF_KEY_PROPERTY, HANDOFF_NOTES_PROPERTY } from "../../src/shared/handoff-record";
import type { StubConfig } from "../support/stub";
import { apiUrl, futureWinterThursday, useChromium, type Pane } from "./harness";

// The baton in real Chromium against the API's embedded default (demo leads seeded): lead context and notes in the
// pane, the pane action and the simulated Send recording the handoff, and the RSM's brief in the outbox.

const day = futureWinterThursday();
const invite: StubConfig = {
  start: `${day}T18:00:00.000Z`,
  end: `${day}T19:00:00.000Z`,
  timeZone: "Eastern Standard Time",
  email: "sdr@example.com",
  displayName: "Sam Rivera",
  required: [{ emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" }, { emailAddress: "cfo@acme-metals.example", displayName: "Pat Morgan" }],
  location: "Microsoft Teams Meeting",
  body: "<p>Looking forward to it.</p>",
};


const chromium = useChromium();

const button = (scope: { locator: Pane["page"]["locator"] }, name: string | RegExp) => scope.locator("fluent-button").filter({ hasText: name });

async function deliveries(key: string): Promise<Array<{ version: number; status: string; subject: string; bodyText: string }>> {
  const response = await fetch(`${apiUrl()}/api/v1/handoffs/${encodeURIComponent(key)}/deliveries`);
  expect(response.status).toBe(200);
  return (await response.json()) as never;
}

describe("the baton in the pane", () => {
  it("shows the lead's context and talking points, and sends the notes to the RSM but never into the invite", async () => {
    const pane = await chromium.pane({ office: invite });
    const lead = pane.page.locator('#lead-context .lead[data-email="cfo@acme-metals.example"]');
    await expect.poll(() => lead.textContent()).toContain("Came in from the 'Scrap yard security' webinar");
    expect(await lead.textContent()).toContain("score 72");
    expect(await pane.page.locator("#talking-points").textContent()).toContain("Copper theft");
    await pane.shot("20-baton-lead-context");

    await pane.page.locator("#note-whyNow").fill("Insurer audit in January");
    await pane.page.locator("#note-nextStep").fill("Site walk of both yards");
    await expect.poll(() => pane!.stub((s) => s.state.custom)).toMatchObject({
      [HANDOFF_NOTES_PROPERTY]: { whyNow: "Insurer audit in January", nextStep: "Site walk of both yards" },
    });
    await expect.poll(() => pane!.checks.at(-1)?.notes).toEqual({ whyNow: "Insurer audit in January", nextStep: "Site walk of both yards" });

    await button(pane.page, "Record handoff").click();
    await expect.poll(() => pane!.page.locator("#handoff-status").textContent()).toMatch(/^Recorded \(version 1\)\. Dana Ruiz will get the private brief separately\./);
    const key = String(await pane.stub((s) => s.state.custom.handoffKey));
    const [brief] = await deliveries(key);
    expect(brief!.bodyText).toContain("Why now: Insurer audit in January");
    expect(brief!.bodyText).toContain("Scrap yard security");

    // The prospect-safe brief in the invite body carries neither the notes nor the lead context.
    await button(pane.page, "Insert handoff brief").click();
    await expect.poll(() => pane!.stub((s) => s.state.body)).toContain("Agenda");
    const body = String(await pane.stub((s) => s.state.body));
    expect(body).not.toContain("Insurer");
    expect(body).not.toContain("Scrap yard");
    expect(body).not.toContain("score 72");
    await pane.shot("21-baton-recorded");
  });
});

describe("the newcomer's path: the simulated invite", () => {
  it("records the handoff on Send and puts the RSM's brief in the outbox", async () => {
    const pane = await chromium.pane({ office: null, width: 1100, height: 1200 });
    await expect.poll(() => pane!.page.locator('#lead-context .lead[data-email="cfo@acme-metals.example"]').count()).toBe(1);
    await pane.page.locator("#note-pain").fill("Copper theft twice this year");
    // A time that works: online, 10 AM Pacific (after Dana's plant visit).
    await pane.page.locator("#sim-location").fill("Microsoft Teams Meeting");
    await pane.page.locator("#sim-location").press("Tab");
    await pane.page.locator("#sim-start").fill(`${day}T13:00`);
    await pane.page.locator("#sim-start").press("Tab");
    await expect.poll(() => pane!.checks.at(-1)?.start).toBe(`${day}T18:00:00.000Z`);
    await expect.poll(() => pane!.checks.at(-1)?.notes).toEqual({ pain: "Copper theft twice this year" });

    await pane.page.locator("#sim-send").click();
    const alert = pane.page.locator("#sim-alert");
    await expect.poll(() => alert.getAttribute("data-allowed")).toBe("true");
    const recorded = pane.page.locator("#sim-recorded");
    await expect.poll(() => recorded.count()).toBe(1);
    const key = (await recorded.getAttribute("data-key"))!;
    const rows = await deliveries(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("pending");
    expect(rows[0]!.subject).toMatch(/^Handoff brief: Acme Metals/);
    expect(rows[0]!.bodyText).toContain("Pain: Copper theft twice this year");
    await pane.shot("22-simulated-send-recorded");

    // The read-only brief page, behind the same sign-in as the pane (Demo: none needed).
    await pane.page.goto(`${apiUrl()}/handoffs/${encodeURIComponent(key)}`);
    await expect.poll(() => pane!.page.locator("#brief").getAttribute("data-status")).toBe("ready");
    expect(await pane.page.locator("#brief-notes").textContent()).toContain("Pain: Copper theft twice this year");
    expect(await pane.page.locator("#brief-leads").textContent()).toContain("Scrap yard security");
    expect(await pane.page.locator("#brief-meeting").textContent()).toContain("Pacific Time");
    expect(HANDOFF_KEY_PROPERTY).toBe("handoffKey");
    await pane.shot("23-brief-page");
  });
});
