/** Runs the tagger over a whole document: blocks -> features -> Viterbi -> role spans. */
import type { Doc } from '../types.js';
import type { RoleSpan } from './assemble.js';
import { spansFromTags } from './assemble.js';
import { blockFeatures, blocksOf, NFEATURES, sentenceIndex } from './features.js';
import { viterbi, type TaggerModel } from './model.js';

export interface Tagged {
  spans: RoleSpan[];
  sentenceOfToken: Int32Array;
}

/** Tags every block of `doc` with `model`; the spans are in document order. */
export function tagDoc(doc: Doc, model: TaggerModel): Tagged {
  const sentenceOfToken = sentenceIndex(doc);
  const spans: RoleSpan[] = [];
  for (const b of blocksOf(doc)) {
    const tags = viterbi(blockFeatures(doc, b, sentenceOfToken), NFEATURES, model.weights, model.trans);
    for (const s of spansFromTags(tags, b.tokenStart)) spans.push(s);
  }
  return { spans, sentenceOfToken };
}
