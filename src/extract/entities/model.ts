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
  gazetteerHashes,
  contextPairHashes,
  isAllCapsSeq,
  NEIGHBOUR_ROLES,
  BOUNDARY_NB,
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
 * The runtime decoder (`decodeInt`) sums the int16 weights as integers (exact, so the order of the
 * additions does not matter and per-word partial sums can be reused) and scales once.
 */
class WeightTable implements WeightSource {
  /** [key as int32, row index or -1 when empty] per slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The int16 weights, rows of NTAGS (half the memory of int32: fewer cache misses). */
  readonly iw: Int16Array;
  /** The weights times the file's scale (float rows for `add`), made on first use. */
  private fw: Float64Array | null = null;
  /** Per-word integer score rows (see `IntWord`); results never depend on it. */
  words = new Map<string, IntWord>();
  /** "t-1|sh=<prev>|<sh>" rows per shape: NPREV rows of NTAGS. */
  shapes = new Map<string, Int32Array>();
  /** Word-independent tag rows ("t-1", "t-2|t-1") per (prev2, prev). */
  readonly trans: Int32Array;
  /** Rows of the sequence boundaries as neighbours: START as i-1, i-2; END as i+1, i+2. */
  readonly bounds: Int32Array;
  constructor(keys: Uint32Array, weights: Int16Array, readonly scale: number) {
    this.iw = weights;
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
    this.trans = new Int32Array(NPREV * NPREV * NTAGS);
    const buf: number[] = [];
    for (let p2 = 0; p2 < NPREV; p2++) {
      for (let p = 0; p < NPREV; p++) {
        buf.length = 0;
        tagPairHashes(p, p2, buf);
        for (const h of buf) this.addInt(h, this.trans, (p2 * NPREV + p) * NTAGS);
      }
    }
    this.bounds = new Int32Array(4 * NTAGS);
    for (const h of NEIGHBOUR_ROLES[0]!) this.addInt(BOUNDARY_NB.start[h]! >>> 0, this.bounds, 0);
    for (const h of NEIGHBOUR_ROLES[1]!) this.addInt(BOUNDARY_NB.end[h]! >>> 0, this.bounds, NTAGS);
    for (const h of NEIGHBOUR_ROLES[2]!) this.addInt(BOUNDARY_NB.start[h]! >>> 0, this.bounds, 2 * NTAGS);
    for (const h of NEIGHBOUR_ROLES[3]!) this.addInt(BOUNDARY_NB.end[h]! >>> 0, this.bounds, 3 * NTAGS);
  }
  /** Offset of the feature's row in `iw`, or -1 when the model does not know it. */
  rowOf(hash: number): number {
    const key = hash | 0;
    const slots = this.slots;
    let s = hash & this.mask;
    for (;;) {
      const row = slots[2 * s + 1]!;
      if (row === -1) return -1;
      if (slots[2 * s] === key) return row * NTAGS;
      s = (s + 1) & this.mask;
    }
  }
  /** Adds the feature's integer row to `acc` at `at`. */
  addInt(hash: number, acc: Int32Array, at: number): void {
    const base = this.rowOf(hash);
    if (base < 0) return;
    const w = this.iw;
    for (let t = 0; t < NTAGS; t++) acc[at + t]! += w[base + t]!;
  }
  add(hash: number, scores: Float64Array): void {
    const base = this.rowOf(hash);
    if (base < 0) return;
    const scale = this.scale;
    const w = (this.fw ??= Float64Array.from(this.iw, (x) => x * scale));
    for (let t = 0; t < NTAGS; t++) scores[t]! += w[base + t]!;
  }
  private scratch: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0)];
  /**
   * Reusable work buffer `k` (0: local scores, 1: gazetteer first lengths, 2-3: beam back pointers)
   * of at least `size` entries; contents are garbage (every reader writes before it reads).
   */
  buffer(k: number, size: number): Int32Array {
    let b = this.scratch[k]!;
    if (b.length < size) this.scratch[k] = b = new Int32Array(Math.max(size, 2 * b.length));
    return b;
  }
  private exps = new Map<number, ExpTable>();
  /** The beam's exp table for a temperature (see `ExpTable`). */
  expTable(temperature: number): ExpTable {
    let e = this.exps.get(temperature);
    if (e) return e;
    const k = this.scale / temperature;
    const limit = Math.min(1 << 20, Math.ceil(BEAM_PRUNE / k) + 2);
    const exp = new Float64Array(limit);
    for (let j = 0; j < limit; j++) exp[j] = Math.exp(-j * k);
    e = { k, exp, limit };
    this.exps.set(temperature, e);
    return e;
  }
  /** The word's integer rows, memoised (bounded: emptied past 100,000 words). */
  word(w: string, res: FeatureResources, cache: WordCache): IntWord {
    let iw = this.words.get(w);
    if (iw) return iw;
    const info = cache.get(w, res);
    const v = new Int32Array(5 * NTAGS);
    for (const h of info.hashes) this.addInt(h, v, 0);
    for (let r = 0; r < 4; r++) for (const k of NEIGHBOUR_ROLES[r]!) this.addInt(info.nb[k]! >>> 0, v, (r + 1) * NTAGS);
    let tl: Int32Array | null = null;
    for (let p = 0; p < NPREV; p++) {
      if (this.rowOf(info.th[p]!) < 0) continue;
      tl ??= new Int32Array(NPREV * NTAGS);
      this.addInt(info.th[p]!, tl, p * NTAGS);
    }
    let st = this.shapes.get(info.sh);
    if (!st) {
      st = new Int32Array(NPREV * NTAGS);
      for (let p = 0; p < NPREV; p++) this.addInt(info.th[NPREV + p]!, st, p * NTAGS);
      if (this.shapes.size >= 100_000) this.shapes = new Map();
      this.shapes.set(info.sh, st);
    }
    iw = { info, v, tl, st, gf: res.gazFirst.get(info.lw) ?? 0 };
    if (this.words.size >= 100_000) this.words = new Map();
    this.words.set(w, iw);
    return iw;
  }
}

