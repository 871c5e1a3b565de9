/**
 * Tagger features: the quote marks, the decoder gate and the per-word table. Sentences are ours.
 */
import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../common/text.js';
import { spansFromTags, type RoleSpan } from './assemble.js';
import { blockFeatures, blocksOf, HASH_BITS, NFEATURES, sentenceIndex, wordClassesFrom, WordTable } from './features.js';
import { NTAGS, parseModel, serializeModel, TAGS, viterbi, type TaggerModel } from './model.js';
import { tagDoc } from './tag.js';

function featuresOf(text: string, words: WordTable = new WordTable(null)): { ids: Int32Array; live: Uint8Array; tokens: string[] } {
  const doc = prepareDoc({ id: 't', text });
  const b = blocksOf(doc)[0]!;
  const live = new Uint8Array(b.tokenEnd - b.tokenStart);
  const ids = blockFeatures(doc, b, sentenceIndex(doc), words, live);
  return { ids, live, tokens: doc.tokens.slice(b.tokenStart, b.tokenEnd).map((t) => t.text) };
}

/** The feature at position `pos` of token `k`. */
const f = (ids: Int32Array, k: number, pos: number): number => ids[k * NFEATURES + pos]!;
/** Positions of some templates (features.ts): in a quote, the word itself, its fine word class. */
const IN_QUOTE = 7;
const WORD = 39;
const FINE_CLASS = 43;

describe('gate: which sentences the tagger may label', () => {
  it.each([
    ['a cue word', 'The bridge reopened. The mayor said it was safe.', [0, 1]],
    ['a quote mark', 'The bridge reopened. "It is safe now."', [0, 1]],
    ['a colon', 'The bridge reopened. The verdict: safe.', [0, 1]],
    ['a quote running on from the sentence before', '"The bridge is safe. It will stay open." The crowd left.', [1, 1, 0]],
  ])('%s keeps its sentence live', (_why, text, want) => {
    const doc = prepareDoc({ id: 't', text });
    const { live } = featuresOf(text);
    const got = doc.sentences.map((s) => live[s.tokenStart]!);
    expect(got).toEqual(want);
  });
  it.each([
    ['The bridge reopened on Monday. Traffic was light all day.'],
    ['Shops closed early, and the roads stayed empty.'],
  ])('no cue word, quote or colon: all gated in %j', (text) => {
    const { live, ids } = featuresOf(text);
    expect(Array.from(live).every((x) => x === 0)).toBe(true);
    // Gated tokens get no features (the decoder never reads them).
    expect(Array.from(ids).every((x) => x === 0)).toBe(true);
  });
  it('the decoder tags gated tokens O whatever their weights', () => {
    const w = new Float32Array(2 * NTAGS);
    w[TAGS.indexOf('B-CON')] = 9;
    const ids = new Int32Array(3);
    const got = viterbi(ids, 1, w, new Float32Array((NTAGS + 1) * NTAGS), Uint8Array.from([1, 0, 1]));
    expect(Array.from(got, (t) => TAGS[t])).toEqual(['B-CON', 'O', 'B-CON']);
  });
});

describe('typewriter quotes', () => {
  it.each([
    ["''We will rebuild,'' the mayor said."],
    ['``We will rebuild,\'\' the mayor said.'],
  ])('doubled marks open and close a quote like " does: %j', (text) => {
    const plain = featuresOf('"We will rebuild," the mayor said.');
    const typed = featuresOf(text);
    // "We" (after the opening pair) and "mayor" (after the closing pair) see the same quote state.
    const we = typed.tokens.indexOf('We');
    const mayor = typed.tokens.indexOf('mayor');
    expect(f(typed.ids, we, IN_QUOTE)).toBe(f(plain.ids, plain.tokens.indexOf('We'), IN_QUOTE));
    expect(f(typed.ids, mayor, IN_QUOTE)).toBe(f(plain.ids, plain.tokens.indexOf('mayor'), IN_QUOTE));
    expect(f(typed.ids, we, IN_QUOTE)).not.toBe(f(typed.ids, mayor, IN_QUOTE));
  });
  it("a lone apostrophe is not a quote: the officials' plan", () => {
    const a = featuresOf("The officials' plan will work, she said.");
    const b = featuresOf('The officials plan will work, she said.');
    expect(f(a.ids, a.tokens.indexOf('work'), IN_QUOTE)).toBe(f(b.ids, b.tokens.indexOf('work'), IN_QUOTE));
  });
});

