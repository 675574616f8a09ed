// Sanity checks that drop rows whose source data is plainly wrong, each counted in the run's stats.
import { haversineKm } from './text.mjs';

const FAR_KM = 500;
const NEAR_KM = 50;

/** A US or Canadian postal point in an Asian or European zone has a wrong sign or a swapped field. */
export function dropForeignZones(rows, stats, log) {
  return rows.filter((r) => {
    const ok = r.zone.startsWith('America/') || r.zone.startsWith('Pacific/');
    if (!ok) { stats.foreignZoneSkipped++; log.push(`foreign zone: ${r.code} ${r.name}, ${r.region} → ${r.zone}`); }
    return ok;
  });
}

/**
 * A GeoNames place whose region code is wrong (GeoNames files "Fallingbrook", a part of Ottawa, under
 * Prince Edward Island) lies far from every postal area of its claimed region and next to one of another
 * region. Dropped when its own region's nearest postal area is over FAR_KM away and another region's is
 * within NEAR_KM; remote places with sparse postal data (Iqaluit, Inuvik) pass the second test.
 */
export function dropMislabelledPlaces(places, postalRows, stats, log) {
  const byRegion = new Map();
  for (const r of postalRows) {
    const list = byRegion.get(r.region) ?? [];
    list.push(r);
    byRegion.set(r.region, list);
  }
  const nearest = (p, rows) => rows.reduce((best, r) => {
    const km = haversineKm(p.lat, p.lon, r.lat, r.lon);
    return km < best.km ? { row: r, km } : best;
  }, { row: null, km: Infinity });
  return places.filter((p) => {
    const own = nearest(p, byRegion.get(p.region) ?? []);
    if (own.km <= FAR_KM) return true;
    const any = nearest(p, postalRows);
    if (any.row.region === p.region || any.km > NEAR_KM) return true;
    stats.mislabelledPlaceSkipped++;
    log.push(`mislabelled place: ${p.name}, ${p.region} is ${Math.round(any.km)} km from ${any.row.code} (${any.row.region}), ` +
      `${Math.round(own.km)} km from any postal area of ${p.region}`);
    return false;
  });
}
