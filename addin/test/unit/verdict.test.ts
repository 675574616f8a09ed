import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/shared/contract";
import { groupBySeverity, headline, notificationText, smartAlertText, verdictLook, worstWarning } from "../../src/shared/verdict";
import { nyToFresno } from "../support/fixtures";

const w = (code: string, severity: string, message = code): Warning => ({ code, severity: severity as Warning["severity"], party: "rsm", email: null, message });

describe("verdict", () => {
  it("looks distinct for each verdict", () => {
    expect(verdictLook("ok")).toEqual({ title: "Safe to send", tone: "success" });
    expect(verdictLook("review").tone).toBe("warning");
    expect(verdictLook("blocked")).toEqual({ title: "Won't work", tone: "danger" });
    expect(verdictLook("something-new").tone).toBe("warning");
  });

  it("groups warnings worst first and never drops an unknown severity", () => {
    const groups = groupBySeverity([w("A", "info"), w("B", "blocker"), w("C", "warning"), w("D", "mystery"), w("E", "blocker")]);
    expect(groups.map((g) => [g.severity, g.warnings.map((x) => x.code)])).toEqual([
      ["blocker", ["B", "E"]],
      ["warning", ["C", "D"]],
      ["info", ["A"]],
    ]);
  });

  it("says what is wrong in one sentence: the worst warning", () => {
    const result = nyToFresno();
    expect(worstWarning(result.warnings)?.code).toBe("RSM_BUSY");
    expect(headline(result)).toMatch(/^Dana Ruiz is busy/);
    expect(headline({ verdict: "ok", warnings: [] })).toBe("Everyone is inside their hours and the RSM is free.");
    // an info note (e.g. the prospect's zone is unknown) must not be glossed over as "everyone is fine"
    expect(headline({ verdict: "ok", warnings: [w("PROSPECT_TIME_ZONE_UNKNOWN", "info")] })).toBe("Nothing blocks this time. Check the notes below.");
  });

  it("keeps Outlook's length limits", () => {
    const long = { verdict: "blocked" as const, warnings: [w("RSM_BUSY", "blocker", "x".repeat(900))] };
    expect(notificationText(long).length).toBeLessThanOrEqual(150);
    expect(smartAlertText(long).length).toBeLessThanOrEqual(500);
    expect(notificationText(nyToFresno())).toMatch(/^Handoff: Won't work\. Dana Ruiz is busy/);
  });

  it("puts every blocker in the Smart Alert and points to the pane", () => {
    const text = smartAlertText({ verdict: "blocked", warnings: [w("RSM_BUSY", "blocker", "Busy."), w("RSM_OUT_OF_OFFICE", "blocker", "Away."), w("X", "warning", "Meh.")] });
    expect(text).toBe(`This meeting won't work: Busy. Away. Open "Check handoff" to pick a better time.`);
  });
});
