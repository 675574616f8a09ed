import { geoAlbersUsa, geoEqualEarth, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { FeatureCollection } from "geojson";
import { esc } from "./field-api";
import { radiusFor, type Marker } from "./planner-model";

// The map, drawn offline: US states from us-atlas (US Census Bureau) with an Albers USA projection, or the world's
// countries from world-atlas (Natural Earth) when a place lies outside the US. Both ship through npm (ISC licence); the
// TopoJSON is bundled, so no tile server or network is needed.

const WIDTH = 960;
const HEIGHT = 560;

async function usStates(): Promise<FeatureCollection> {
  const topology = (await import("us-atlas/states-10m.json")).default as unknown as Topology<{ states: GeometryCollection }>;
  return feature(topology, topology.objects.states) as FeatureCollection;
}

async function worldCountries(): Promise<FeatureCollection> {
  const topology = (await import("world-atlas/countries-110m.json")).default as unknown as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries) as FeatureCollection;
}

export async function drawMap(container: HTMLElement, markers: Marker[], caption: string): Promise<void> {
  const us = geoAlbersUsa();
  const inUs = markers.every((m) => us([m.cluster.longitude, m.cluster.latitude]) !== null);
  const land = inUs ? await usStates() : await worldCountries();
  const projection: GeoProjection = inUs ? us.fitSize([WIDTH, HEIGHT], land) : geoEqualEarth().fitSize([WIDTH, HEIGHT], land);
  const path = geoPath(projection);
  const shapes = land.features.map((f) => `<path class="land" d="${path(f) ?? ""}"></path>`).join("");
  const dots = [...markers].sort((a, b) => b.openHours - a.openHours).map((m) => {
    const point = projection([m.cluster.longitude, m.cluster.latitude]);
    if (!point) return "";
    const [x, y] = point;
    const r = radiusFor(m.openHours);
    const title = `${m.cluster.name}: ${m.rsms} RSM${m.rsms === 1 ? "" : "s"}, ${m.openHours} open hours${m.plannedOnly ? " (planned, nothing booked yet)" : ""}`;
    return `<g data-cluster="${esc(m.cluster.id)}"><circle class="cluster${m.plannedOnly ? " planned" : ""}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"><title>${esc(title)}</title></circle>` +
      `<text x="${(x + r + 3).toFixed(1)}" y="${(y + 4).toFixed(1)}">${esc(m.cluster.name)}</text></g>`;
  }).join("");
  container.innerHTML = `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(caption)}">${shapes}${dots}</svg>`;
}
