// The one-tap link to report a trip: a page that opens with everything filled in, so the RSM only confirms.
// The brief page (and anything else that knows a trip: the calendar item before and after) builds it here.

export interface TripPrefill {
  rsm: string;
  from?: string;
  to?: string;
  /** ISO 8601 instants. */
  departed?: string;
  arrived?: string;
}

export function reportTripUrl(trip: TripPrefill, origin = ""): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(trip)) {
    if (value) query.set(key, String(value));
  }
  return `${origin}/report-trip?${query.toString()}`;
}

export function readPrefill(search: string): Partial<TripPrefill> {
  const query = new URLSearchParams(search);
  const value = (key: string) => query.get(key)?.trim() || undefined;
  return { rsm: value("rsm"), from: value("from"), to: value("to"), departed: value("departed"), arrived: value("arrived") };
}

/** An ISO instant as the value of an input type=datetime-local in the browser's zone ("2026-12-03T08:05"). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (browser's zone) as an ISO instant with offset, or "" when empty or invalid. */
export function fromLocalInput(value: string): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}
