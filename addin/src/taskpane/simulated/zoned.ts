// Wall-clock ↔ UTC in a named zone with Intl only (the simulated form shows times in "your" zone, like Outlook).

const partsFormatter = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatter.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    partsFormatter.set(zone, f);
  }
  return f;
}

function wallClock(date: Date, zone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = Object.fromEntries(formatter(zone).formatToParts(date).map((p) => [p.type, p.value]));
  return { y: +parts.year!, mo: +parts.month!, d: +parts.day!, h: +parts.hour! % 24, mi: +parts.minute! };
}

function offsetMinutes(date: Date, zone: string): number {
  const w = wallClock(date, zone);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(date.getTime() / 60000) * 60000) / 60000);
}

/** "2026-12-03T10:00" in America/New_York → the UTC instant. Skipped times move forward, as Outlook does. */
export function zonedToUtc(local: string, zone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  const first = offsetMinutes(new Date(guess), zone);
  const t1 = guess - first * 60000;
  const second = offsetMinutes(new Date(t1), zone);
  if (second === first) return new Date(t1);
  const t2 = guess - second * 60000;
  // t2 keeps the wall clock only if the time exists; in a spring-forward gap t1 is the time moved forward.
  return new Date(offsetMinutes(new Date(t2), zone) === second ? t2 : t1);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock (the value of a datetime-local input). */
export function utcToZoned(date: Date, zone: string): string {
  const w = wallClock(date, zone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${p(w.mo)}-${p(w.d)}T${p(w.h)}:${p(w.mi)}`;
}

/** The first Thursday at least a week after `now`, at 10:00 on the zone's wall clock. */
export function nextDemoSlot(now: Date, zone: string): { start: Date; end: Date } {
  const today = utcToZoned(now, zone).slice(0, 10);
  const [y, mo, d] = today.split("-").map(Number) as [number, number, number];
  const base = new Date(Date.UTC(y, mo - 1, d + 7));
  const toThursday = (4 - base.getUTCDay() + 7) % 7;
  base.setUTCDate(base.getUTCDate() + toThursday);
  const day = base.toISOString().slice(0, 10);
  const start = zonedToUtc(`${day}T10:00`, zone);
  return { start, end: new Date(start.getTime() + 60 * 60 * 1000) };
}
