/** Runs the tagger over a whole document: blocks -> features -> Viterbi -> role spans. */
import type { Doc } from '../types.js';
import type { RoleSpan } from './assemble.js';
import { spansFromTags } from './assemble.js';
import { blockFeatures, blocksOf, NCONTEXT, NFEATURES, sentenceIndex, wordClassesFrom, WordTable } from './features.js';
import { packWeights, viterbiPacked, type PackedWeights, type TaggerModel } from './model.js';

export interface Tagged {
  spans: RoleSpan[];
  sentenceOfToken: Int32Array;
}

const tables = new WeakMap<TaggerModel, WordTable>();
const packed = new WeakMap<TaggerModel, PackedWeights>();

/** The model's weights packed for decoding, built once per model object. */
export function packedOf(model: TaggerModel): PackedWeights {
  let p = packed.get(model);
  if (p === undefined) {
    p = model.packed ?? packWeights(model);
    packed.set(model, p);
  }
  return p;
}

/** The model's word table (its word classes and the per-word memo), built once per model object. */
export function wordsOf(model: TaggerModel): WordTable {
  let t = tables.get(model);
  if (t === undefined) {
    t = new WordTable(model.clusters ? wordClassesFrom(model.clusters) : null);
    tables.set(model, t);
  }
  return t;
}

/** Tags every block of `doc` with `model`; the spans are in document order. */
export function tagDoc(doc: Doc, model: TaggerModel): Tagged {
  const sentenceOfToken = sentenceIndex(doc);
  const spans: RoleSpan[] = [];
  const words = wordsOf(model);
  const weights = packedOf(model);
  for (const b of blocksOf(doc)) {
    const n = b.tokenEnd - b.tokenStart;
    const live = new Uint8Array(n);
    const entries = new Int32Array(n);
    const ids = blockFeatures(doc, b, sentenceOfToken, words, live, entries);
    // The word-only features' weights, summed once per word form (they are not in `ids`).
    const base = new Float64Array(n * 8);
    for (let k = 0; k < n; k++) {
      if (!live[k]) continue;
      const off = words.intrinsicSums(entries[k]!, weights.rows);
      const sums = words.sums; // read after intrinsicSums: it may have grown
      for (let c = 0; c < 8; c++) base[k * 8 + c] = sums[off + c]!;
    }
    const tags = viterbiPacked(ids, NFEATURES, weights, live, base, NCONTEXT);
    spansFromTags(tags, b.tokenStart, spans);
  }
  return { spans, sentenceOfToken };
}
