// Time zone of a point: exact polygon lookup (geo-tz, timezone-boundary-builder's comprehensive
// product), then the id made canonical with the IANA tz database's links (tzdata), so that e.g. a
// boundary product that still says "America/St_Thomas" yields "America/Puerto_Rico".
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { find } = require('geo-tz/all');
const tzdata = require('tzdata');

export const tzdbVersion = tzdata.version;

export function canonicalZone(id) {
  let current = id;
  for (let hops = 0; hops < 8; hops++) {
    const entry = tzdata.zones[current];
    if (entry === undefined) throw new Error(`Zone ${id} is not in tzdata ${tzdata.version}`);
    if (typeof entry !== 'string') return current; // a Zone: canonical
    current = entry; // a Link: follow it
  }
  throw new Error(`Zone link loop at ${id}`);
}

/** Canonical IANA id at the point, or null when the lookup finds none. `ties` counts points on a border. */
export function zoneAt(lat, lon, stats) {
  const ids = find(lat, lon);
  if (ids.length === 0) return null;
  if (ids.length > 1) stats.borderTies = (stats.borderTies ?? 0) + 1;
  return canonicalZone(ids[0]);
}

/**
 * The zone id the boundary data gives at the point, kept as it is (checked to be in tzdata). Outside the US and
 * Canada a place keeps its own id even where the tz database made it a link to another country's zone
 * ("Europe/Amsterdam", a link to "Europe/Brussels"; "Europe/Oslo" to "Europe/Berlin"): the clocks agree, but
 * people know their own zone, and the app decides how to show it.
 */
export function ownZoneAt(lat, lon, stats) {
  const ids = find(lat, lon);
  if (ids.length === 0) return null;
  if (ids.length > 1) stats.borderTies = (stats.borderTies ?? 0) + 1;
  if (tzdata.zones[ids[0]] === undefined) throw new Error(`Zone ${ids[0]} is not in tzdata ${tzdata.version}`);
  return ids[0];
}
