/**
 * The model-based attribution extractor: tags source / cue / content spans with the trained tagger
 * (model.ts, tag.ts) and groups them into attributions (assemble.ts). The model is read once, on first
 * use, from models/attribution/ (or given explicitly, as tests and the trainer do).
 */
import type { AttributionMention } from '../../types.js';
import type { Doc, ExtractContext, Extractor } from '../types.js';
import { assemble } from './assemble.js';
import { loadModel, type TaggerModel } from './model.js';
import { tagDoc } from './tag.js';

export const TAGGER_EXTRACTOR = 'attribution-tagger';

/** Builds the extractor over `getModel` (called on first use, so importing the registry stays cheap). */
export function createTaggerExtractor(getModel: () => TaggerModel): Extractor<AttributionMention> {
  let model: TaggerModel | null = null;
  return {
    name: TAGGER_EXTRACTOR,
    kind: 'attribution',
    extract(doc: Doc, _ctx: ExtractContext): AttributionMention[] {
      model ??= getModel();
      const { spans, sentenceOfToken } = tagDoc(doc, model);
      return assemble(doc, spans, sentenceOfToken).map((a) => {
        const parts = [a.speaker, a.cue, a.content, ...a.contentSegments].filter((s) => s !== null);
        const start = Math.min(...parts.map((s) => s.start));
        const end = Math.max(...parts.map((s) => s.end));
        const m: AttributionMention = {
          kind: 'attribution',
          start,
          end,
          text: doc.text.slice(start, end),
          extractor: TAGGER_EXTRACTOR,
          reasons: ['model: perceptron BIO tagger'],
          speaker: a.speaker,
          cue: a.cue,
          content: a.content,
        };
        if (a.contentSegments.length > 0) m.contentSegments = a.contentSegments;
        return m;
      });
    },
  };
}

let shared: TaggerModel | null = null;

/** The committed model, read once per process (immutable after loading). */
export function defaultModel(): TaggerModel {
  shared ??= loadModel();
  return shared;
}
