import { h } from "../taskpane/view/dom";
import { reportTripUrl } from "../pages/report-trip-link";
import type { HandoffRecord } from "../shared/contract";

// The brief page's sections, in order. Each renders one part of GET /api/v1/handoffs/{key}; return null to skip.
// To add a section or an action (e.g. "report a trip"), push a renderer to BRIEF_SECTIONS.

/** GET /api/v1/handoffs/{key}, generated from the API's OpenAPI document. */
export type BriefRecord = HandoffRecord;

export type SectionRenderer = (record: BriefRecord) => HTMLElement | null;

function section(id: string, title: string, ...items: Array<HTMLElement | string>): HTMLElement {
  return h("section", { class: "brief-section", id }, h("h2", {}, title), h("ul", {}, ...items.map((i) => (typeof i === "string" ? h("li", {}, i) : i))));
}

export const BRIEF_SECTIONS: SectionRenderer[] = [
  (r) => section("brief-meeting", "The meeting",
    ...r.times.filter((t) => t.party === "rsm").map((t) => `${t.name}: ${t.phrases.longDay}, ${t.phrases.range} ${t.timeZoneName}`),
    ...r.times.filter((t) => t.party === "prospect").map((t) => `For the prospect: ${t.phrases.start} ${t.timeZoneName}`),
    ...(r.location ? [`Where: ${r.location}`] : []),
    `With: ${r.prospects.join(", ") || "no prospect on the invite"}`),
  (r) => r.travel.length === 0 ? null : section("brief-travel", "Your day around it", ...r.travel.map((l) => {
    const stop = l.place ? `${l.stop} in ${l.place}` : l.stop;
    const needed = l.minutesNeeded === null ? "travel not estimated" : `~${l.minutesNeeded} min needed (${Math.round(l.distanceKm ?? 0)} km)`;
    return l.direction === "before"
      ? `Before: ${stop} ends ${l.stopTime}, ${l.minutesAvailable} min before; ${needed}`
      : `After: ${stop} starts ${l.stopTime}, ${l.minutesAvailable} min after; ${needed}`;
  })),
  (r) => r.leads.length === 0 ? null : section("brief-leads", "Lead context", ...r.leads.flatMap((l) => [
    h("li", { class: "lead" }, h("strong", {}, l.context.company ?? l.email), " ", l.summary),
    ...l.context.activities.slice(1, 5).map((a) => h("li", {}, a.url ? h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.title) : a.title, ` (${a.kind}, ${a.at.slice(0, 10)})`)),
    ...Object.entries(l.context.customFields).map(([k, v]) => `${k}: ${v}`),
  ])),
  (r) => {
    const notes = ([["Why now", r.notes.whyNow], ["Pain", r.notes.pain], ["Next step", r.notes.nextStep]] as const).filter(([, v]) => v);
    return notes.length === 0 ? null : section("brief-notes", `Notes from ${r.sdr}`, ...notes.map(([k, v]) => `${k}: ${v}`));
  },
  (r) => {
    const overridden = r.warnings.filter((w) => r.sentAnyway.includes(w.code));
    return overridden.length === 0 ? null : section("brief-overridden", "Sent despite these warnings", ...overridden.map((w) => h("li", { "data-code": w.code }, w.message)));
  },
  (r) => {
    const story = [...r.talkingPoints, ...(r.productMessaging ? [r.productMessaging] : [])];
    return story.length === 0 ? null : section("brief-story", "What the SDR was given to say", ...story);
  },
  (r) => !r.delivery ? null : h("p", { class: "brief-delivery", id: "brief-delivery", "data-status": r.delivery.status },
    `Brief e-mail: ${r.delivery.status}${r.delivery.lastError ? ` (${r.delivery.lastError})` : ""}`),
];

// "Report a trip" (docs/field-intel.md): one tap opens the report form with the trip's ends filled in.
BRIEF_SECTIONS.push((r) => {
  if (!r.location) return null;
  const before = r.travel.find((l) => l.direction === "before" && l.place);
  const href = reportTripUrl({ rsm: "", from: before?.place ?? undefined, to: r.location });
  return h("p", { class: "brief-report-trip", id: "brief-report-trip" },
    h("a", { href }, "Report how long the trip took"), " so SDRs' travel estimates learn from it.");
});
