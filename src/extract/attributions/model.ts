/**
 * The attribution tagger: a linear-chain model over BIO tags for the three roles (source, cue,
 * content), decoded with Viterbi. Weights come from our own averaged-perceptron training script
 * (train/train.ts) and are stored in models/attribution/ (see the NOTE there).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

export const TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type Tag = (typeof TAGS)[number];
export const NTAGS = TAGS.length;
// viterbiPacked unrolls its emission loop over exactly 7 tags: this fails to compile if TAGS changes length.
const _SEVEN_TAGS: 7 = TAGS.length;

/** `ALLOWED[prev * NTAGS + cur]`: BIO validity (prev = NTAGS is the start). I-X only after B-X or I-X. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NTAGS + 1) * NTAGS);
  for (let p = 0; p <= NTAGS; p++) {
    for (let c = 0; c < NTAGS; c++) {
      const cur = TAGS[c]!;
      if (!cur.startsWith('I-')) a[p * NTAGS + c] = 1;
      else if (p < NTAGS && TAGS[p]!.slice(2) === cur.slice(2)) a[p * NTAGS + c] = 1;
    }
  }
  return a;
})();

/**
 * Best tag sequence under weights `w` (feature bucket * NTAGS + tag) and transitions `trans`
 * ((prev or start) * NTAGS + cur). `ids` holds `nf` feature buckets per token (features.ts); tokens
 * with `live[k] === 0` can only be O. Linear in the block length. Inference uses `viterbiPacked`.
 */
export function viterbi(ids: Int32Array, nf: number, w: ArrayLike<number>, trans: ArrayLike<number>, live: Uint8Array | null = null): Uint8Array {
  const n = ids.length / nf;
  const emit = new Float64Array(n * NTAGS);
  for (let k = 0; k < n; k++) {
    const o = k * NTAGS;
    if (live && !live[k]) {
      // Gated token (a sentence without any cue word, quote mark or colon): only O is possible.
      for (let c = 1; c < NTAGS; c++) emit[o + c] = GATED;
      continue;
    }
    for (let j = k * nf; j < (k + 1) * nf; j++) {
      const base = ids[j]! * NTAGS;
      for (let c = 0; c < NTAGS; c++) emit[o + c]! += w[base + c]!;
    }
  }
  return decode(emit, n, trans);
}

const GATED = -1e30;

/**
 * The weights packed for decoding: int16 rows of 8 (7 tags + padding, 16 bytes: one aligned
 * chunk per feature, half the memory of float32 rows of 7, so far fewer cache misses in the
 * emission loop, which is most of the tagger's time) scaled by `scale`, and the transitions
 * scaled alike. Scores are the model's scores times `scale`, so the best path is the same up to
 * the rounding of weights to 1/scale (weights are stored in hundredths; scale is 100 unless the
 * largest weight would overflow int16).
 */
export interface PackedWeights {
  rows: Int16Array;
  scale: number;
  trans: Float64Array;
}

/** Row stride of `PackedWeights.rows`. */
const PACK = 8;

/** Packs a model's weights for `viterbiPacked`. */
export function packWeights(m: TaggerModel): PackedWeights {
  const w = m.weights;
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    if (v > max) max = v;
    else if (-v > max) max = -v;
  }
  const scale = Math.min(100, Math.floor(32767 / Math.max(max, 1e-9)));
  const nb = w.length / NTAGS;
  const rows = new Int16Array(nb * PACK);
  // Most buckets are unused (all-zero rows): only non-zero weights are written.
  for (let b = 0, i = 0; b < nb; b++) {
    for (let c = 0; c < NTAGS; c++, i++) {
      const v = w[i]!;
      if (v !== 0) rows[b * PACK + c] = Math.round(v * scale);
    }
  }
  const trans = new Float64Array(m.trans.length);
  for (let i = 0; i < trans.length; i++) trans[i] = m.trans[i]! * scale;
  return { rows, scale, trans };
}

/**
 * `viterbi` over packed weights (same tags as `viterbi` on the unpacked model, up to rounding).
 * With `base` (per token 8 scaled scores, e.g. the word-only features summed once per word), only
 * the first `used` of each token's `nf` feature ids are read and `base` is added.
 */
