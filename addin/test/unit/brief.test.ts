import { describe, expect, it } from "vitest";
import { buildBrief, escapeHtml } from "../../src/shared/brief";
import type { Draft } from "../../src/shared/draft";
import { nyToFresno } from "../support/fixtures";

const draft: Pick<Draft, "attendees" | "organizerName" | "organizerEmail"> = {
  organizerName: "Sam Rivera",
  organizerEmail: "sdr@example.com",
  attendees: [
    { email: "rsm.west@example.com", name: "Dana Ruiz", optional: false },
    { email: "cfo@acme-metals.example", name: "Pat Morgan", optional: false },
  ],
};

describe("handoff brief", () => {
  it("has an agenda line and the time in every party's zone, with who is there", () => {
    const { text } = buildBrief(nyToFresno(), draft);
    expect(text).toContain("Agenda: introductions, your priorities, and next steps with Dana Ruiz.");
    expect(text).toContain("• Thursday, December 3, 10:00–11:00 AM Eastern Time — Sam Rivera");
    // prospect and RSM share a zone and a time: one line naming both
    expect(text).toContain("• Thursday, December 3, 7:00–8:00 AM Pacific Time — Pat Morgan, Dana Ruiz");
    expect(text.match(/Pacific Time/g)).toHaveLength(1);
  });

  it("never nests brackets when a name has its own", () => {
    const named = { ...draft, attendees: [draft.attendees[0]!, { email: "cfo@acme-metals.example", name: "Pat Morgan (Acme Metals)", optional: false }] };
    const { text } = buildBrief(nyToFresno(), named);
    expect(text).toContain("7:00–8:00 AM Pacific Time — Pat Morgan (Acme Metals), Dana Ruiz");
    expect(text).not.toMatch(/\([^()]*\(/);
  });

  it("is safe to show the prospect: no verdict, warnings, calendars or internal words", () => {
    const result = nyToFresno();
    const { text, html } = buildBrief(result, draft);
    for (const body of [text, html]) {
      for (const warning of result.warnings) expect(body).not.toContain(warning.message);
      expect(body).not.toMatch(/busy|blocked|won't work|plant visit|RSM|SDR|handoff|territory|warning/i);
    }
  });

  it("escapes names in the HTML version", () => {
    const { html } = buildBrief(nyToFresno({ rsms: [{ email: "rsm.west@example.com", name: "<script>alert(1)</script>", timeZone: "America/Los_Angeles" }] }), draft);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(escapeHtml(`a&b"'<>`)).toBe("a&amp;b&quot;&#39;&lt;&gt;");
  });

  it("names every prospect-side attendee when the API gives one prospect time", () => {
    const result = nyToFresno();
    result.times[1] = { ...result.times[1]!, email: null };
    const { text } = buildBrief(result, { ...draft, attendees: [...draft.attendees, { email: "coo@acme-metals.example", name: "Lee Chen", optional: true }, { email: "colleague@example.com", name: "Colleague", optional: true }] });
    expect(text).toContain("— Pat Morgan, Lee Chen, Dana Ruiz");
    expect(text).not.toContain("Colleague");
  });
});
