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
// viterbi unrolls its emission loop over exactly 7 tags: this fails to compile if TAGS changes length.
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
 * ((prev or start) * NTAGS + cur). `ids` holds `nf` feature buckets per token (features.ts).
 * Linear in the block length.
 */
export function viterbi(ids: Int32Array, nf: number, w: ArrayLike<number>, trans: ArrayLike<number>): Uint8Array {
  const n = ids.length / nf;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * NTAGS);
  const back = new Uint8Array(n * NTAGS);
  const emit = new Float64Array(NTAGS);
  for (let k = 0; k < n; k++) {
    // Unrolled over the 7 tags (NTAGS): this loop is most of the tagger's time.
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0;
    for (let j = k * nf; j < (k + 1) * nf; j++) {
      const base = ids[j]! * 7;
      e0 += w[base]!;
      e1 += w[base + 1]!;
      e2 += w[base + 2]!;
      e3 += w[base + 3]!;
      e4 += w[base + 4]!;
      e5 += w[base + 5]!;
      e6 += w[base + 6]!;
    }
    emit[0] = e0;
    emit[1] = e1;
    emit[2] = e2;
    emit[3] = e3;
    emit[4] = e4;
    emit[5] = e5;
    emit[6] = e6;
    for (let c = 0; c < NTAGS; c++) {
      let best = -Infinity;
      let arg = 0;
      if (k === 0) {
        if (ALLOWED[NTAGS * NTAGS + c]) best = trans[NTAGS * NTAGS + c]!;
      } else {
        for (let p = 0; p < NTAGS; p++) {
          if (!ALLOWED[p * NTAGS + c]) continue;
          const s = score[(k - 1) * NTAGS + p]! + trans[p * NTAGS + c]!;
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[k * NTAGS + c] = best + emit[c]!;
      back[k * NTAGS + c] = arg;
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
  /** Free-form provenance (data, command, held-out scores). */
  meta: Record<string, unknown>;
}

/**
 * Serialises a model as gzipped text: a JSON header line, a transitions line, then one line per
 * non-zero bucket `bucket w0 w1 ... w6` (weights rounded to 2 decimals).
 */
export function serializeModel(m: TaggerModel): Buffer {
  const lines: string[] = [JSON.stringify({ format: 'tri-attribution-tagger/2', tags: TAGS, bits: m.bits, meta: m.meta })];
  lines.push(Array.from(m.trans, (x) => round2(x)).join(' '));
  const nb = m.weights.length / NTAGS;
  for (let id = 0; id < nb; id++) {
    const row: number[] = [];
    let nz = false;
    for (let t = 0; t < NTAGS; t++) {
      const v = round2(m.weights[id * NTAGS + t]!);
      if (v !== 0) nz = true;
      row.push(v);
    }
    if (nz) lines.push(id + ' ' + row.join(' '));
  }
  // gzip keeps the committed file small.
  return gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'));
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** Parses the format written by `serializeModel`; throws naming the problem on a bad file. */
export function parseModel(buf: Buffer, where: string): TaggerModel {
  const text = gunzipSync(buf).toString('utf8');
  const lines = text.split('\n');
  const header = JSON.parse(lines[0] ?? '{}') as { format?: string; tags?: string[]; bits?: number; meta?: Record<string, unknown> };
  if (header.format !== 'tri-attribution-tagger/2' || JSON.stringify(header.tags) !== JSON.stringify(TAGS) || typeof header.bits !== 'number') {
    throw new Error(`attributions: ${where} is not a tri-attribution-tagger/2 model with tags ${TAGS.join(',')}`);
  }
  const trans = Float32Array.from((lines[1] ?? '').split(' ').map(Number));
  if (trans.length !== (NTAGS + 1) * NTAGS) throw new Error(`attributions: ${where}: bad transition row`);
  const nb = 1 << header.bits;
  const weights = new Float32Array(nb * NTAGS);
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const vals = line.split(' ').map(Number);
    const id = vals[0]!;
    if (vals.length !== NTAGS + 1 || !(id >= 0 && id < nb)) throw new Error(`attributions: ${where}:${i + 1}: bad weight row`);
    for (let t = 0; t < NTAGS; t++) weights[id * NTAGS + t] = vals[t + 1]!;
  }
  return { bits: header.bits, weights, trans, meta: header.meta ?? {} };
}

/** Where the committed model lives, relative to this module (same depth in src/ and dist/). */
export const DEFAULT_MODEL_URL = new URL('../../../models/attribution/tagger.txt.gz', import.meta.url);

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
