/**
 * The NER model: an averaged perceptron over hashed features with greedy left-to-right BIO
 * decoding (tag history as features, invalid I- transitions masked). The file format, loader and
 * decoder live here; training is in ./train/train.ts.
 *
 * File (gzip): "TRINER1\n", uint32 LE header length, header JSON (padded to 4 bytes), then
 * Uint32 feature hashes [n] and Int16 weights [n * NTAGS] (weight = int16 * scale).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  GAZ_MAX_LEN,
  NTAGS,
  TAGS,
  allowed,
  hashFeature,
  WordCache,
  positionalHashes,
  tagHashesAt,
  START_TAG,
  type DocHistory,
  type DocStats,
  type FeatureResources,
} from './features.js';

const MAGIC = 'TRINER1\n';

export interface ModelHeader {
  tags: string[];
  scale: number;
  nfeat: number;
  /** word -> space-separated cluster ids. */
  clusters: Record<string, string>;
  /** [lowercased phrase, type mask]. */
  gazetteer: Array<[string, number]>;
  meta: Record<string, unknown>;
}

/** Anything that can score a hashed feature: the runtime table or the trainer's live weights. */
export interface WeightSource {
  /** Adds the feature's weight row to `scores` (length NTAGS); unknown features add nothing. */
  add(hash: number, scores: Float64Array): void;
}

/** Builds feature resources from a header's clusters and gazetteer. */
export function resourcesFrom(clusters: Record<string, string>, gazetteer: ReadonlyArray<readonly [string, number]>): FeatureResources {
  const cl = new Map<string, readonly string[]>();
  for (const [w, ids] of Object.entries(clusters)) cl.set(w, ids.split(' '));
  const gz = new Map<string, number>();
  const first = new Map<string, number>();
  for (const [phrase, mask] of gazetteer) {
    const parts = phrase.split(' ');
    if (parts.length > GAZ_MAX_LEN) continue;
    gz.set(phrase, (gz.get(phrase) ?? 0) | mask);
    const f = parts[0]!;
    first.set(f, Math.max(first.get(f) ?? 0, parts.length));
  }
  return { clusters: cl, gazetteer: gz, gazFirst: first };
}

/**
 * Open-addressing hash table of feature rows, built once at load. Each slot holds the key and its
 * row side by side (one memory access per probe; most features are unknown and stop at an empty slot).
 */
