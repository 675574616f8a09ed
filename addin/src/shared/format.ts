import type { PartyTime } from "./contract";

// Times are shown in the API's words: every party time carries `phrases` ("7:00 AM Pacific", "Thu, Dec 3",
// "next day"), phrased on the server in the voice of its warnings. The pane never re-parses localStart/localEnd
// with the machine's clock, zone or locale.

/** When a slot falls for the SDR: { day: "Thu, Dec 3", clock: "1:00 PM" } (another party's "said" time if no organizer). */
export function yourTime(times: readonly PartyTime[]): { day: string; clock: string } | null {
  const mine = times.find((t) => t.party === "organizer");
  if (mine) return { day: mine.phrases.day, clock: mine.phrases.start };
  const first = times[0];
  return first ? { day: first.phrases.day, clock: first.phrases.said } : null;
}
