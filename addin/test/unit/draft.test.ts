import { afterEach, describe, expect, it } from "vitest";
import { addRequiredAttendee, prependToBody, PROSPECT_ZONE_PROPERTY, readDraft, saveProspectZone, setMeetingTime, toCheckRequest } from "../../src/shared/draft";
import { OfficeCallError } from "../../src/shared/office-async";
import { installOfficeStub, removeOfficeStub } from "../support/stub";

afterEach(removeOfficeStub);

const invite = {
  start: "2026-12-03T15:00:00.000Z",
  end: "2026-12-03T16:00:00.000Z",
  required: [
    { emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" },
    { emailAddress: "SDR@example.com", displayName: "Sam (me)" },
    { emailAddress: "cfo@acme-metals.example", displayName: "" },
  ],
  optional: [{ emailAddress: "RSM.WEST@example.com", displayName: "dup" }, { emailAddress: "coo@acme-metals.example", displayName: "Lee" }],
  location: "Acme Metals, Fresno, CA 93706",
};

describe("reading the draft from Outlook", () => {
  it("reads times, attendees, location and the user's zone, leaving out the organizer and duplicates", async () => {
    const { mailbox, requirements } = installOfficeStub(invite);
    const draft = await readDraft(mailbox, requirements);
    expect(draft.start.toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(draft.end.toISOString()).toBe("2026-12-03T16:00:00.000Z");
    expect(draft.organizerTimeZone).toBe("Eastern Standard Time");
    expect(draft.attendees).toEqual([
      { email: "rsm.west@example.com", name: "Dana Ruiz", optional: false },
      { email: "cfo@acme-metals.example", name: "cfo@acme-metals.example", optional: false },
      { email: "coo@acme-metals.example", name: "Lee", optional: true },
    ]);
    expect(toCheckRequest(draft)).toEqual({
      start: "2026-12-03T15:00:00.000Z",
      end: "2026-12-03T16:00:00.000Z",
      organizerTimeZone: "Eastern Standard Time",
      organizerEmail: "sdr@example.com",
      attendees: ["rsm.west@example.com", "cfo@acme-metals.example", "coo@acme-metals.example"],
      location: "Acme Metals, Fresno, CA 93706",
    });
  });

  it("sends the prospect zone the SDR saved on the item", async () => {
    const { mailbox, requirements } = installOfficeStub({ ...invite, customProperties: { [PROSPECT_ZONE_PROPERTY]: "America/Los_Angeles" } });
    expect(toCheckRequest(await readDraft(mailbox, requirements)).prospectTimeZone).toBe("America/Los_Angeles");
  });

  it("falls back to enhancedLocation only where Mailbox 1.8 is supported", async () => {
    const rooms = [{ displayName: "Fresno HQ" }, { displayName: "Teams" }];
    let { mailbox, requirements } = installOfficeStub({ ...invite, location: "", enhancedLocations: rooms });
    expect((await readDraft(mailbox, requirements)).location).toBe("Fresno HQ; Teams");
    ({ mailbox, requirements } = installOfficeStub({ ...invite, location: "", enhancedLocations: rooms, mailboxVersion: "1.7" }));
    expect((await readDraft(mailbox, requirements)).location).toBe("");
    ({ mailbox, requirements } = installOfficeStub({ ...invite, location: "Typed place", enhancedLocations: rooms }));
    expect((await readDraft(mailbox, requirements)).location).toBe("Typed place");
  });

  it("turns a failed Outlook call into an error instead of hanging", async () => {
    const { mailbox, requirements } = installOfficeStub({ ...invite, failOn: { "start.getAsync": "The item was closed." } });
    await expect(readDraft(mailbox, requirements)).rejects.toEqual(new OfficeCallError("The item was closed.", 9000));
  });
});

describe("changing the draft", () => {
  it("moves the meeting: start first (Outlook keeps the duration), then the exact end", async () => {
    const { mailbox, stub } = installOfficeStub(invite);
    await setMeetingTime(mailbox, new Date("2026-12-03T18:00:00Z"), new Date("2026-12-03T18:30:00Z"));
    expect(stub.calls.filter((c) => c.name.endsWith(".setAsync")).map((c) => [c.name, c.args[0]])).toEqual([
      ["start.setAsync", "2026-12-03T18:00:00.000Z"],
      ["end.setAsync", "2026-12-03T18:30:00.000Z"],
    ]);
    expect(stub.state.end.toISOString()).toBe("2026-12-03T18:30:00.000Z");
  });

  it("prepends HTML to an HTML body and text to a text body", async () => {
    let { mailbox, stub } = installOfficeStub({ ...invite, bodyType: "html", body: "<p>Hi</p>" });
    expect(await prependToBody(mailbox, { html: "<b>brief</b>", text: "brief" })).toBe("html");
    expect(stub.state.body).toBe("<b>brief</b><p>Hi</p>");
    expect(stub.callsTo("body.prependAsync")[0]!.args[1]).toBe("html");
    ({ mailbox, stub } = installOfficeStub({ ...invite, bodyType: "text", body: "Hi" }));
    expect(await prependToBody(mailbox, { html: "<b>brief</b>", text: "brief\n" })).toBe("text");
    expect(stub.state.body).toBe("brief\nHi");
  });

  it("saves and clears the prospect zone as a custom property", async () => {
    const { mailbox, stub } = installOfficeStub(invite);
    await saveProspectZone(mailbox, "America/Chicago");
    expect(stub.state.custom[PROSPECT_ZONE_PROPERTY]).toBe("America/Chicago");
    await saveProspectZone(mailbox, null);
    expect(stub.state.custom).not.toHaveProperty(PROSPECT_ZONE_PROPERTY);
    expect(stub.callsTo("customProperties.saveAsync")).toHaveLength(2);
  });

  it("adds an attendee", async () => {
    const { mailbox, stub } = installOfficeStub(invite);
    await addRequiredAttendee(mailbox, { emailAddress: "rsm.central@example.com", displayName: "Chris" });
    expect(stub.state.required.map((r) => r.emailAddress)).toContain("rsm.central@example.com");
  });
});
