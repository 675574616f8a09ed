import { describe, expect, it } from "vitest";
import type { CheckResponse } from "../../src/shared/contract";
import { nyToFresno as checkAnswer, phrases } from "../support/fixtures";
import type { StubConfig } from "../support/stub";
import { useChromium, type Pane } from "./harness";

// "With Alex instead" replaces the RSM on the invite, and Undo puts the invite back. The check is answered with a
// fixed response carrying one alternative-RSM suggestion (the pane's behaviour is under test, not the search); every
// other call goes to the real API. Driven from the keyboard, with what the screen reader hears recorded.

const dana = { emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" };
const pat = { emailAddress: "cfo@acme-metals.example", displayName: "Pat Morgan" };
const invite: StubConfig = {
  start: "2026-12-03T15:00:00.000Z",
  end: "2026-12-03T16:00:00.000Z",
  timeZone: "Eastern Standard Time",
  email: "sdr@example.com",
  displayName: "Sam Rivera",
  required: [dana, pat],
  location: "Acme Metals, Fresno, CA 93706",
  body: "<p>Looking forward to it.</p>",
};

const alex = { email: "rsm.central@example.com", name: "Alex Chen", timeZone: "America/Chicago" };
const withAlex: CheckResponse = checkAnswer({
  suggestions: [{
    start: "2026-12-03T17:00:00Z", end: "2026-12-03T18:00:00Z", isAlternativeRsm: true, rsm: alex,
    times: [
      { party: "organizer", email: "sdr@example.com", timeZone: "America/New_York", timeZoneName: "Eastern Time", localStart: "2026-12-03T12:00:00", localEnd: "2026-12-03T13:00:00", utcOffset: "-05:00", phrases: phrases("12:00 PM", "1:00 PM", "12:00–1:00 PM", "Eastern") },
      { party: "prospect", email: pat.emailAddress, timeZone: "America/Los_Angeles", timeZoneName: "Pacific Time", localStart: "2026-12-03T09:00:00", localEnd: "2026-12-03T10:00:00", utcOffset: "-08:00", phrases: phrases("9:00 AM", "10:00 AM", "9:00–10:00 AM", "Pacific") },
    ],
    reasons: [{ code: "RSM_AVAILABLE", message: "Alex Chen is free." }],
  }],
});


const chromium = useChromium();

const attendees = (p: Pane) => p.stub((s) => s.state.required.map((r) => r.emailAddress));
const focusedId = (p: Pane) => p.page.evaluate(() => document.activeElement?.closest("[data-focus-key]")?.getAttribute("data-focus-key") ?? document.activeElement?.id ?? "");

describe("a suggestion with another RSM", () => {
  it("replaces the RSM on the invite, announces it, and Undo restores the attendees and the time", async () => {
    const pane = await chromium.pane({
      office: invite,
      api: async (route, path) => {
        if (path !== "/api/v1/meetings/check") return false;
        await route.fulfill({ contentType: "application/json", body: JSON.stringify(withAlex) });
        return true;
      },
    });
    // Everything the live region says, in order (the verdict that follows a re-check overwrites it).
    await pane.page.evaluate(() => {
      const said: string[] = ((globalThis as unknown as { __said: string[] }).__said = []);
      const announcer = document.getElementById("announcer")!;
      new MutationObserver(() => said.push(announcer.textContent ?? "")).observe(announcer, { childList: true, characterData: true, subtree: true });
    });
    const said = () => pane!.page.evaluate(() => (globalThis as unknown as { __said: string[] }).__said.join(" | "));

    const suggestion = pane.page.locator(".suggestion").filter({ hasText: "with Alex Chen instead" });
    await expect.poll(() => suggestion.count()).toBe(1);
    const use = suggestion.locator("fluent-button");
    expect(await use.getAttribute("aria-label")).toContain("with Alex Chen instead");

    await use.focus();
    await pane.page.keyboard.press("Enter");
    await expect.poll(() => attendees(pane!)).toEqual([pat.emailAddress, alex.email]);
    expect(await pane.stub((s) => s.callsTo("requiredAttendees.addAsync").length), "replaced, not added").toBe(0);
    expect(await pane.stub((s) => s.state.start.toISOString())).toBe("2026-12-03T17:00:00.000Z");
    await expect.poll(() => pane!.page.locator("[data-notice=success]").textContent()).toContain("replaced Dana Ruiz with Alex Chen");
    await expect.poll(said).toContain("replaced Dana Ruiz with Alex Chen");
    await expect.poll(() => focusedId(pane!)).toBe("undo-replace");
    await pane.shot("replace-rsm-01-replaced");

    await pane.page.keyboard.press("Enter");
    await expect.poll(() => attendees(pane!)).toEqual([dana.emailAddress, pat.emailAddress]);
    expect(await pane.stub((s) => s.state.required.map((r) => r.displayName))).toEqual(["Dana Ruiz", "Pat Morgan"]);
    expect(await pane.stub((s) => [s.state.start.toISOString(), s.state.end.toISOString()])).toEqual([invite.start, invite.end]);
    await expect.poll(said).toContain("Undone: Dana Ruiz is back on the invite");
    expect(await pane.page.locator("#undo-replace").count(), "Undo is offered once").toBe(0);
    await pane.shot("replace-rsm-02-undone");
  });
});