describe('word table', () => {
  it('gives the same features whether a word is new or memoised', () => {
    const words = new WordTable(wordClassesFrom({ said: 'a1 b2 c3', told: 'a1 b2 c4' }));
    const text = 'Anna Kovalenko told reporters that the plan would work, she said.';
    const first = featuresOf(text, words).ids;
    const again = featuresOf(text, words).ids;
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(Array.from(featuresOf(text, new WordTable(wordClassesFrom({ said: 'a1 b2 c3', told: 'a1 b2 c4' }))).ids)).toEqual(Array.from(first));
  });
  it('grows past its initial size without changing features', () => {
    const many = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const text = `${many} said the mayor.`;
    const fresh = featuresOf(text).ids;
    const words = new WordTable(null);
    featuresOf('Warm-up words said nothing.', words);
    expect(Array.from(featuresOf(text, words).ids)).toEqual(Array.from(fresh));
  });
  it('word classes change the class features, not the word features', () => {
    const text = 'The mayor asserted that the bridge was safe.';
    const without = featuresOf(text).ids;
    const withC = featuresOf(text, new WordTable(wordClassesFrom({ asserted: 'a1 b2 c3' }))).ids;
    const k = 2; // "asserted"
    expect(f(withC, k, WORD)).toBe(f(without, k, WORD));
    expect(f(withC, k, FINE_CLASS)).not.toBe(f(without, k, FINE_CLASS));
  });
});

describe('model file with word clusters', () => {
  it('round-trips the clusters', () => {
    const m: TaggerModel = { bits: 3, weights: new Float32Array(8 * NTAGS), trans: new Float32Array((NTAGS + 1) * NTAGS), meta: {}, clusters: { said: 'a1 b2 c3' } };
    expect(parseModel(serializeModel(m), 'mem').clusters).toEqual({ said: 'a1 b2 c3' });
  });
});

describe('inference shortcut (word-only features summed once per word, packed weights)', () => {
  // A model with pseudo-random weights in hundredths: tagDoc must find the same spans as the plain
  // float Viterbi over every feature.
  const nb = 1 << HASH_BITS;
  const weights = new Float32Array(nb * NTAGS);
  let x = 12345;
  for (let i = 0; i < weights.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    weights[i] = ((x >>> 8) % 601 - 300) / 100;
  }
  const trans = new Float32Array((NTAGS + 1) * NTAGS).map((_, i) => ((i * 37) % 11) - 5);
  const model: TaggerModel = { bits: HASH_BITS, weights, trans, meta: {}, clusters: { said: 'a1 b2 c3' } };
  it.each([
    ['"We will rebuild the bridge," Anna Kovalenko said on Tuesday. Traffic was light.'],
    ["According to the ministry, 40 people were hurt. ''It was chaos,'' she told reporters."],
    ['Shops closed early.\n\nThe mayor said the roads would reopen: "Soon."'],
  ])('same spans as the plain decoder: %j', (text) => {
    const doc = prepareDoc({ id: 't', text });
    const sot = sentenceIndex(doc);
    const words = new WordTable(wordClassesFrom(model.clusters!));
    const want: RoleSpan[] = [];
    for (const b of blocksOf(doc)) {
      const live = new Uint8Array(b.tokenEnd - b.tokenStart);
      spansFromTags(viterbi(blockFeatures(doc, b, sot, words, live), NFEATURES, weights, trans, live), b.tokenStart, want);
    }
    expect(tagDoc(doc, model).spans).toEqual(want);
  });
});
