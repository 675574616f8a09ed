// Text helpers shared by the generator. cityKey must stay in step with
// api/Handoff.Places/Text/PlaceText.cs (CityKey): the C# side normalises what SDRs type the same way,
// and Handoff.Places.Tests checks that every city row in the data can be found by its own name.

const ABBREVIATIONS = { st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount' };

// Letters that canonical decomposition leaves alone but people type in ASCII ("Łódź" → "lodz").
// Same table as PlaceText.Transliterate in C#.
const TRANSLITERATE = { 'ß': 'ss', 'ł': 'l', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h' };

/**
 * Lower case, accents removed, split into words of letters and digits. Latin letters end up ASCII; other
 * scripts ("日本", "Россия") are kept as they are, so names in them still match themselves.
 */
export function words(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßłøæœđðþıħ]/g, (c) => TRANSLITERATE[c])
    .split(/[^\p{L}\p{Nd}]+/u)
    .filter(Boolean);
}

/** "St. John's" and "Saint Johns" both give "saintjohns"; "Mc Grath" and "McGrath" give "mcgrath". */
export function cityKey(name) {
  return words(name).map((w) => ABBREVIATIONS[w] ?? w).join('');
}

/** "Blairsden-graeagle" → "Blairsden-Graeagle", "O'fallon" → "O'Fallon", "Queen's" stays; other letters are kept. */
export function titleCase(text) {
  return text
    .replace(/(^|[\s\-./(])(\p{Ll})/gu, (_, sep, letter) => sep + letter.toUpperCase())
    .replace(/(^|[\s\-])(\p{L})['’](\p{Ll})/gu, (_, sep, first, letter) => `${sep}${first}'${letter.toUpperCase()}`);
}

export function haversineKm(lat1, lon1, lat2, lon2) {
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function isValidPoint(lat, lon) {
  return (
    typeof lat === 'number' && typeof lon === 'number' &&
    Number.isFinite(lat) && Number.isFinite(lon) &&
    Math.abs(lat) < 85 && Math.abs(lon) <= 180 &&
    !(lat === 0 && lon === 0)
  );
}
