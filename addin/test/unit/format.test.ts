import { describe, expect, it } from "vitest";
import { yourTime } from "../../src/shared/format";
import { nyToFresno, phrases } from "../support/fixtures";

describe("time formatting", () => {
  it("says when a slot is for the SDR in the API's words, never from localStart", () => {
    const times = nyToFresno().suggestions![0]!.times.map((t) => ({ ...t, localStart: "not a date" }));
    expect(yourTime(times)).toEqual({ day: "Thu, Dec 3", clock: "1:00 PM" });
  });

  it("falls back to another party's said time when the organizer's is missing, and to nothing without times", () => {
    const prospect = { ...nyToFresno().times[1]!, phrases: phrases("7:00 AM", "8:00 AM", "7:00–8:00 AM", "Pacific", undefined, "Fri, Dec 4") };
    expect(yourTime([prospect])).toEqual({ day: "Fri, Dec 4", clock: "7:00 AM Pacific" });
    expect(yourTime([])).toBeNull();
  });
});
