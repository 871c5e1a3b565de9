/**
 * The NER extractor: runs the trained model over each sentence (split further at line breaks, so
 * headlines and datelines stand alone) and turns BILOU tags into PER/ORG/LOC/MISC/NORP mentions.
 * `canonical` starts as the surface text; the canonical refiner (./canonical.ts) links it.
 */
import type { EntityMention, EntityType } from '../../types.js';
import type { Doc, Extractor } from '../types.js';
import { DocHistory, GAZ_TYPES, decodeOrder, docStats, spansOf } from './features.js';
import { decode, decodeOptions, defaultModel, type NerModel } from './model.js';

export const NER_EXTRACTOR = 'entities.ner';

/** Nationality and group adjectives the model tags MISC that we report as NORP ("Ukrainian", "North Korean"). */
const NORP_SUFFIX = /(?:ian|ean|an|ese|ish|ch|i|ans|ians|eans)$/;
const NORP_WORDS = new Set(['thai', 'greek', 'swiss', 'dutch', 'french', 'british', 'irish', 'welsh', 'scottish', 'polish', 'danish', 'swedish', 'finnish', 'turkish', 'kurdish', 'jewish', 'arab', 'czech', 'serb', 'serbs', 'croat', 'croats', 'kurds', 'jews', 'arabs', 'uzbek', 'kazakh', 'tajik', 'turkmen', 'kyrgyz', 'greeks', 'thais', 'filipino', 'filipinos']);

/** Whether a MISC span reads as a nationality, religion or political group. */
export function looksNorp(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length > 3) return false;
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (NORP_WORDS.has(last)) return true;
  // Hyphenated affiliations: "Kremlin-backed", "pro-Russian", "Iran-aligned".
  if (/-(?:backed|aligned|led|allied|based)$/.test(last) || /^(?:pro|anti)-/.test(last)) return true;
  // Plurals of demonyms: "Israelis", "Americans".
  const stem = last.endsWith('s') ? last.slice(0, -1) : last;
  return words.length <= 2 && /^\p{Lu}\p{Ll}+$/u.test(words[words.length - 1] ?? '') && (NORP_SUFFIX.test(last) || NORP_SUFFIX.test(stem));
}

/**
 * The model's type, corrected where its surface says otherwise: MISC that reads as a nationality or
 * group is NORP; a demonym used as an adjective ("North Korean soldiers") is NORP even when the model
 * reads it as an organisation; a "person" ending in a street word ("Quay Street") is a place.
 */
export function refineType(type: EntityType, span: string, text: string, end: number): EntityType {
  if (type === 'MISC' && looksNorp(span)) return 'NORP';
  if (type === 'ORG' && isDemonymAdjective(span, text, end)) return 'NORP';
  if (type === 'PER' && PLACE_HEADS.test(span)) return 'LOC';
  return type;
}

/** Last words that make a name a street, square, bridge or road ("Lane" is also a surname). */
const PLACE_HEADS = /\s(?:Street|St\.|Road|Avenue|Boulevard|Square|Bridge|Highway|Dam)$/;

/**
 * Whether a span is a demonym ("Korean", "North Korean", "Ukrainian", "Japanese") followed by a
 * lower-case word, i.e. used as an adjective: "North Korean soldiers", not "Korean Air".
 */
export function isDemonymAdjective(span: string, text: string, end: number): boolean {
  const words = span.split(/\s+/);
  const last = words[words.length - 1]!;
  if (words.length > 2 || !/^\p{Lu}\p{Ll}+$/u.test(last)) return false;
  if (!NORP_WORDS.has(last.toLowerCase()) && !/(?:ean|ian|ican|ese|ish)$/.test(last)) return false;
  return /^ \p{Ll}/u.test(text.slice(end, end + 2));
}