export function viterbiPacked(
  ids: Int32Array,
  nf: number,
  p: PackedWeights,
  live: Uint8Array | null = null,
  base: Float64Array | null = null,
  used: number = nf,
): Uint8Array {
  const n = ids.length / nf;
  const emit = new Float64Array(n * NTAGS);
  const w = p.rows;
  for (let k = 0; k < n; k++) {
    const o = k * NTAGS;
    if (live && !live[k]) {
      for (let c = 1; c < NTAGS; c++) emit[o + c] = GATED;
      continue;
    }
    // Unrolled over the 7 tags, integer sums: this loop is most of the tagger's time.
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0;
    if (base) {
      const b = k * PACK;
      e0 = base[b]!;
      e1 = base[b + 1]!;
      e2 = base[b + 2]!;
      e3 = base[b + 3]!;
      e4 = base[b + 4]!;
      e5 = base[b + 5]!;
      e6 = base[b + 6]!;
    }
    for (let j = k * nf, end = k * nf + used; j < end; j++) {
      const base = ids[j]! << 3;
      e0 += w[base]!;
      e1 += w[base + 1]!;
      e2 += w[base + 2]!;
      e3 += w[base + 3]!;
      e4 += w[base + 4]!;
      e5 += w[base + 5]!;
      e6 += w[base + 6]!;
    }
    emit[o] = e0;
    emit[o + 1] = e1;
    emit[o + 2] = e2;
    emit[o + 3] = e3;
    emit[o + 4] = e4;
    emit[o + 5] = e5;
    emit[o + 6] = e6;
  }
  return decode(emit, n, p.trans);
}

/** Per tag: the tags allowed before it (ALLOWED), in increasing order (ties go to the lowest). */
const PREDS: readonly Int8Array[] = TAGS.map((_, c) => Int8Array.from(TAGS.map((_t, p) => p).filter((p) => ALLOWED[p * NTAGS + c])));