class WeightTable implements WeightSource {
  /** [key as int32, row index or -1 when empty] per slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(
    keys: Uint32Array,
    private readonly weights: Int16Array,
    private readonly scale: number,
  ) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    for (let s = 0; s < cap; s++) this.slots[2 * s + 1] = -1;
    this.mask = cap - 1;
    for (let i = 0; i < keys.length; i++) {
      let s = keys[i]! & this.mask;
      while (this.slots[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.slots[2 * s] = keys[i]! | 0;
      this.slots[2 * s + 1] = i;
    }
  }
  add(hash: number, scores: Float64Array): void {
    const key = hash | 0;
    const slots = this.slots;
    let s = hash & this.mask;
    for (;;) {
      const row = slots[2 * s + 1]!;
      if (row === -1) return;
      if (slots[2 * s] === key) {
        const base = row * NTAGS;
        const w = this.weights;
        const scale = this.scale;
        for (let t = 0; t < NTAGS; t++) scores[t]! += w[base + t]! * scale;
        return;
      }
      s = (s + 1) & this.mask;
    }
  }
}

/**
 * Greedy BIO decoding of one sequence. Returns tag indices into TAGS.
 * Example: ["Joe", "Biden", "spoke"] -> [1, 2, 0] (B-PER I-PER O).
 */
export function decode(
  words: readonly string[],
  res: FeatureResources,
  doc: DocStats,
  weights: WeightSource,
  history?: DocHistory,
  cache: WordCache = new WordCache(),
): number[] {
  const { infos, rest } = positionalHashes(words, res, doc, cache);
  const hist = history?.features(words);
  const tags: number[] = [];
  const scores = new Float64Array(NTAGS);
  const tagBuf: number[] = [];
  // A token's intrinsic features come first, so their partial sum from zero is the same for every
  // occurrence of the word: computed once per word (same additions in the same order, same result).
  const memo = cache.scoreMemo(weights);
  for (let i = 0; i < words.length; i++) {
    const info = infos[i]!;
    let pre = memo.get(words[i]!);
    if (pre === undefined) {
      pre = new Float64Array(NTAGS);
      for (const h of info.hashes) weights.add(h, pre);
      memo.set(words[i]!, pre);
    }
    scores.set(pre);
    for (const h of rest[i]!) weights.add(h, scores);
    if (hist) for (const f of hist[i]!) weights.add(hashFeature(f), scores);
    tagBuf.length = 0;
    tagHashesAt(i > 0 ? tags[i - 1]! : START_TAG, i > 1 ? tags[i - 2]! : START_TAG, info, tagBuf);
    for (const h of tagBuf) weights.add(h, scores);
    const p = i > 0 ? tags[i - 1]! : 0;
    let best = 0;
    let bestScore = -Infinity;
    for (let t = 0; t < NTAGS; t++) {
      if (!allowed(p, t)) continue;
      if (scores[t]! > bestScore) {
        bestScore = scores[t]!;
        best = t;
      }
    }
    tags.push(best);
  }
  history?.record(words, tags);
  return tags;
}

export interface NerModel {
  header: ModelHeader;
  resources: FeatureResources;
  weights: WeightSource;
  /** Memo of per-word features for this model's resources (results never depend on it). */
  cache: WordCache;
}

/** Serialises a model (used by the training script). */
export function encodeModel(header: Omit<ModelHeader, 'nfeat' | 'scale' | 'tags'>, keys: Uint32Array, weights: Float64Array): Buffer {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale);
  const full: ModelHeader = { tags: [...TAGS], scale, nfeat: keys.length, ...header };
  let json = Buffer.from(JSON.stringify(full), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + json.length) % 4)) % 4;
  json = Buffer.concat([json, Buffer.from(' '.repeat(pad))]);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const raw = Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    len,
    json,
    Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength),
    Buffer.from(q.buffer, q.byteOffset, q.byteLength),
  ]);
  return gzipSync(raw, { level: 9 });
}

/** Parses a model file's bytes; throws naming the file when it is not one. */
export function decodeModel(gz: Buffer, name: string): NerModel {
  const raw = gunzipSync(gz);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error(`entities: ${name} is not a Triangulate NER model`);
  const hlen = raw.readUInt32LE(MAGIC.length);
  const hstart = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(hstart, hstart + hlen).toString('utf8')) as ModelHeader;
  if (header.tags.join(',') !== TAGS.join(',')) throw new Error(`entities: ${name} has tags ${header.tags.join(',')}, expected ${TAGS.join(',')}`);
  const off = hstart + hlen;
  // Copy into aligned buffers (the gunzipped Buffer may not be 4-byte aligned in its ArrayBuffer).
  const keyBytes = raw.subarray(off, off + header.nfeat * 4);
  const keys = new Uint32Array(header.nfeat);
  new Uint8Array(keys.buffer).set(keyBytes);
  const wOff = off + header.nfeat * 4;
  const weights = new Int16Array(header.nfeat * NTAGS);
  new Uint8Array(weights.buffer).set(raw.subarray(wOff, wOff + weights.byteLength));
  return { header, resources: resourcesFrom(header.clusters, header.gazetteer), weights: new WeightTable(keys, weights, header.scale), cache: new WordCache() };
}

/** Default model path: models/ner/ner.bin.gz at the package root (same depth from src/ and dist/). */
export const DEFAULT_MODEL_URL = new URL('../../../models/ner/ner.bin.gz', import.meta.url);

let cached: NerModel | null = null;

/** Loads the shipped model once per process (lazy: only when the first document needs it). */
export function defaultModel(): NerModel {
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(DEFAULT_MODEL_URL);
  } catch (err) {
    throw new Error(`entities: cannot read the NER model at ${DEFAULT_MODEL_URL.pathname}`, { cause: err });
  }
  cached = decodeModel(bytes, DEFAULT_MODEL_URL.pathname);
  return cached;
}
