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
