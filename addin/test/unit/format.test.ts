import { describe, expect, it } from "vitest";
import { clock, clockRange, dayDifference, instantIn, longDay, saidTime, shortDay, shortZoneName } from "../../src/shared/format";

describe("format", () => {
  it("formats local wall-clock strings without shifting them through the machine's zone", () => {
    expect(clock("2026-12-03T07:00:00")).toBe("7:00 AM");
    expect(clock("2026-12-03T00:30:00")).toBe("12:30 AM");
    expect(clock("2026-12-03T13:05:00")).toBe("1:05 PM");
    expect(shortDay("2026-12-03T23:30:00")).toBe("Thu, Dec 3");
    expect(longDay("2026-12-03T07:00:00")).toBe("Thursday, December 3");
  });

  it("uses plain spaces, as the API's messages do", () => {
    expect(clock("2026-12-03T07:00:00")).not.toMatch(/[\u202f\u00a0]/);
  });

  it("says ranges the short way when both ends share AM/PM", () => {
    expect(clockRange("2026-12-03T07:00:00", "2026-12-03T08:00:00")).toBe("7:00–8:00 AM");
    expect(clockRange("2026-12-03T11:30:00", "2026-12-03T12:30:00")).toBe("11:30 AM–12:30 PM");
  });

  it("names zones the way people say them", () => {
    expect(shortZoneName("Pacific Time")).toBe("Pacific");
    expect(shortZoneName("Berlin time")).toBe("Berlin");
    expect(shortZoneName("UTC")).toBe("UTC");
    expect(saidTime({ localStart: "2026-12-03T07:00:00", timeZoneName: "Pacific Time" })).toBe("7:00 AM Pacific");
  });

  it("counts calendar days between local dates", () => {
    expect(dayDifference("2026-12-03T22:00:00", "2026-12-04T01:00:00")).toBe(1);
    expect(dayDifference("2026-12-03T01:00:00", "2026-12-02T23:00:00")).toBe(-1);
    expect(dayDifference("2026-12-31T10:00:00", "2027-01-01T10:00:00")).toBe(1);
  });

  it("shows an instant in a zone, and in UTC when the zone is unknown", () => {
    expect(instantIn("2026-12-03T18:00:00Z", "America/New_York")).toEqual({ day: "Thu, Dec 3", clock: "1:00 PM" });
    expect(instantIn("2026-07-02T18:00:00Z", "America/New_York").clock).toBe("2:00 PM");
    expect(instantIn("2026-12-03T18:00:00Z", "Not/AZone").clock).toBe("6:00 PM");
  });

  it("rejects strings that are not local date-times", () => {
    expect(() => clock("7am")).toThrow(/Not a local date-time/);
  });
});

import { isDarkColor, schemeFrom } from "../../src/taskpane/scheme";

describe("theme", () => {
  it("reads Outlook's body colour, else the system preference", () => {
    expect(isDarkColor("#1f1f1f")).toBe(true);
    expect(isDarkColor("#ffffff")).toBe(false);
    expect(isDarkColor("nonsense")).toBeNull();
    expect(schemeFrom({ bodyBackgroundColor: "#292929" }, false)).toBe("dark");
    expect(schemeFrom({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("light");
    expect(schemeFrom(undefined, true)).toBe("dark");
    expect(schemeFrom({ bodyBackgroundColor: "" }, false)).toBe("light");
  });
});