/** exp[j] = Math.exp(-j * k) for the integer score gaps j that stay within BEAM_PRUNE nats (j < limit). */
interface ExpTable {
  k: number;
  exp: Float64Array;
  limit: number;
}

/**
 * A word's integer score rows under one weight table: `v` holds NTAGS-long rows for its intrinsic
 * features, then its features as the neighbour at i-1, i+1, i-2 and i+2 (`NEIGHBOUR_ROLES`); `tl`
 * the "t-1|lw" rows per previous tag (null when the model has none), `st` the "t-1|sh" rows.
 */
interface IntWord {
  info: WordInfo;
  v: Int32Array;
  tl: Int32Array | null;
  st: Int32Array;
  /** Longest gazetteer phrase starting with the word (`gazFirst`), or 0. */
  gf: number;
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
  if (weights instanceof WeightTable) return decodeInt(words, res, doc, weights, history, cache, opts);
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
 * `decode` over the runtime weight table, in integers: the same features, summed exactly (so the
 * per-word and per-role partial sums can be reused), scaled once where the beam needs probabilities.
 * Agrees with the float path except where float rounding broke a near-tie.
 */
function decodeInt(
  words: readonly string[],
  res: FeatureResources,
  doc: DocStats,
  table: WeightTable,
  history: DocHistory | undefined,
  cache: WordCache,
  opts: DecodeOptions,
): number[] {
  const n = words.length;
  const beam = Math.max(1, opts.beam ?? 1);
  const VALID = opts.strict === false ? VALID_LENIENT : VALID_STRICT;
  const ws = new Array<IntWord>(n);
  const infos = new Array<WordInfo>(n);
  const lowers = new Array<string>(n);
  const firsts = table.buffer(1, n);
  for (let i = 0; i < n; i++) {
    const w = table.word(words[i]!, res, cache);
    ws[i] = w;
    infos[i] = w.info;
    lowers[i] = w.info.lw;
    firsts[i] = w.gf;
  }
  // Local (tag-independent) scores of every position.
  const L = table.buffer(0, n * NTAGS);
  const caps = isAllCapsSeq(words);
  const bounds = table.bounds;
  let at = 0;
  const visit = (h: number): void => table.addInt(h, L, at);
  for (let i = 0; i < n; i++) {
    at = i * NTAGS;
    const v = ws[i]!.v;
    const l1 = i > 0 ? ws[i - 1]!.v : bounds;
    const l1o = i > 0 ? NTAGS : 0;
    const r1 = i + 1 < n ? ws[i + 1]!.v : bounds;
    const r1o = i + 1 < n ? 2 * NTAGS : NTAGS;
    const l2 = i > 1 ? ws[i - 2]!.v : bounds;
    const l2o = i > 1 ? 3 * NTAGS : 2 * NTAGS;
    const r2 = i + 2 < n ? ws[i + 2]!.v : bounds;
    const r2o = i + 2 < n ? 4 * NTAGS : 3 * NTAGS;
    for (let t = 0; t < NTAGS; t++) L[at + t] = v[t]! + l1[l1o + t]! + r1[r1o + t]! + l2[l2o + t]! + r2[r2o + t]!;
    contextPairHashes(i, infos, words, caps, doc, visit);
  }
  gazetteerHashes(lowers, res, (i, h) => table.addInt(h, L, i * NTAGS), firsts);
  history?.visitHashes(words, (i, h) => table.addInt(h, L, i * NTAGS));
  const trans = table.trans;
  const s = new Int32Array(NTAGS);
  /** Scores at i after tags prev2, prev into `s`; returns the best among the tags valid at `row` of VALID. */
  const scoreAt = (i: number, prev: number, prev2: number, row: number): number => {
    const li = i * NTAGS;
    const tb = (prev2 * NPREV + prev) * NTAGS;
    const w = ws[i]!;
    const st = w.st;
    const pb = prev * NTAGS;
    const tl = w.tl;
    let max = -Infinity;
    if (tl) {
      for (let t = 0; t < NTAGS; t++) {
        const v = L[li + t]! + trans[tb + t]! + st[pb + t]! + tl[pb + t]!;
        s[t] = v;
        if (VALID[row + t] === 1 && v > max) max = v;
      }
    } else {
      for (let t = 0; t < NTAGS; t++) {
        const v = L[li + t]! + trans[tb + t]! + st[pb + t]!;
        s[t] = v;
        if (VALID[row + t] === 1 && v > max) max = v;
      }
    }
    return max;
  };
  let tags: number[];
  if (beam <= 1) {
    tags = [];
    for (let i = 0; i < n; i++) {
      const prev = i > 0 ? tags[i - 1]! : START_TAG;
      const row = (i === n - 1 ? NPREV2 : 0) + prev * NTAGS;
      scoreAt(i, prev, i > 1 ? tags[i - 2]! : START_TAG, row);
      let best = 0;
      let bestScore = -Infinity;
      for (let t = 0; t < NTAGS; t++) {
        if (VALID[row + t] === 0) continue;
        if (s[t]! > bestScore) {
          bestScore = s[t]!;
          best = t;
        }
      }
      tags.push(best);
    }
  } else {
    tags = beamDecodeInt(n, beam, table.expTable(opts.temperature ?? 1), VALID, scoreAt, s, table.buffer(2, n * beam), table.buffer(3, n * beam));
  }
  history?.record(words, tags);
  return tags;
}

/**
 * `beamDecode` over integer scores: a score difference times `k` (scale / temperature) is in nats,
 * and `ex.exp[-diff]` is `Math.exp(diff * k)` for the differences within BEAM_PRUNE nats.
 */
function beamDecodeInt(
  n: number,
  beam: number,
  ex: ExpTable,
  VALID: Uint8Array,
  scoreAt: (i: number, prev: number, prev2: number, row: number) => number,
  s: Int32Array,
  tagAt: Int32Array,
  back: Int32Array,
): number[] {
  const cur = new Float64Array(beam);
  let m = 1;
  const cs = new Float64Array(beam);
  const ct = new Int32Array(beam);
  const cb = new Int32Array(beam);
  const liveTag = new Int32Array(NTAGS);
  const liveD = new Float64Array(NTAGS);
  const { k, exp, limit } = ex;
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let h = 0; h < m; h++) {
      // A candidate scores at most its hypothesis (its log-probability here is <= 0): once the
      // beam is full, hypotheses no better than its worst candidate cannot place any.
      if (c === beam && cur[h]! <= cs[c - 1]!) continue;
      const prev = i > 0 ? tagAt[(i - 1) * beam + h]! : START_TAG;
      const prev2 = i > 1 ? tagAt[(i - 2) * beam + back[(i - 1) * beam + h]!]! : START_TAG;
      const row = (i === n - 1 ? NPREV2 : 0) + prev * NTAGS;
      const max = scoreAt(i, prev, prev2, row);
      let z = 0;
      let nc = 0;
      for (let t = 0; t < NTAGS; t++) {
        if (VALID[row + t] === 0) continue;
        const diff = max - s[t]!;
        if (diff >= limit) continue;
        const d = -diff * k;
        if (d <= -BEAM_PRUNE) continue;
        z += exp[diff]!;
        liveTag[nc] = t;
        liveD[nc++] = d;
      }
      const base = cur[h]! - Math.log(z);
      for (let q = 0; q < nc; q++) {
        const t = liveTag[q]!;
        const sc = base + liveD[q]!;
        if (c === beam && sc <= cs[c - 1]!) continue;
        let j = c < beam ? c++ : c - 1;
        while (j > 0 && cs[j - 1]! < sc) {
          cs[j] = cs[j - 1]!;
          ct[j] = ct[j - 1]!;
          cb[j] = cb[j - 1]!;
          j--;
        }
        cs[j] = sc;
        ct[j] = t;
        cb[j] = h;
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
  let h = 0;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = tagAt[i * beam + h]!;
    h = back[i * beam + h]!;
  }
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
