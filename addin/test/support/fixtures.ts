import type { CheckResponse, HandoffRecord } from "../../src/shared/contract";

/** A party time's words as the API phrases them (TimePhrases): on Thursday, Dec 3 unless the day is given. */
export function phrases(start: string, end: string, range: string, zone: string, dayShift?: string, day = "Thu, Dec 3", longDay = "Thursday, December 3") {
  return { start, end, range, day, longDay, zone, said: `${start} ${zone}`, ...(dayShift ? { dayShift } : {}) };
}

/** The New York → Fresno draft as the API answers it (shape per the contract). */
export function nyToFresno(overrides: Partial<CheckResponse> = {}): CheckResponse {
  return {
    verdict: "blocked",
    times: [
      { party: "organizer", email: "sdr@example.com", timeZone: "America/New_York", timeZoneName: "Eastern Time", localStart: "2026-12-03T10:00:00", localEnd: "2026-12-03T11:00:00", utcOffset: "-05:00", phrases: phrases("10:00 AM", "11:00 AM", "10:00–11:00 AM", "Eastern") },
      { party: "prospect", email: "cfo@acme-metals.example", timeZone: "America/Los_Angeles", timeZoneName: "Pacific Time", localStart: "2026-12-03T07:00:00", localEnd: "2026-12-03T08:00:00", utcOffset: "-08:00", phrases: phrases("7:00 AM", "8:00 AM", "7:00–8:00 AM", "Pacific") },
      { party: "rsm", email: "rsm.west@example.com", timeZone: "America/Los_Angeles", timeZoneName: "Pacific Time", localStart: "2026-12-03T07:00:00", localEnd: "2026-12-03T08:00:00", utcOffset: "-08:00", phrases: phrases("7:00 AM", "8:00 AM", "7:00–8:00 AM", "Pacific") },
    ],
    warnings: [
      { code: "RSM_BUSY", severity: "blocker", party: "rsm", email: "rsm.west@example.com", message: "Dana Ruiz is busy 10:30 AM–12:30 PM your time (7:30–9:30 AM Pacific Time): Plant visit at Sierra Steel." },
      { code: "PROSPECT_OUTSIDE_BUSINESS_HOURS", severity: "warning", party: "prospect", email: "cfo@acme-metals.example", message: "10:00 AM your time is 7:00 AM Thursday for the prospect (Pacific Time), before their business hours (8:00 AM–6:00 PM)." },
      { code: "DIFFERENT_DAY", severity: "info", party: "prospect", email: null, message: "FYI." },
    ],
    rsms: [{ email: "rsm.west@example.com", name: "Dana Ruiz", timeZone: "America/Los_Angeles" }],
    prospect: { timeZone: "America/Los_Angeles", source: "request", detail: null, assumed: false },
    suggestions: [
      {
        start: "2026-12-03T18:00:00Z", end: "2026-12-03T19:00:00Z", isAlternativeRsm: false,
        rsm: { email: "rsm.west@example.com", name: "Dana Ruiz", timeZone: "America/Los_Angeles" },
        times: [
          { party: "organizer", email: "sdr@example.com", timeZone: "America/New_York", timeZoneName: "Eastern Time", localStart: "2026-12-03T13:00:00", localEnd: "2026-12-03T14:00:00", utcOffset: "-05:00", phrases: phrases("1:00 PM", "2:00 PM", "1:00–2:00 PM", "Eastern") },
          { party: "prospect", email: "cfo@acme-metals.example", timeZone: "America/Los_Angeles", timeZoneName: "Pacific Time", localStart: "2026-12-03T10:00:00", localEnd: "2026-12-03T11:00:00", utcOffset: "-08:00", phrases: phrases("10:00 AM", "11:00 AM", "10:00–11:00 AM", "Pacific") },
        ],
        reasons: [{ code: "FREE", message: "Dana is free." }],
      },
    ],
    ...overrides,
  };
}

/** A recorded handoff as PUT /api/v1/handoffs/{key} answers it (every property the contract says is always there). */
export function handoffRecord(key: string, version: number, overrides: Partial<HandoffRecord> = {}): HandoffRecord {
  return {
    key, version, sdr: "Sam Diaz", rsms: [], prospects: [], start: "2026-12-03T15:00:00Z", end: "2026-12-03T16:00:00Z",
    organizerTimeZone: "America/New_York", verdict: "review", warnings: [], sentAnyway: [], times: [], travel: [], leads: [],
    notes: {}, talkingPoints: [], recordedFrom: "send", createdAt: "2026-12-01T15:00:00Z", updatedAt: "2026-12-01T15:00:00Z",
    ...overrides,
  };
}

export function jsonResponse(body: unknown, status = 200, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}
