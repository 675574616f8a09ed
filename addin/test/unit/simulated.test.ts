import { describe, expect, it, vi } from "vitest";
import { readDraft, setMeetingTime } from "../../src/shared/draft";
import { EventTypes } from "../../src/shared/mailbox";
import { SimulatedMailbox } from "../../src/taskpane/simulated/sim-item";
import { nextDemoSlot, utcToZoned, zonedToUtc } from "../../src/taskpane/simulated/zoned";

describe("zoned wall-clock times (the simulated form)", () => {
  it("converts both ways across standard and daylight time", () => {
    expect(zonedToUtc("2026-12-03T10:00", "America/New_York").toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(zonedToUtc("2026-07-02T10:00", "America/New_York").toISOString()).toBe("2026-07-02T14:00:00.000Z");
    expect(utcToZoned(new Date("2026-12-03T15:00:00Z"), "America/Los_Angeles")).toBe("2026-12-03T07:00");
    expect(zonedToUtc("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z"); // skipped hour moves forward
  });

  it("starts the demo on a Thursday at least a week out, 10:00 in your zone", () => {
    const { start, end } = nextDemoSlot(new Date("2026-11-22T17:00:00Z"), "America/New_York");
    expect(start.toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(end.getTime() - start.getTime()).toBe(3_600_000);
  });
});

describe("simulated compose item", () => {
  const make = () => new SimulatedMailbox({
    start: new Date("2026-12-03T15:00:00Z"), end: new Date("2026-12-03T16:00:00Z"),
    required: [{ emailAddress: "rsm.west@example.com", displayName: "Dana" }], optional: [], location: "Fresno",
    bodyHtml: "", timeZone: "Eastern Standard Time", email: "sdr@example.com", displayName: "Sam",
  });

  it("reads like Outlook and fires the same events when edited", async () => {
    const sim = make();
    const fired: string[] = [];
    for (const type of Object.values(EventTypes)) sim.item.addHandlerAsync!(type, () => fired.push(type), () => undefined);
    const draft = await readDraft(sim, sim.requirements);
    expect(draft.attendees).toEqual([{ email: "rsm.west@example.com", name: "Dana", optional: false }]);
    sim.edit({ location: "Chicago" });
    sim.edit({ required: [] });
    sim.edit({ start: new Date("2026-12-03T18:00:00Z") });
    await vi.waitFor(() => expect(fired).toEqual([EventTypes.EnhancedLocationsChanged, EventTypes.RecipientsChanged, EventTypes.AppointmentTimeChanged]));
    expect(sim.snapshot().end.toISOString()).toBe("2026-12-03T19:00:00.000Z"); // duration kept
  });

  it("takes setAsync from the pane, refusing an end before the start", async () => {
    const sim = make();
    await setMeetingTime(sim, new Date("2026-12-04T15:00:00Z"), new Date("2026-12-04T15:30:00Z"));
    expect(sim.snapshot().end.toISOString()).toBe("2026-12-04T15:30:00.000Z");
    await expect(setMeetingTime(sim, new Date("2026-12-04T15:00:00Z"), new Date("2026-12-04T14:00:00Z"))).rejects.toThrow("The end must be after the start.");
  });
});
