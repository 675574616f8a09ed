import { describe, expect, it } from "vitest";
import { days, fairShareRows, gridCellText, minutes, percent, signed, weekLabel } from "../../src/pages/reports-model";

describe("the report page's wording", () => {
  it("signs a fair-share difference with a true minus and rounds to hundredths", () => {
    expect(signed(1.5)).toBe("+1.5");
    expect(signed(-0.333)).toBe("−0.33");
    expect(signed(0.001)).toBe("0");
    expect(fairShareRows({ from: "2026-12-01", to: "2026-12-31", complete: false, handoffs: 3, rsms: [
      { rsm: "cat@example.com", name: "Cat", weight: 2, handoffs: 2, fairShare: 1.2, difference: 0.8 },
      { rsm: "ann@example.com", name: "", weight: 1, handoffs: 1, fairShare: 1.8, difference: -0.8 },
    ] })).toEqual([["Cat (cat@example.com)", "2", 2, "1.2", "+0.8"], ["ann@example.com", "1", 1, "1.8", "−0.8"]]);
  });

  it("says rates as whole percents and no rate as a dash", () => {
    expect(percent(0.8571)).toBe("86 %");
    expect(percent(0)).toBe("0 %");
    expect(percent(null)).toBe("—");
  });

  it("says durations as people do", () => {
    expect(minutes(36)).toBe("36 min");
    expect(minutes(60)).toBe("1 h");
    expect(minutes(601)).toBe("10 h 1 min");
    expect(minutes(1500)).toBe("1 d 1 h");
    expect(minutes(2880)).toBe("2 d");
    expect(minutes(null)).toBe("—");
    expect(days(4.25)).toBe("4.3 days");
  });

  it("labels a week by its Monday whatever the browser's zone", () => {
    expect(weekLabel("2026-11-02")).toBe("Nov 2");
  });

  it("shows a slice's cell by its own rate once sampled, else held of decided and the org's rate it falls back to", () => {
    const cell = (held: number, noShows: number, sampled: boolean) => ({ day: "Tuesday", hour: 9, held, noShows, heldRate: sampled ? held / (held + noShows) : null, sampled });
    expect(gridCellText(cell(18, 2, true), cell(30, 20, true))).toBe("90 %");
    expect(gridCellText(cell(2, 1, false), cell(30, 20, true))).toBe("2/3 (org 60 %)");
    expect(gridCellText(cell(2, 1, false), cell(2, 1, false))).toBe("2/3");
    expect(gridCellText(undefined, cell(30, 20, true))).toBe("(org 60 %)");
    expect(gridCellText(undefined, undefined)).toBe("");
  });
});