/** Words that are not a name on their own, whatever their case ("— The", "— Two" after a dateline). */
const FUNCTION_WORDS = new Set(
  'the a an this that these those it its he she they we i his her their our in on at by for of to from and but or as after before when while one two three four five six seven eight nine ten'.split(' '),
);
/** Lower-case particles that begin names ("de Gaulle", "van der Berg", "al-Assad" is one token). */
const PARTICLES = new Set('de da di du del della dos das van von der den ter ten al el bin ibn la le'.split(' '));
const HAS_WORD = /[\p{L}\p{N}]/u;
const NAME_LIKE = /[\p{Lu}\p{N}]/u;

/**
 * The tagged span [i, j) of `w` as a name: without leading or trailing punctuation ("— Kyiv"), and
 * starting at its first capitalised word (or a particle before one), so "The spillway of the Tallis
 * Dam" is "Tallis Dam"; a leading function word stays only right before a capital ("The Hague").
 * Null when no name is left ("— The", "The city council" after a cut dateline, a lone "Two").
 */
export function trimSpan(w: readonly string[], i: number, j: number): [number, number] | null {
  while (i < j && !HAS_WORD.test(w[i]!)) i++;
  while (j > i && !HAS_WORD.test(w[j - 1]!)) j--;
  if (i >= j) return null;
  // a function word in capitals is a name's ("AT&T", "IT"), not a function word
  const fn = (k: number): boolean => FUNCTION_WORDS.has(w[k]!.toLowerCase()) && !(w[k]!.length > 1 && w[k] === w[k]!.toUpperCase());
  if (j - i === 1) return fn(i) ? null : [i, j];
  if (fn(i) && NAME_LIKE.test(w[i + 1]!) && !fn(i + 1)) return [i, j];
  let k = i;
  while (k < j && (fn(k) || !NAME_LIKE.test(w[k]!)) && !(PARTICLES.has(w[k]!) && k + 1 < j && NAME_LIKE.test(w[k + 1]!))) k++;
  return k < j ? [k, j] : null;
}

/** Token index ranges of the sequences the model tags: sentences, cut at line breaks. */
export function sequences(doc: Doc): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of doc.sentences) {
    let a = s.tokenStart;
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      if (doc.tokens[i]!.newlineBefore) {
        out.push([a, i]);
        a = i;
      }
    }
    out.push([a, s.tokenEnd]);
  }
  return out;
}

/** Creates the extractor; the model is loaded on first use unless one is given. */
export function nerExtractor(model?: NerModel): Extractor<EntityMention> {
  return {
    name: NER_EXTRACTOR,
    kind: 'entity',
    extract(doc: Doc): EntityMention[] {
      if (doc.tokens.length === 0) return [];
      const m = model ?? defaultModel();
      const seqs = sequences(doc);
      const words = seqs.map(([a, b]) => doc.tokens.slice(a, b).map((t) => t.text));
      const stats = docStats(words, m.header.meta.agg === true);
      // Models trained with document memory need it at run time too (sequences in text order).
      const history = m.header.meta.history === true ? new DocHistory() : undefined;
      const opts = decodeOptions(m.header.meta);
      const out: EntityMention[] = [];
      // Headlines last, so that the document memory has read the body (`decodeOrder`); the
      // mentions are sorted back into text order below.
      for (const k of decodeOrder(words)) {
        const a = seqs[k]![0];
        const w = words[k]!;
        const tags = decode(w, m.resources, stats, m.weights, history, m.cache, opts);
        for (const [i0, j0, ti] of spansOf(tags)) {
          const span = trimSpan(w, i0, j0);
          if (span === null) continue;
          const [i, j] = span;
          const start = doc.tokens[a + i]!.start;
          const end = doc.tokens[a + j - 1]!.end;
          const text = doc.text.slice(start, end);
          const type = refineType(GAZ_TYPES[ti]!, text, doc.text, end);
          out.push({ kind: 'entity', start, end, text, type, canonical: text, extractor: NER_EXTRACTOR, reasons: ['model: averaged perceptron'] });
        }
      }
      return out.sort((x, y) => x.start - y.start);
    },
  };
}
