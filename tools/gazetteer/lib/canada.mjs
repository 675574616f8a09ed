// Canadian forward sortation areas (the first three characters of a postal code) from zipcodes'
// Canada table. Its "city" is a Canada Post description ("Downtown Toronto (richmond / Adelaide /
// King)", "Calgary South", "Eastern Alberta (st. Paul)"); this turns it into a city name, takes the
// province from the FSA's first letter, and repairs rows whose coordinates are missing or shifted.
import { createRequire } from 'node:module';
import { haversineKm, isValidPoint, titleCase, words } from './text.mjs';

const require = createRequire(import.meta.url);
const PROVINCE_BY_LETTER = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON',
  R: 'MB', S: 'SK', T: 'AB', V: 'BC', Y: 'YT',
};
const EDGE_WORDS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'central', 'downtown', 'inner', 'outer', 'upper', 'lower', 'mid', 'ne', 'nw', 'se', 'sw']);
const MISPLACED_KM = 50;
// "Charlottetown Southeast Prince Edward Island Provincial Government" → "Charlottetown Southeast".
const GOVERNMENT_SUFFIX = new RegExp(`\\s*(${['Alberta', 'British Columbia', 'Manitoba', 'New Brunswick',
  'Newfoundland (?:&|and) Labrador', 'Nova Scotia', 'Ontario', 'Prince Edward Island', 'Quebec', 'Saskatchewan']
  .join('|')})?\\s*Provincial Government.*$`, 'i');

function provinceOf(fsa, state) {
  if (fsa[0] === 'X') return /nunavut/i.test(state) ? 'NU' : 'NT';
  return PROVINCE_BY_LETTER[fsa[0]];
}

/** "Port Coquitlam Central" → "Port Coquitlam"; drops "(…)", "… Provincial Government" and edge words. */
function baseName(description) {
  const plain = description.replace(/\(.*$/, '');
  // "Quebec Provincial Government" names the city Québec, so only the suffix goes there.
  const base = plain.replace(GOVERNMENT_SUFFIX, '').trim() || plain.replace(/\s*Provincial Government.*$/i, '').trim();
  const parts = base.split(/\s+/).filter(Boolean);
  while (parts.length > 1 && EDGE_WORDS.has(parts[0].toLowerCase())) parts.shift();
  while (parts.length > 1 && EDGE_WORDS.has(parts[parts.length - 1].toLowerCase())) parts.pop();
  return parts.join(' ');
}

/** The GeoNames city the description names: at its start if possible, else anywhere; longest name wins. */
function namedCity(description, base, candidates) {
  const baseWords = ` ${words(base).join(' ')} `;
  const allWords = ` ${words(description.replace(/\(.*$/, '')).join(' ')} `;
  const byLength = (a, b) => b.words.length - a.words.length || b.population - a.population;
  const leading = candidates.filter((c) => baseWords.startsWith(` ${c.words} `)).sort(byLength);
  if (leading.length) return leading[0];
  if (base.split(' ').length <= 3) return null; // "Plateau Mont-royal": a borough, not the town Mont-Royal
  const anywhere = candidates.filter((c) => allWords.includes(` ${c.words} `)).sort(byLength);
  return anywhere[0] ?? null;
}

export function loadCanadianFsas(geoPlaces, stats) {
  const byProvince = new Map();
  for (const p of geoPlaces.filter((g) => g.country === 'CA')) {
    const list = byProvince.get(p.region) ?? [];
    list.push({ ...p, words: words(p.name).join(' ') });
    byProvince.set(p.region, list);
  }
  const rows = [];
  for (const f of Object.values(require('zipcodes').codes)) {
    if (f.country !== 'Canada') continue;
    const region = provinceOf(f.zip, f.state);
    const rural = f.zip[1] === '0';
    const base = baseName(f.city);
    const city = rural ? null : namedCity(f.city, base, byProvince.get(region) ?? []);
    let point = isValidPoint(f.latitude, f.longitude) ? { lat: f.latitude, lon: f.longitude } : null;
    if (city && (!point || haversineKm(point.lat, point.lon, city.lat, city.lon) > MISPLACED_KM)) {
      stats.caPointFromNamedCity++;
      point = { lat: city.lat, lon: city.lon };
    }
    if (!point) { stats.caNoPointSkipped++; continue; }
    rows.push({
      kind: 'F', code: f.zip, name: city ? city.name : titleCase(base), region, country: 'CA', rural,
      lat: point.lat, lon: point.lon,
    });
  }
  return rows;
}