/** The Viterbi recursion over per-token tag scores `emit` (n * NTAGS) with BIO constraints. */
function decode(emit: Float64Array, n: number, trans: ArrayLike<number>): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * NTAGS);
  const back = new Uint8Array(n * NTAGS);
  for (let c = 0; c < NTAGS; c++) score[c] = (ALLOWED[NTAGS * NTAGS + c] ? trans[NTAGS * NTAGS + c]! : -Infinity) + emit[c]!;
  for (let k = 1; k < n; k++) {
    const o = k * NTAGS;
    const po = o - NTAGS;
    for (let c = 0; c < NTAGS; c++) {
      const preds = PREDS[c]!;
      let arg = preds[0]!;
      let best = score[po + arg]! + trans[arg * NTAGS + c]!;
      for (let i = 1; i < preds.length; i++) {
        const p = preds[i]!;
        const s = score[po + p]! + trans[p * NTAGS + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[o + c] = best + emit[o + c]!;
      back[o + c] = arg;
    }
  }
  let bestT = 0;
  for (let c = 1; c < NTAGS; c++) if (score[(n - 1) * NTAGS + c]! > score[(n - 1) * NTAGS + bestT]!) bestT = c;
  for (let k = n - 1; k >= 0; k--) {
    tags[k] = bestT;
    bestT = back[k * NTAGS + bestT]!;
  }
  return tags;
}

/** A trained tagger: hashed emission weights (2^bits buckets x NTAGS) and transition weights. */
export interface TaggerModel {
  bits: number;
  weights: Float32Array;
  trans: Float32Array;
  /** The weights packed for decoding (built when a model file is read; else tag.ts packs them). */
  packed?: PackedWeights;
  /** Word clusters the features read (`word -> "coarse mid fine"`), stored with the weights. */
  clusters?: Record<string, string>;
  /** Free-form provenance (data, command, held-out scores). */
  meta: Record<string, unknown>;
}

const FORMAT = 'tri-attribution-tagger/3';

/**
 * Serialises a model as gzipped binary (little-endian): u32 header length, the JSON header
 * ({format, tags, bits, meta}), the transitions as f32, u32 row count, then per non-zero bucket a u32
 * bucket id and NTAGS i32 weights in hundredths (weights are rounded to 2 decimals). Binary so that
 * loading is a few typed-array reads rather than parsing hundreds of thousands of text lines.
 */
export function serializeModel(m: TaggerModel): Buffer {
  const header = Buffer.from(JSON.stringify({ format: FORMAT, tags: TAGS, bits: m.bits, meta: m.meta, clusters: m.clusters }), 'utf8');
  const nb = m.weights.length / NTAGS;
  const rows: number[] = [];
  for (let id = 0; id < nb; id++) {
    let nz = false;
    for (let t = 0; t < NTAGS; t++) if (Math.round(m.weights[id * NTAGS + t]! * 100) !== 0) nz = true;
    if (nz) rows.push(id);
  }
  const body = Buffer.alloc(4 + header.length + m.trans.length * 4 + 4 + rows.length * (4 + NTAGS * 4));
  let o = 0;
  o = body.writeUInt32LE(header.length, o);
  o += header.copy(body, o);
  for (const x of m.trans) o = body.writeFloatLE(x, o);
  o = body.writeUInt32LE(rows.length, o);
  for (const id of rows) {
    o = body.writeUInt32LE(id, o);
    for (let t = 0; t < NTAGS; t++) o = body.writeInt32LE(Math.round(m.weights[id * NTAGS + t]! * 100), o);
  }
  return gzipSync(body);
}

/** Parses the format written by `serializeModel`; throws naming the problem on a bad file. */
export function parseModel(buf: Buffer, where: string): TaggerModel {
  let body: Buffer;
  try {
    body = gunzipSync(buf);
  } catch (err) {
    throw new Error(`attributions: ${where} is not a gzipped ${FORMAT} model`, { cause: err });
  }
  const bad = (why: string): Error => new Error(`attributions: ${where}: ${why}`);
  if (body.length < 4) throw bad('truncated');
  const hlen = body.readUInt32LE(0);
  if (4 + hlen > body.length) throw bad('truncated header');
  let header: { format?: string; tags?: string[]; bits?: number; meta?: Record<string, unknown>; clusters?: Record<string, string> };
  try {
    header = JSON.parse(body.toString('utf8', 4, 4 + hlen)) as typeof header;
  } catch (err) {
    throw new Error(`attributions: ${where} is not a ${FORMAT} model`, { cause: err });
  }
  if (header.format !== FORMAT || JSON.stringify(header.tags) !== JSON.stringify(TAGS) || typeof header.bits !== 'number' || header.bits > 24) {
    throw new Error(`attributions: ${where} is not a ${FORMAT} model with tags ${TAGS.join(',')}`);
  }
  let o = 4 + hlen;
  const nT = (NTAGS + 1) * NTAGS;
  if (o + nT * 4 + 4 > body.length) throw bad('truncated transitions');
  const trans = new Float32Array(nT);
  for (let i = 0; i < nT; i++, o += 4) trans[i] = body.readFloatLE(o);
  const nrows = body.readUInt32LE(o);
  o += 4;
  if (o + nrows * (4 + NTAGS * 4) !== body.length) throw bad('weight rows do not match the file length');
  const nb = 1 << header.bits;
  const weights = new Float32Array(nb * NTAGS);
  const rowsAt = o;
  let max = 0;
  for (let r = 0; r < nrows; r++) {
    const id = body.readUInt32LE(o);
    o += 4;
    if (id >= nb) throw bad(`bucket ${id} out of range`);
    for (let t = 0; t < NTAGS; t++, o += 4) {
      const v = body.readInt32LE(o);
      weights[id * NTAGS + t] = v / 100;
      if (v > max) max = v;
      else if (-v > max) max = -v;
    }
  }
  const m: TaggerModel = { bits: header.bits, weights, trans, meta: header.meta ?? {} };
  if (header.clusters) m.clusters = header.clusters;
  // The packed decoding weights, from the stored rows (the same as packWeights(m), without
  // scanning every empty bucket).
  const scale = Math.min(100, Math.floor(32767 / Math.max(max / 100, 1e-9)));
  const rows = new Int16Array(nb * PACK);
  o = rowsAt;
  for (let r = 0; r < nrows; r++) {
    const id = body.readUInt32LE(o);
    o += 4;
    for (let t = 0; t < NTAGS; t++, o += 4) rows[id * PACK + t] = Math.round(weights[id * NTAGS + t]! * scale);
  }
  const ptrans = new Float64Array(trans.length);
  for (let i = 0; i < trans.length; i++) ptrans[i] = trans[i]! * scale;
  m.packed = { rows, scale, trans: ptrans };
  return m;
}

/** Where the committed model lives, relative to this module (same depth in src/ and dist/). */
export const DEFAULT_MODEL_URL = new URL('../../../models/attribution/tagger.bin.gz', import.meta.url);

/** Reads a model file; throws naming the path when it is missing or malformed. */
export function loadModel(url: URL = DEFAULT_MODEL_URL): TaggerModel {
  let buf: Buffer;
  try {
    buf = readFileSync(url);
  } catch (err) {
    throw new Error(`attributions: cannot read the tagger model ${url.pathname}`, { cause: err });
  }
  return parseModel(buf, url.pathname);
}
