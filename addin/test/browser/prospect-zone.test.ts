import { describe, expect, it } from "vitest";
import type { StubConfig } from "../support/stub";
import { futureWinterThursday, useChromium, type Pane } from "./harness";

// The assumed prospect zone in front of the SDR (src/taskpane/prospect-zone.ts), against the real API in demo mode.
const day = futureWinterThursday();
const invite = (location: string, rsm = "rsm.east@example.com"): StubConfig => ({
  start: `${day}T15:00:00.000Z`,
  end: `${day}T16:00:00.000Z`,
  timeZone: "Eastern Standard Time",
  email: "sdr@example.com",
  displayName: "Sam Rivera",
  required: [{ emailAddress: rsm, displayName: "RSM" }, { emailAddress: "buyer@acme.example", displayName: "Alex Buyer" }],
  location,
  customProperties: {},
  body: "<p>Intro call.</p>",
});


const chromium = useChromium();

const card = (p: Pane) => p.page.locator("[data-assumed-zone]");
const verdictOf = (p: Pane) => p.page.locator("#verdict [data-verdict]").getAttribute("data-verdict");
const codes = (p: Pane) => p.page.locator(".warning[data-code]").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));

describe("assumed prospect zone", () => {
  it("says 'London' is a guess, and one click on London, ON makes it Toronto time, saved on the invite", async () => {
    const pane = await chromium.pane({ office: invite("London") });
    await expect.poll(() => card(pane!).getAttribute("data-assumed-zone")).toBe("Europe/London");
    expect(await card(pane).textContent()).toContain("London, United Kingdom");
    expect(await verdictOf(pane)).not.toBe("ok");
    expect(await codes(pane)).toContain("PROSPECT_PLACE_AMBIGUOUS");
    await pane.shot("20-assumed-zone-london");

    await pane.page.locator('fluent-button[data-prospect-alternative="America/Toronto"]').click();
    await expect.poll(() => pane!.checks.at(-1)?.prospectTimeZone).toBe("America/Toronto");
    expect(await pane.stub((s) => s.state.custom)).toMatchObject({ handoffProspectTimeZone: "America/Toronto" });
    await expect.poll(() => card(pane!).count()).toBe(0);
    await expect.poll(() => codes(pane!)).not.toContain("PROSPECT_PLACE_AMBIGUOUS");
    await expect.poll(() => pane!.page.locator('.time-row[data-party="prospect"] .who-role').textContent()).toContain("Eastern");
    await pane.shot("21-assumed-zone-chosen");
  });

  it("confirms a territory-default zone in one click, after which it counts as given", async () => {
    const pane = await chromium.pane({ office: invite("", "rsm.west@example.com") });
    await expect.poll(() => card(pane!).getAttribute("data-assumed-zone")).toBe("America/Los_Angeles");
    expect(await codes(pane)).toContain("PROSPECT_TIME_ZONE_ASSUMED");
    expect(await card(pane).textContent()).toContain("Dana Ruiz's territory");

    await pane.page.locator('fluent-button[data-prospect-confirm="America/Los_Angeles"]').click();
    await expect.poll(() => pane!.checks.at(-1)?.prospectTimeZone).toBe("America/Los_Angeles");
    expect(await pane.stub((s) => s.state.custom)).toMatchObject({ handoffProspectTimeZone: "America/Los_Angeles" });
    await expect.poll(() => card(pane!).count()).toBe(0);
    await expect.poll(() => codes(pane!)).not.toContain("PROSPECT_TIME_ZONE_ASSUMED");
  });
});
