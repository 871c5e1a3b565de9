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
  /** True when `word` (lowercase) is a common English word ("mobile", "reading"). */
  isCommonWord(word: string): boolean;
  /** Number of records. */
  readonly size: number;
}

const PRECISIONS = new Set<PlacePrecision>(['landmark', 'city', 'admin2', 'admin1', 'country', 'region', 'continent']);

/** Parses the gazetteer TSV (see the build script for the columns). Throws naming the bad line. */
export function parseGazetteer(tsv: string, commonWords: string): Gazetteer {
  const index = new Map<string, GazHit[]>();
  let maxTokens = 1;
  let size = 0;
  const put = (key: string, hit: GazHit): void => {
    if (!key) return;
    const list = index.get(key);
    if (list) {
      if (!list.some((h) => h.place === hit.place)) list.push(hit);
    } else index.set(key, [hit]);
    let n = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
    if (n > maxTokens) maxTokens = n;
  };
  let lineNo = 0;
  let pos = 0;
  while (pos < tsv.length) {
    let nl = tsv.indexOf('\n', pos);
    if (nl < 0) nl = tsv.length;
    const line = tsv.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 12) throw new Error(`places gazetteer: line ${lineNo} has ${f.length} columns, expected 12`);
    const precision = f[1] as PlacePrecision;
    if (!PRECISIONS.has(precision)) throw new Error(`places gazetteer: line ${lineNo}: unknown precision ${JSON.stringify(f[1])}`);
    const place: GazPlace = {
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
    size++;
    const keys = f[9] ? f[9].split('|') : [];
    // For cities the first two keys are the GeoNames name and ASCII name; later ones are alternates.
    keys.forEach((k, i) => put(k, { place, via: precision === 'city' && i >= 2 ? 'alt' : 'name' }));
    for (const k of f[10] ? f[10].split('|') : []) put(k, { place, via: 'demonym' });
    for (const k of f[11] ? f[11].split('|') : []) put(k, { place, via: 'abbrev' });
  }
  const words = new Set(commonWords.split('\n').filter(Boolean));
  return {
    lookup: (key) => index.get(key) ?? [],
    maxTokens,
    isCommonWord: (w) => words.has(w),
    size,
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
