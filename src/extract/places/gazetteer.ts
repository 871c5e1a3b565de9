/**
 * The offline gazetteer (built by scripts/build-gazetteer.mjs into models/gazetteer/): GeoNames
 * cities1000, countries with demonyms, Natural Earth admin-1 regions, continents and larger regions.
 * Loaded lazily once per process; lookups by normalised name key (token keys joined by one space).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PlacePrecision } from '../../types.js';

/** How a text matched a gazetteer record. */
export type MatchVia = 'name' | 'alt' | 'demonym' | 'abbrev';

export interface GazPlace {
  /** GeoNames id as a string for GeoNames records; "c:US", "r:3", "a:..." otherwise. */
  id: string;
  precision: PlacePrecision;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2, or "" for regions spanning countries. */
  cc: string;
  /** GeoNames admin-1 code within the country ("NJ", "07"), or "". */
  admin1: string;
  population: number;
  /** GeoNames feature code (PPL, PPLA, PPLC, ADM1, PCLI, CONT, RGN). */
  featureCode: string;
}

export interface GazHit {
  place: GazPlace;
  via: MatchVia;
}

export interface Gazetteer {
  /** Records whose name key is `key` (tokens normalised with normToken, joined by one space). */
  lookup(key: string): readonly GazHit[];
  /** Longest key length in tokens. */
  readonly maxTokens: number;
  /** True when some key of two or more tokens starts with `prefix` + " " (`prefix` is whole tokens). */
  hasLonger(prefix: string): boolean;
  /** True when `word` (lowercase) is a common English word ("mobile", "reading"). */
  isCommonWord(word: string): boolean;
  /** Number of records. */
  readonly size: number;
}

const PRECISIONS = new Set<PlacePrecision>(['landmark', 'city', 'admin2', 'admin1', 'country', 'region', 'continent']);

const MAX_TOKENS = 7;
const VIAS: readonly MatchVia[] = ['name', 'alt', 'demonym', 'abbrev'];

/**
 * Indexes the gazetteer TSV (see the build script for the columns). Only the key columns are read up
 * front; a record's other fields are parsed the first time a lookup returns it (most never are).
 * Throws naming the bad line.
 */
export function parseGazetteer(tsv: string, commonWords: string): Gazetteer {
  // key -> codes (line index * 4 + via index)
  const index = new Map<string, number | number[]>();
  const prefixes = new Set<string>();
  const lineStarts: number[] = [];
  let maxTokens = 1;
  const put = (key: string, code: number): void => {
    if (!key) return;
    // Names of more than MAX_TOKENS words are official long forms nobody writes in news.
    let n = 1;
    for (let k = key.indexOf(' '); k >= 0; k = key.indexOf(' ', k + 1)) {
      if (++n > MAX_TOKENS) return;
      prefixes.add(key.slice(0, k));
    }
    if (n > maxTokens) maxTokens = n;
    const cur = index.get(key);
    if (cur === undefined) index.set(key, code);
    else if (typeof cur === 'number') {
      if (cur >> 2 !== code >> 2) index.set(key, [cur, code]);
    } else if (!cur.some((c) => c >> 2 === code >> 2)) cur.push(code);
  };
  const putAll = (field: string, line: number, via: number, cityAltFrom: number): void => {
    if (!field) return;
    let k = 0;
    let from = 0;
    for (;;) {
      const bar = field.indexOf('|', from);
      const key = bar < 0 ? field.slice(from) : field.slice(from, bar);
      put(key, line * 4 + (via === 0 && k >= cityAltFrom ? 1 : via));
      if (bar < 0) break;
      from = bar + 1;
      k++;
    }
  };
  const tabs = new Int32Array(12);
  let pos = 0;
  while (pos < tsv.length) {
    let nl = tsv.indexOf('\n', pos);
    if (nl < 0) nl = tsv.length;
    if (nl > pos) {
      const line = lineStarts.length;
      let c = 0;
      for (let t = tsv.indexOf('\t', pos); t >= 0 && t < nl && c < 12; t = tsv.indexOf('\t', t + 1)) tabs[c++] = t;
      if (c !== 11) throw new Error(`places gazetteer: line ${line + 1} has ${c + 1} columns, expected 12`);
      lineStarts.push(pos);
      // For cities the first two name keys are the GeoNames name and ASCII name; later ones are alternates.
      const isCity = tsv.startsWith('city\t', tabs[0]! + 1);
      putAll(tsv.slice(tabs[8]! + 1, tabs[9]), line, 0, isCity ? 2 : Infinity);
      putAll(tsv.slice(tabs[9]! + 1, tabs[10]), line, 2, Infinity);
      putAll(tsv.slice(tabs[10]! + 1, nl), line, 3, Infinity);
    }
    pos = nl + 1;
  }
  const places = new Map<number, GazPlace>();
  const place = (line: number): GazPlace => {
    let p = places.get(line);
    if (p) return p;
    const from = lineStarts[line]!;
    const nl = tsv.indexOf('\n', from);
    const f = tsv.slice(from, nl < 0 ? tsv.length : nl).split('\t');
    const precision = f[1] as PlacePrecision;
    if (!PRECISIONS.has(precision)) throw new Error(`places gazetteer: line ${line + 1}: unknown precision ${JSON.stringify(f[1])}`);
    p = {
      id: f[0]!,
      precision,
      name: f[2]!,
      lat: Number(f[3]),
      lon: Number(f[4]),
      cc: f[5]!,
      admin1: f[6]!,
      population: Number(f[7]) || 0,
      featureCode: f[8]!,
    };
    places.set(line, p);
    return p;
  };
  const hitsCache = new Map<string, readonly GazHit[]>();
  const words = new Set(commonWords.split('\n').filter(Boolean));
  return {
    lookup(key) {
      const cached = hitsCache.get(key);
      if (cached) return cached;
      const codes = index.get(key);
      if (codes === undefined) return [];
      const list = typeof codes === 'number' ? [codes] : codes;
      const hits = list.map((c) => ({ place: place(c >> 2), via: VIAS[c & 3]! }));
      hitsCache.set(key, hits);
      return hits;
    },
    maxTokens,
    hasLonger: (prefix) => prefixes.has(prefix),
    isCommonWord: (w) => words.has(w),
    size: lineStarts.length,
  };
}

let cached: Gazetteer | null = null;

/** The bundled gazetteer, loaded on first use (about 0.5 s, then shared by every pipeline). */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const dir = new URL('../../../models/gazetteer/', import.meta.url);
  let tsv: string;
  let words: string;
  try {
    tsv = gunzipSync(readFileSync(new URL('gazetteer.tsv.gz', dir))).toString('utf8');
    words = gunzipSync(readFileSync(new URL('common-words.txt.gz', dir))).toString('utf8');
  } catch (err) {
    throw new Error(`places gazetteer: cannot read ${dir.pathname} (run scripts/build-gazetteer.mjs)`, { cause: err });
  }
  cached = parseGazetteer(tsv, words);
  return cached;
}
