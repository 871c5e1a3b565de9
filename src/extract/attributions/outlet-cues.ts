/**
 * Rule extractor for outlets relayed as sources, the pattern cross-checking depends on most and that
 * political-news training data rarely shows: "..., per Politico." / "Per Politico, ..." and
 * "..., according to the Times." where the named source is a news outlet. "per cent", "per capita",
 * "per day" never match: the word after "per" (or "according to") must open an outlet name.
 * The tagger's own attributions win where both fire (see the `attribution-merge` refiner).
 */
import type { AttributionMention, Span } from '../../types.js';
import type { Doc, ExtractContext, Extractor } from '../types.js';
import { findOutlets } from './outlets.js';
import { sentenceAt } from '../common/text.js';

export const OUTLET_CUE_EXTRACTOR = 'attribution-outlet-cue';

function spanOf(doc: Doc, a: number, b: number): Span {
  return { start: a, end: b, text: doc.text.slice(a, b) };
}

const EDGE = new Set([',', '.', ';', ':', '—', '–', '(', ')']);

export const outletCueExtractor: Extractor<AttributionMention> = {
  name: OUTLET_CUE_EXTRACTOR,
  kind: 'attribution',
  extract(doc: Doc, _ctx: ExtractContext): AttributionMention[] {
    const out: AttributionMention[] = [];
    const toks = doc.tokens;
    for (const o of findOutlets(doc)) {
      const prev = toks[o.tokenStart - 1];
      const prev2 = toks[o.tokenStart - 2];
      let cueStart = -1;
      if (prev && prev.text.toLowerCase() === 'per') cueStart = o.tokenStart - 1;
      else if (prev && prev2 && prev.text.toLowerCase() === 'to' && prev2.text.toLowerCase() === 'according') cueStart = o.tokenStart - 2;
      if (cueStart < 0) continue;
      const sent = doc.sentences[sentenceAt(doc.sentences, toks[cueStart]!.start)];
      if (!sent) continue;
      // Content: the rest of the sentence on the other side of "per X" (without edge punctuation).
      let a: number;
      let b: number;
      if (cueStart === sent.tokenStart || (cueStart === sent.tokenStart + 1 && EDGE.has(toks[sent.tokenStart]!.text))) {
        a = o.tokenEnd;
        b = sent.tokenEnd;
      } else {
        a = sent.tokenStart;
        b = cueStart;
      }
      while (a < b && EDGE.has(toks[a]!.text)) a++;
      while (b > a && EDGE.has(toks[b - 1]!.text)) b--;
      const cue = spanOf(doc, toks[cueStart]!.start, toks[o.tokenStart - 1]!.end);
      const speaker = spanOf(doc, o.start, o.end);
      const content = b > a ? spanOf(doc, toks[a]!.start, toks[b - 1]!.end) : null;
      const start = Math.min(cue.start, content?.start ?? cue.start);
      const end = Math.max(speaker.end, content?.end ?? speaker.end);
      out.push({
        kind: 'attribution',
        start,
        end,
        text: doc.text.slice(start, end),
        extractor: OUTLET_CUE_EXTRACTOR,
        reasons: [`pattern: ${toks[cueStart]!.text.toLowerCase()} + outlet`],
        speaker,
        cue,
        content,
        cites: o.canonical,
      });
    }
    return out;
  },
};
