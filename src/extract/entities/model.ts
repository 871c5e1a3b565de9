/**
 * The NER model: an averaged perceptron over hashed features with greedy (or beam) left-to-right
 * BILOU decoding (tag history as features, invalid transitions masked). The file format, loader and
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
  validNext,
  allowed,
  WordCache,
  positionalHashes,
  tagPairHashes,
  START_TAG,
  type DocHistory,
  type DocStats,
  type FeatureResources,
  type WordInfo,
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
  /** Frequency tier -> common English words, most common tier first (optional). */
  lexicon?: Record<string, string[]>;
  meta: Record<string, unknown>;
}

/** Anything that can score a hashed feature: the runtime table or the trainer's live weights. */
export interface WeightSource {
  /** Adds the feature's weight row to `scores` (length NTAGS); unknown features add nothing. */
  add(hash: number, scores: Float64Array): void;
}

/** Builds feature resources from a header's clusters and gazetteer. */
export function resourcesFrom(
  clusters: Record<string, string>,
  gazetteer: ReadonlyArray<readonly [string, number]>,
  lexicon?: Record<string, string[]>,
): FeatureResources {
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
  if (!lexicon) return { clusters: cl, gazetteer: gz, gazFirst: first };
  const lex = new Map<string, string>();
  for (const [tier, words] of Object.entries(lexicon)) for (const w of words) if (!lex.has(w)) lex.set(w, tier);
  return { clusters: cl, gazetteer: gz, gazFirst: first, lexicon: lex };
}

/**
 * Open-addressing hash table of feature rows, built once at load. Each slot holds the key and its
 * row side by side (one memory access per probe; most features are unknown and stop at an empty slot).
 */
class WeightTable implements WeightSource {
  /** [key as int32, row index or -1 when empty] per slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The int16 weights times the file's scale, computed once (the same products `add` used to form). */
  private readonly weights: Float64Array;
  constructor(keys: Uint32Array, weights: Int16Array, scale: number) {
    this.weights = Float64Array.from(weights, (w) => w * scale);
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
        for (let t = 0; t < NTAGS; t++) scores[t]! += w[base + t]!;
        return;
      }
      s = (s + 1) & this.mask;
    }
  }
}

/** VALID[(last ? NPREV2 : 0) + prev * NTAGS + next]: `validNext` precomputed (prev = START_TAG before the start). */
const NPREV2 = (NTAGS + 1) * NTAGS;
const validTable = (strict: boolean): Uint8Array =>
  Uint8Array.from({ length: 2 * NPREV2 }, (_, k) => {
    const last = k >= NPREV2;
    const r = k % NPREV2;
    const prev = Math.floor(r / NTAGS);
    return (strict ? validNext(prev === START_TAG ? 0 : prev, r % NTAGS, last) : allowed(prev === START_TAG ? 0 : prev, r % NTAGS)) ? 1 : 0;
  });
const VALID_STRICT = validTable(true);
const VALID_LENIENT = validTable(false);

/** How `decode` searches; a model's meta carries the values it was tuned with. */
export interface DecodeOptions {
  /** Hypotheses kept (1: greedy, the training regime). */
  beam?: number;
  /** Temperature of the beam's per-position log-softmax over the local scores. */
  temperature?: number;
  /** BILOU closure enforced (an open B-/I- must go on with I-/L-); false: only `allowed`. */
  strict?: boolean;
}

/** The decoding options recorded in a model's meta (defaults: greedy, strict). */
export function decodeOptions(meta: Record<string, unknown>): DecodeOptions {
  return {
    beam: typeof meta.beam === 'number' ? meta.beam : 1,
    temperature: typeof meta.temperature === 'number' ? meta.temperature : 1,
    strict: meta.strict !== false,
  };
}

const NPREV = START_TAG + 1;
/** Score rows of the word-independent tag features per weight source (weights fixed while in use). */
const transMemo = new WeakMap<WeightSource, Float64Array>();

/** Scores of "t-1" + "t-2|t-1" per (prev2, prev): row (prev2 * NPREV + prev) * NTAGS. */
function transitionScores(weights: WeightSource): Float64Array {
  let tt = transMemo.get(weights);
  if (tt) return tt;
  tt = new Float64Array(NPREV * NPREV * NTAGS);
  const row = new Float64Array(NTAGS);
  const buf: number[] = [];
  for (let p2 = 0; p2 < NPREV; p2++) {
    for (let p = 0; p < NPREV; p++) {
      row.fill(0);
      buf.length = 0;
      tagPairHashes(p, p2, buf);
      for (const h of buf) weights.add(h, row);
      tt.set(row, (p2 * NPREV + p) * NTAGS);
    }
  }
  transMemo.set(weights, tt);
  return tt;
}

/** Adds the tag-history features' scores (`tagHashesAt`) to `scores`. */
function addTagScores(prev: number, prev2: number, info: WordInfo, trans: Float64Array, weights: WeightSource, scores: Float64Array): void {
  const base = (prev2 * NPREV + prev) * NTAGS;
  for (let t = 0; t < NTAGS; t++) scores[t]! += trans[base + t]!;
  weights.add(info.th[prev]!, scores);
  weights.add(info.th[NPREV + prev]!, scores);
}

/**
 * Left-to-right decoding of one sequence (BILOU tags, invalid transitions masked). With `beam` 1 it
 * is greedy (the tagger's training regime); wider beams keep the best `beam` partial taggings.
 * Returns tag indices into TAGS. Example: ["Joe", "Biden", "spoke"] -> [1, 9, 0] (B-PER L-PER O).
 */
