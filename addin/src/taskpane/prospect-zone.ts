// The assumed prospect zone, in front of the SDR: when the API says the prospect's zone is a guess (an ambiguous
// place such as "London", a territory default, an e-mail domain), the pane says what it assumed and offers one-click
// answers: "Yes, UK time is right" and each alternative ("London, ON · Eastern Time"). A choice is saved on the item
// through the same path as the zone picker, and then counts as given: the next check is no longer a guess.

import type { ProspectInfo } from "../shared/contract";
import { h, icon } from "./view/dom";

export interface ProspectZoneActions {
  setProspectZone(zone: string | null): void;
}

/** The card, or null when the prospect's zone is known (given, or from a place that fits one zone). */
export function assumedZoneCard(prospect: ProspectInfo | null | undefined, busy: boolean, actions: ProspectZoneActions): HTMLElement | null {
  if (!prospect?.assumed || !prospect.timeZone) return null;
  const zone = prospect.timeZone;
  const zoneName = prospect.timeZoneName || zone.replace(/_/g, " ");
  const where = prospect.place ? `${prospect.place} (${zoneName})` : zoneName;
  const choose = (id: string) => () => {
    if (!busy) actions.setProspectZone(id);
  };
  const alternatives = (prospect.alternatives ?? []).filter((a) => a.timeZone);
  return h("div", { class: "assumed-zone", "data-assumed-zone": zone, role: "group", "aria-labelledby": "assumed-zone-title" },
    h("p", { class: "assumed-zone-title", id: "assumed-zone-title" }, icon("warning", 16), " Where is the prospect?"),
    // For an ambiguous place the buttons list the other readings; for a default or a domain the detail says why.
    h("p", { class: "assumed-zone-text" }, "We assumed ", h("strong", {}, where),
      alternatives.length && prospect.source === "location" ? ". Is that right?" : prospect.detail ? ` — ${prospect.detail}.` : "."),
    h("div", { class: "assumed-zone-choices" },
      h("fluent-button", {
        appearance: "primary", size: "small", "data-prospect-confirm": zone, "data-focus-key": "assumed-confirm",
        ...(busy ? { disabled: true } : {}), onclick: choose(zone),
      }, `Yes, ${zoneName} is right`),
      ...alternatives.map((a, i) => h("fluent-button", {
        appearance: "outline", size: "small", "data-prospect-alternative": a.timeZone, "data-focus-key": `assumed-alt-${i}`,
        ...(busy ? { disabled: true } : {}), onclick: choose(a.timeZone),
      }, `${a.label} · ${a.timeZoneName}`))));
}
