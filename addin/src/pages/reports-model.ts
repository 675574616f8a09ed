// The handoff report as GET /api/v1/reports/handoffs answers it (types generated from the API's OpenAPI document), and
// how the page words its figures.

import type { components } from "../generated/handoff-api";

type Schemas = components["schemas"];
export type Speed = Schemas["SpeedFigures"];
export type Figures = Schemas["Figures"];
export type Group = Schemas["GroupFigures"];
export type Report = Schemas["HandoffReport"];
export type HeldGrid = Schemas["HeldGrid"];
export type GridCell = Schemas["HeldGridCell"];
export type FairSharePeriod = Schemas["FairSharePeriod"];

/** One routing period's rows: RSM, weight in force, handoffs, fair share, and the difference signed ("+1.5", "−0.5"). */
export function fairShareRows(p: FairSharePeriod): Array<Array<string | number>> {
  return p.rsms.map((r) => [r.name ? `${r.name} (${r.rsm})` : r.rsm, trim(r.weight), r.handoffs, trim(r.fairShare), signed(r.difference)]);
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** +1.5 / −0.5 / 0: the sign says above or below the share (a true minus sign, as screen readers read it). */
export function signed(value: number): string {
  const v = Math.round(value * 100) / 100;
  return v > 0 ? `+${v}` : v < 0 ? `−${-v}` : "0";
}

/** What a grid cell shows: its own rate once sampled, else the org's sampled rate (marked), else held of decided. */
export function gridCellText(cell: GridCell | undefined, org: GridCell | undefined): string {
  if (!cell) return org?.sampled ? `(org ${percent(org.heldRate)})` : "";
  if (cell.sampled) return percent(cell.heldRate);
  return org?.sampled ? `${cell.held}/${cell.held + cell.noShows} (org ${percent(org.heldRate)})` : `${cell.held}/${cell.held + cell.noShows}`;
}

/** 0.8571 → "86 %"; no rate (nothing to divide by) → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)} %`;
}

/** Minutes as people say them: "36 min", "2 h 5 min", "1 d 3 h". */
export function minutes(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const m = Math.round(value);
  if (m < 60) return `${m} min`;
  if (m < 1440) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const h = Math.round(m / 60);
  return h % 24 === 0 ? `${h / 24} d` : `${Math.floor(h / 24)} d ${h % 24} h`;
}

export function days(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value.toFixed(1)} days`;
}

/** "2026-11-30" → "Nov 30" (the week's Monday). */
export function weekLabel(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** The summary tiles: label, value, and a line saying what it counts. */
export function tiles(f: Figures): Array<[string, string, string]> {
  return [
    ["Booked", String(f.booked), `${f.upcoming} upcoming`],
    ["Held rate", percent(f.heldRate), `${f.held} held of ${f.held + f.noShows + f.canceled + f.disqualified + f.pastActive} due`],
    ["No-show rate", percent(f.noShowRate), `${f.noShows} no-shows`],
    ["Opportunity rate", percent(f.opportunityRate), `${f.opportunities} opportunities`],
    ["Speed to lead", minutes(f.speedToLead.medianMinutes), `median; p90 ${minutes(f.speedToLead.p90Minutes)}; ${percent(f.speedToLead.withinHourShare)} within an hour`],
    ["Lead to meeting", days(f.leadToMeetingDaysMedian), "median"],
    ["Slips prevented", String(f.slipsPrevented), "warnings fixed before send"],
    ["Sent anyway", String(f.sentWithWarnings), "with a warning on screen"],
    ["No outcome yet", String(f.noOutcomeYet), `${f.awaitingOutcome} more awaiting one`],
  ];
}