export function decode(
  words: readonly string[],
  res: FeatureResources,
  doc: DocStats,
  weights: WeightSource,
  history?: DocHistory,
  cache: WordCache = new WordCache(),
  opts: DecodeOptions = {},
): number[] {
  const beam = opts.beam ?? 1;
  const VALID = opts.strict === false ? VALID_LENIENT : VALID_STRICT;
  const { infos, rest } = positionalHashes(words, res, doc, cache);
  const hist = history?.hashes(words);
  const n = words.length;
  const trans = transitionScores(weights);
  // A token's intrinsic features come first, so their partial sum from zero is the same for every
  // occurrence of the word: computed once per word (same additions in the same order, same result).
  const memo = cache.scoreMemo(weights);
  const local = new Float64Array(NTAGS);
  const scores = new Float64Array(NTAGS);
  const staticAt = (i: number): void => {
    let pre = memo.get(words[i]!);
    if (pre === undefined) {
      pre = new Float64Array(NTAGS);
      for (const h of infos[i]!.hashes) weights.add(h, pre);
      memo.set(words[i]!, pre);
    }
    local.set(pre);
    for (const h of rest[i]!) weights.add(h, local);
    if (hist) for (const h of hist[i]!) weights.add(h, local);
  };
  let tags: number[];
  if (beam <= 1) {
    tags = [];
    for (let i = 0; i < n; i++) {
      staticAt(i);
      scores.set(local);
      const prev = i > 0 ? tags[i - 1]! : START_TAG;
      addTagScores(prev, i > 1 ? tags[i - 2]! : START_TAG, infos[i]!, trans, weights, scores);
      const row = (i === n - 1 ? NPREV2 : 0) + prev * NTAGS;
      let best = 0;
      let bestScore = -Infinity;
      for (let t = 0; t < NTAGS; t++) {
        if (VALID[row + t] === 0) continue;
        if (scores[t]! > bestScore) {
          bestScore = scores[t]!;
          best = t;
        }
      }
      tags.push(best);
    }
  } else {
    tags = beamDecode(n, beam, opts.temperature ?? 1, VALID, staticAt, local, scores, infos, weights);
  }
  history?.record(words, tags);
  return tags;
}

/**
 * Log-probability gap (nats) past which a beam candidate is dropped and left out of the local
 * normaliser (e^-7 < 0.001): confident positions then cost what greedy decoding costs.
 */
const BEAM_PRUNE = 7;

/**
 * Beam search over taggings. Local scores are trained greedily, so only their order within one
 * position is meaningful: each is read as a log-softmax over the valid tags with temperature
 * `temperature`, and a tagging scores the sum. Back pointers in typed arrays, no per-token objects.
 */
function beamDecode(
  n: number,
  beam: number,
  temperature: number,
  VALID: Uint8Array,
  staticAt: (i: number) => void,
  local: Float64Array,
  scores: Float64Array,
  infos: readonly WordInfo[],
  weights: WeightSource,
): number[] {
  const tagAt = new Int32Array(n * beam);
  const back = new Int32Array(n * beam);
  const cur = new Float64Array(beam);
  let m = 1;
  const cs = new Float64Array(beam);
  const ct = new Int32Array(beam);
  const cb = new Int32Array(beam);
  const trans = transitionScores(weights);
  const liveTag = new Int32Array(NTAGS);
  const liveD = new Float64Array(NTAGS);
  for (let i = 0; i < n; i++) {
    staticAt(i);
    let c = 0;
    for (let k = 0; k < m; k++) {
      const prev = i > 0 ? tagAt[(i - 1) * beam + k]! : START_TAG;
      const prev2 = i > 1 ? tagAt[(i - 2) * beam + back[(i - 1) * beam + k]!]! : START_TAG;
      scores.set(local);
      addTagScores(prev, prev2, infos[i]!, trans, weights, scores);
      const row = (i === n - 1 ? NPREV2 : 0) + prev * NTAGS;
      let max = -Infinity;
      for (let t = 0; t < NTAGS; t++) if (VALID[row + t] === 1 && scores[t]! > max) max = scores[t]!;
      // Candidates within BEAM_PRUNE of this hypothesis' best (usually one to three), with the
      // normaliser over the same set.
      let z = 0;
      let nc = 0;
      for (let t = 0; t < NTAGS; t++) {
        if (VALID[row + t] === 0) continue;
        const d = (scores[t]! - max) / temperature;
        if (d <= -BEAM_PRUNE) continue;
        z += Math.exp(d);
        liveTag[nc] = t;
        liveD[nc++] = d;
      }
      const base = cur[k]! - Math.log(z);
      for (let q = 0; q < nc; q++) {
        const t = liveTag[q]!;
        const sc = base + liveD[q]!;
        if (c === beam && sc <= cs[c - 1]!) continue;
        // Insert into the sorted candidates (best first), dropping the worst when full.
        let j = c < beam ? c++ : c - 1;
        while (j > 0 && cs[j - 1]! < sc) {
          cs[j] = cs[j - 1]!;
          ct[j] = ct[j - 1]!;
          cb[j] = cb[j - 1]!;
          j--;
        }
        cs[j] = sc;
        ct[j] = t;
        cb[j] = k;
      }
    }
    m = 0;
    while (m < c && cs[m]! > cs[0]! - BEAM_PRUNE) {
      tagAt[i * beam + m] = ct[m]!;
      back[i * beam + m] = cb[m]!;
      cur[m] = cs[m]!;
      m++;
    }
  }
  const tags = new Array<number>(n);
  let k = 0;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = tagAt[i * beam + k]!;
    k = back[i * beam + k]!;
  }
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
  return { header, resources: resourcesFrom(header.clusters, header.gazetteer, header.lexicon), weights: new WeightTable(keys, weights, header.scale), cache: new WordCache() };
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
