import type { PartyTime } from "./contract";

// Formats the API's local wall-clock strings ("2026-12-03T07:00:00") without ever passing them through the
// machine's own zone: they are parsed into fields and formatted as UTC.

const LOCALE = "en-US"; // the API's messages are English; keep times in the same voice

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number }

export function parseLocal(value: string): LocalParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) throw new Error(`Not a local date-time: ${value}`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! };
}

function asUtcDate(p: LocalParts): Date {
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

const timeFmt = new Intl.DateTimeFormat(LOCALE, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
const dayFmt = new Intl.DateTimeFormat(LOCALE, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
const longDayFmt = new Intl.DateTimeFormat(LOCALE, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });

/** "7:00 AM" */
export function clock(local: string): string {
  return plainSpaces(timeFmt.format(asUtcDate(parseLocal(local))));
}

/** ICU puts a narrow no-break space before AM/PM; people (and the API's messages) use a plain space. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, " ");
}

/** "Thu, Dec 3" */
export function shortDay(local: string): string {
  return dayFmt.format(asUtcDate(parseLocal(local)));
}

/** "Thursday, December 3" */
export function longDay(local: string): string {
  return longDayFmt.format(asUtcDate(parseLocal(local)));
}

/** "7:00–8:00 AM", "11:30 AM–12:30 PM" */
export function clockRange(localStart: string, localEnd: string): string {
  const a = clock(localStart);
  const b = clock(localEnd);
  const [aTime, aHalf] = a.split(" ");
  const [, bHalf] = b.split(" ");
  return aHalf && aHalf === bHalf ? `${aTime}–${b}` : `${a}–${b}`;
}

/** "Pacific Time" → "Pacific"; "Berlin time" → "Berlin"; "UTC" stays. */
export function shortZoneName(timeZoneName: string): string {
  const trimmed = timeZoneName.replace(/\s+time$/i, "").trim();
  return trimmed || timeZoneName;
}

/** "7:00 AM Pacific" — the way people say it. */
export function saidTime(t: Pick<PartyTime, "localStart" | "timeZoneName">): string {
  return `${clock(t.localStart)} ${shortZoneName(t.timeZoneName)}`;
}

/** Whole days between two local dates (b − a), ignoring the time of day. */
export function dayDifference(aLocal: string, bLocal: string): number {
  const a = parseLocal(aLocal);
  const b = parseLocal(bLocal);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** A UTC instant shown in an IANA zone, for suggestions the API gives as instants: "Thu, Dec 3, 1:00 PM". */
export function instantIn(isoUtc: string, timeZone: string): { day: string; clock: string } {
  const date = new Date(isoUtc);
  const safeZone = isValidZone(timeZone) ? timeZone : "UTC";
  return {
    day: new Intl.DateTimeFormat(LOCALE, { weekday: "short", month: "short", day: "numeric", timeZone: safeZone }).format(date),
    clock: plainSpaces(new Intl.DateTimeFormat(LOCALE, { hour: "numeric", minute: "2-digit", timeZone: safeZone }).format(date)),
  };
}

export function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return true;
  } catch {
    return false;
  }
}
