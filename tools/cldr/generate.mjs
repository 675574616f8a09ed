#!/usr/bin/env node
// Builds the time data of the scheduling core (api/Handoff.Scheduling/Time/Data/) from pinned npm packages:
//   windows-zones.tsv  every Windows zone id → its zone, as CLDR's windowsZones maps it (territory 001)
//   zones.tsv          every CLDR zone: its IANA id, legacy aliases, English metazone name and exemplar city
//   week-data.tsv      each territory's first day and weekend (CLDR weekData)
//   holidays.tsv.gz    public holidays per country and first-level region (date-holidays), HOLIDAY_YEARS
// Run `npm ci && node generate.mjs` in this folder; `node generate.mjs --check` fails if a committed file
// differs from what the packages give. Sources, versions and licences: the SOURCES.md beside the data.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUT = (name) => fileURLToPath(new URL(`../../api/Handoff.Scheduling/Time/Data/${name}`, import.meta.url));
const HOLIDAY_YEARS = [2024, 2036]; // inclusive: a year back for past meetings, ten ahead for planning
const version = (pkg) => require(`${pkg}/package.json`).version;

const bcp47 = require('cldr-bcp47/bcp47/timezone.json').keyword.u.tz;
const windows = require('cldr-core/supplemental/windowsZones.json').supplemental.windowsZones.mapTimezones;
const metaZones = require('cldr-core/supplemental/metaZones.json').supplemental.metaZones;
const weekData = require('cldr-core/supplemental/weekData.json').supplemental.weekData;
const names = require('cldr-dates-full/main/en/timeZoneNames.json').main.en.dates.timeZoneNames;

// CLDR zone types: the first alias is CLDR's id, `_iana` (when present) the id IANA prefers today.
const zones = [];
const ianaOf = new Map();
for (const [key, t] of Object.entries(bcp47)) {
  if (typeof t !== 'object' || !t._alias || t._deprecated) continue;
  const aliases = t._alias.split(' ');
  const iana = t._iana ?? aliases[0];
  if (!iana.includes('/') || iana.startsWith('Etc/') && iana !== 'Etc/UTC') continue;
  for (const a of aliases) ianaOf.set(a, iana);
  zones.push({ key, iana, aliases: aliases.filter((a) => a !== iana) });
}

const header = (format, sources) => `# ${format}\tsources: ${sources}\tsee SOURCES.md`;
const tsv = (rows) => rows.map((r) => { for (const f of r) if (/[\t\n]/.test(f)) throw new Error(`bad field ${f}`); return r.join('\t'); });

// Windows ids, territory 001 (the zone Windows means when no country is known).
const windowsRows = windows.map((m) => m.mapZone).filter((z) => z._territory === '001').map((z) => {
  const iana = ianaOf.get(z._type) ?? z._type;
  return [z._other, z._type, iana];
}).sort((a, b) => a[0].localeCompare(b[0], 'en'));
const windowsText = [header('handoff-windows-zones/1', `cldr-core ${version('cldr-core')}`), 'windows\tcldr\tiana', ...tsv(windowsRows)].join('\n') + '\n';

// Names: the metazone a zone uses today (no _to), its English generic (or standard) long name, the exemplar city.
const zoneInfo = (id) => id.split('/').reduce((node, part) => node?.[part], metaZones.metazoneInfo.timezone);
const zoneNames = (id) => id.split('/').reduce((node, part) => node?.[part], names.zone);
const zoneRows = zones.map((z) => {
  const cldrId = [z.iana, ...z.aliases].find((id) => zoneInfo(id) || zoneNames(id)) ?? z.iana;
  const uses = (zoneInfo(cldrId) ?? []).map((u) => u.usesMetazone).filter((u) => !u._to);
  const mzone = uses.length ? uses[uses.length - 1]._mzone : '';
  const mzNames = mzone ? names.metazone[mzone]?.long : undefined;
  const mzName = mzNames?.generic ?? mzNames?.standard ?? '';
  const own = zoneNames(cldrId);
  const city = own?.exemplarCity ?? z.iana.split('/').pop().replace(/_/g, ' ');
  const golden = mzone ? goldenZone(mzone) : '';
  return [z.iana, z.aliases.join(' '), mzone, mzName, city, golden === cldrId || ianaOf.get(golden) === z.iana ? 'golden' : ''];
}).sort((a, b) => a[0].localeCompare(b[0], 'en'));
const zonesText = [header('handoff-zones/1', `cldr-bcp47 ${version('cldr-bcp47')}, cldr-core ${version('cldr-core')}, cldr-dates-full ${version('cldr-dates-full')}`),
  'iana\taliases\tmetazone\tname\tcity\tgolden', ...tsv(zoneRows)].join('\n') + '\n';

