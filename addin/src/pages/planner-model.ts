// The planner's response (GET /api/v1/planner), and the arithmetic the page does on it (DOM-free, unit-tested).

export interface Cluster { id: string; name: string; latitude: number; longitude: number; territories: string[] }
export interface Planned { id: string; from: string; to: string; place: string; confidence: number; note?: string | null }
export interface Meeting { start: string; end: string; subject: string; place: string }
export interface Presence { email: string; name: string; timeZone: string; days: string[]; plans: Planned[]; meetings: Meeting[]; openHours: number; summary: string }
export interface ClusterWeek { clusterId: string; cluster: string; territories: string[]; openHours: number; rsms: Presence[] }
export interface Week { week: string; places: ClusterWeek[] }
export interface PlannerResponse { from: string; to: string; clusters: Cluster[]; weeks: Week[]; unavailableCalendars: Array<{ email: string; reason: string }> }

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
