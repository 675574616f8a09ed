#!/usr/bin/env node
// Builds api/Handoff.Places/Data/gazetteer.tsv.gz: US ZIP codes, Canadian FSAs, cities worldwide, first-level
// regions and countries, each with a point and a canonical IANA zone. Run `npm ci && node generate.mjs` in this folder;
// `node generate.mjs --check` fails if the committed file differs from what the sources give.
// Sources, versions and licences: api/Handoff.Places/Data/SOURCES.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadCanadianFsas } from './lib/canada.mjs';
import { dropForeignZones, dropMislabelledPlaces } from './lib/checks.mjs';
import { indexByKeyAndRegion, loadGeoNamesPlaces } from './lib/geonames.mjs';
import { cityKey } from './lib/text.mjs';
import { loadUsZips } from './lib/us.mjs';
import { ownZoneAt, tzdbVersion, zoneAt } from './lib/zones.mjs';
import { countryRows, loadWorldCities, regionRows } from './lib/world.mjs';

const OUTPUT = fileURLToPath(new URL('../../api/Handoff.Places/Data/gazetteer.tsv.gz', import.meta.url));
const FORMAT = 'handoff-gazetteer/2';
const COLUMNS = ['kind', 'code', 'name', 'region', 'country', 'lat', 'lon', 'zone', 'population', 'names', 'share'];

const stats = {
  usMilitarySkipped: 0, usNoPointSkipped: 0, usPointFromCensusOnly: 0, usPointFromCensusArbitrated: 0,
  usPointKeptArbitrated: 0, caPointFromNamedCity: 0, caNoPointSkipped: 0, noZoneSkipped: 0,
  foreignZoneSkipped: 0, mislabelledPlaceSkipped: 0,
};
const log = [];

const allGeoPlaces = loadGeoNamesPlaces();
const zips = dropForeignZones(withZones(loadUsZips(indexByKeyAndRegion(allGeoPlaces), stats)), stats, log);
const fsas = dropForeignZones(withZones(loadCanadianFsas(allGeoPlaces, stats)), stats, log);
const geoPlaces = dropMislabelledPlaces(allGeoPlaces, [...zips, ...fsas], stats, log);
const cities = cityRows(indexByKeyAndRegion(geoPlaces), zips, fsas);
const worldCities = loadWorldCities(ownZoneAt, stats);
const regions = regionRows(worldCities);
const countries = countryRows([...cities.filter((c) => c.population > 0), ...worldCities]);

const lines = [
  `# ${FORMAT}\ttzdb ${tzdbVersion}\tsources: see SOURCES.md`,
  COLUMNS.join('\t'),
  ...[...zips, ...fsas, ...cities, ...worldCities, ...regions, ...countries].map(toLine).sort(),
];
const bytes = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });

if (process.argv.includes('--check')) {
  const committed = gunzipSync(readFileSync(OUTPUT)).toString('utf8');
  if (committed !== gunzipSync(bytes).toString('utf8')) {
    console.error(`${OUTPUT} is out of date: run node tools/gazetteer/generate.mjs`);
    process.exit(1);
  }
  console.log('gazetteer is up to date');
} else {
  writeFileSync(OUTPUT, bytes);
  console.log(`wrote ${OUTPUT} (${bytes.length} bytes gzip)`);
}
for (const line of log) console.log(line);
console.log({ zips: zips.length, fsas: fsas.length, cities: cities.length, worldCities: worldCities.length, regions: regions.length, countries: countries.length, ...stats });

function withZones(rows) {
  return rows.filter((r) => {
    r.zone = zoneAt(r.lat, r.lon, stats);
    if (!r.zone) stats.noZoneSkipped++;
    return r.zone !== null;
  });
}

/**
 * "City, ST" rows. A GeoNames place gives its own centre and population. A USPS city name with no
 * GeoNames match (under 1,000 people, or a postal name such as "Mc Grath") gets the point of its ZIP nearest
 * the mean of its ZIPs, so the point and zone are those of a real ZIP. Urban FSA names that GeoNames lacks
 * ("Gloucester, ON") get the same treatment.
 */
function cityRows(geoIndex, zipRows, fsaRows) {
  const rows = [];
  for (const p of geoIndex.values()) {
    const zone = zoneAt(p.lat, p.lon, stats);
    if (!zone) { stats.noZoneSkipped++; continue; }
    rows.push({ kind: 'C', code: '', name: p.name, region: p.region, country: p.country, lat: p.lat, lon: p.lon, zone, population: p.population });
  }
  const groups = new Map();
  for (const r of [...zipRows, ...fsaRows.filter((f) => !f.rural)]) {
    const k = `${cityKey(r.name)}|${r.region}`;
    if (geoIndex.has(k)) continue;
    const group = groups.get(k) ?? [];
    group.push(r);
    groups.set(k, group);
  }
  for (const group of groups.values()) {
    const lat = group.reduce((s, r) => s + r.lat, 0) / group.length;
    const lon = group.reduce((s, r) => s + r.lon, 0) / group.length;
    const nearest = group.reduce((best, r) =>
      (r.lat - lat) ** 2 + (r.lon - lon) ** 2 < (best.lat - lat) ** 2 + (best.lon - lon) ** 2 ? r : best);
    rows.push({ ...nearest, kind: 'C', code: '', population: 0 });
  }
  return rows;
}

function toLine(r) {
  const fields = [r.kind, r.code, r.name, r.region, r.country, r.lat.toFixed(4), r.lon.toFixed(4), r.zone,
    r.kind === 'C' || r.kind === 'R' || r.kind === 'N' ? String(r.population) : '',
    (r.names ?? []).join('|'), r.share === undefined ? '' : String(r.share)];
  if (!r.name) throw new Error(`Row without a name: ${JSON.stringify(r)}`);
  for (const f of fields) if (/[\t\n]/.test(f)) throw new Error(`Tab or newline in ${JSON.stringify(r)}`);
  return fields.join('\t');
}