function goldenZone(mzone) {
  const m = metaZones.metazones.map((x) => x.mapZone).find((x) => x._other === mzone && x._territory === '001');
  return m?._type ?? '';
}

// Week data: every territory named in firstDay, weekendStart or weekendEnd; 001 is the world default.
const territories = new Set([...Object.keys(weekData.firstDay), ...Object.keys(weekData.weekendStart), ...Object.keys(weekData.weekendEnd)]);
const pick = (table, t) => table[t] ?? table['001'];
const weekRows = [...territories].filter((t) => !t.includes('-')).sort().map((t) => [t, pick(weekData.firstDay, t), pick(weekData.weekendStart, t), pick(weekData.weekendEnd, t)]);
const weekText = [header('handoff-week-data/1', `cldr-core ${version('cldr-core')}`), 'territory\tfirstDay\tweekendStart\tweekendEnd', ...tsv(weekRows)].join('\n') + '\n';

const holidaysText = [header('handoff-holidays/1', `date-holidays ${version('date-holidays')}, public holidays ${HOLIDAY_YEARS.join('–')}`),
  'region\tdate\tname', ...tsv(holidayRows())].join('\n') + '\n';

/**
 * One row per local date a public holiday covers. Country rows use the ISO code ("US"); a first-level region's
 * rows ("US-TX") only list what the region adds to its country, so a lookup reads the country and the region.
 */
function holidayRows() {
  const Holidays = require('date-holidays');
  const hd = new Holidays();
  const rows = [];
  const days = (h) => {
    const out = [];
    const first = h.date.slice(0, 10);
    const n = Math.max(1, Math.round((h.end - h.start) / 86400000));
    const d = new Date(`${first}T00:00:00Z`);
    for (let i = 0; i < n; i++) out.push(new Date(d.getTime() + i * 86400000).toISOString().slice(0, 10));
    return out;
  };
  const collect = (country, state) => {
    const h = new Holidays(country, ...(state ? [state] : []), { languages: ['en'], types: ['public'] });
    const set = new Map();
    for (let y = HOLIDAY_YEARS[0]; y <= HOLIDAY_YEARS[1]; y++) {
      for (const x of h.getHolidays(y, 'en') ?? []) {
        if (x.type !== 'public') continue;
        for (const day of days(x)) if (!set.has(day)) set.set(day, x.name.replace(/\s+/g, ' ').trim());
      }
    }
    return set;
  };
  for (const country of Object.keys(hd.getCountries('en')).sort()) {
    const national = collect(country);
    for (const [day, name] of national) rows.push([country, day, name]);
    for (const state of Object.keys(hd.getStates(country, 'en') ?? {}).sort()) {
      for (const [day, name] of collect(country, state)) {
        if (national.get(day) !== name) rows.push([`${country}-${state}`, day, name]);
      }
    }
  }
  return rows.sort((a, b) => (a[0] + '\t' + a[1]).localeCompare(b[0] + '\t' + b[1], 'en'));
}

const outputs = [
  ['windows-zones.tsv', Buffer.from(windowsText, 'utf8')],
  ['zones.tsv', Buffer.from(zonesText, 'utf8')],
  ['week-data.tsv', Buffer.from(weekText, 'utf8')],
  ['holidays.tsv.gz', gzipSync(Buffer.from(holidaysText, 'utf8'), { level: 9 })],
];
const text = (name, bytes) => (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');

if (process.argv.includes('--check')) {
  let stale = 0;
  for (const [name, bytes] of outputs) {
    let committed;
    try { committed = readFileSync(OUT(name)); } catch { committed = Buffer.alloc(0); }
    // gzip bytes may differ between zlib builds; the content must not.
    if (committed.length === 0 || text(name, committed) !== text(name, bytes)) { console.error(`${OUT(name)} is out of date: run node tools/cldr/generate.mjs`); stale++; }
  }
  if (stale) process.exit(1);
  console.log('time data is up to date');
} else {
  for (const [name, bytes] of outputs) { writeFileSync(OUT(name), bytes); console.log(`wrote ${name} (${bytes.length} bytes)`); }
}
console.log({ windowsIds: windowsRows.length, zones: zoneRows.length, territories: weekRows.length });
