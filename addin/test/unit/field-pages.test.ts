import { describe, expect, it } from "vitest";
import { markersFor, radiusFor, type PlannerResponse } from "../../src/pages/planner-model";
import { fromLocalInput, readPrefill, reportTripUrl, toLocalInput } from "../../src/pages/report-trip-link";

describe("the report-a-trip link", () => {
  it("round-trips what the brief page knows about a trip", () => {
    const url = reportTripUrl({ rsm: "rsm.west@example.com", from: "Fresno, CA", to: "Sacramento, CA", departed: "2026-12-03T16:05:00Z" }, "https://handoff.example");
    expect(url).toBe("https://handoff.example/report-trip?rsm=rsm.west%40example.com&from=Fresno%2C+CA&to=Sacramento%2C+CA&departed=2026-12-03T16%3A05%3A00Z");
    expect(readPrefill(new URL(url).search)).toEqual({ rsm: "rsm.west@example.com", from: "Fresno, CA", to: "Sacramento, CA", departed: "2026-12-03T16:05:00Z", arrived: undefined });
  });

  it("converts between ISO instants and datetime-local values without losing the minute", () => {
    const local = toLocalInput("2026-12-03T16:05:00Z");
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe("2026-12-03T16:05:00.000Z");
    expect(toLocalInput("not a date")).toBe("");
    expect(fromLocalInput("")).toBe("");
  });
});

describe("the planner's markers", () => {
  const response: PlannerResponse = {
    from: "2026-12-07", to: "2026-12-13", unavailableCalendars: [],
    clusters: [{ id: "sacramento-ca-0", name: "Sacramento, CA", latitude: 38.58, longitude: -121.49, territories: ["West"] }],
    weeks: [{
      week: "2026-12-07",
      places: [{
        clusterId: "sacramento-ca-0", cluster: "Sacramento, CA", territories: ["West"], openHours: 12,
        rsms: [{ email: "a@example.com", name: "Dana", timeZone: "America/Los_Angeles", days: ["2026-12-09"], plans: [], meetings: [], openHours: 12, summary: "" }],
      }],
    }],
  };

  it("marks places only plans put RSMs in, and grows with open hours", () => {
    const [marker] = markersFor(response, response.weeks[0]!);
    expect(marker).toMatchObject({ rsms: 1, openHours: 12, plannedOnly: true });
    expect(radiusFor(36)).toBeGreaterThan(radiusFor(4));
    expect(radiusFor(-1)).toBe(4);
  });
});
