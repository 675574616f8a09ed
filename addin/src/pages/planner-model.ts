// The planner's response (GET /api/v1/planner), and the arithmetic the page does on it (DOM-free, unit-tested).

import type { components } from "../generated/handoff-api";

// Generated from the API's OpenAPI document (npm run gen:api).
type Schemas = components["schemas"];
export type Cluster = Schemas["ClusterDto"];
export type Planned = Schemas["PlannedDto"];
export type Meeting = Schemas["MeetingDto"];
export type Presence = Schemas["PresenceDto"];
export type ClusterWeek = Schemas["ClusterWeekDto"];
export type Week = Schemas["WeekDto"];
export type PlannerResponse = Schemas["PlannerResponse"];

/** A marker per place that week: how many RSMs, their open hours, whether only plans (no booked meeting) put them there. */
export interface Marker { cluster: Cluster; rsms: number; openHours: number; plannedOnly: boolean }

export function markersFor(response: PlannerResponse, week: Week): Marker[] {
  const byId = new Map(response.clusters.map((c) => [c.id, c]));
  return week.places.flatMap((place) => {
    const cluster = byId.get(place.clusterId);
    if (!cluster) return [];
    const plannedOnly = place.rsms.every((r) => r.meetings.length === 0);
    return [{ cluster, rsms: place.rsms.length, openHours: place.openHours, plannedOnly }];
  });
}

/** Marker radius in px: area grows with open hours, so a 40-hour week stands out from a 4-hour one. */
export function radiusFor(openHours: number): number {
  return 4 + Math.sqrt(Math.max(0, openHours)) * 1.6;
}

export function weekLabel(monday: string): string {
  const date = new Date(`${monday}T12:00:00Z`);
  return `Week of ${date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}`;
}
