import { describe, expect, it } from 'vitest';
import { DocHistory, START_TAG, TAGS, allowed, docStats, spansOf } from './features.js';
import { decode, decodeOptions, defaultModel } from './model.js';

describe('decodeOptions', () => {
  it.each<[Record<string, unknown>, ReturnType<typeof decodeOptions>]>([
    [{}, { beam: 1, temperature: 1, strict: true }],
    [{ beam: 3, temperature: 20, strict: false }, { beam: 3, temperature: 20, strict: false }],
    [{ beam: '3', strict: 'no' }, { beam: 1, temperature: 1, strict: true }],
  ])('%j', (meta, want) => {
    expect(decodeOptions(meta)).toEqual(want);
  });
});

describe('decode with a beam (shipped model)', () => {
  const m = defaultModel();
  const sentences = [
    ['Olena', 'Marchuk', ',', 'a', 'spokeswoman', 'for', 'Northwind', 'Bank', ',', 'said', 'on', 'Monday', 'that', 'Lisbon', 'would', 'wait', '.'],
    ['ACME', 'ENERGY', 'CORP', 'SEES', 'PROFIT', 'RISE', 'IN', 'TEXAS'],
    ['The', 'Kharkiv', 'Regional', 'Council', 'met', 'Pavlo', 'Tkachenko', 'in', 'the', 'Donetsk', 'region', '.'],
    ['Fire', '.'],
    [],
  ];
  it.each(sentences.map((s) => [s.join(' '), s] as const))('%s: valid tags for beams 1-4', (_, words) => {
    const stats = docStats([words], true);
    for (const beam of [1, 2, 3, 4]) {
      const tags = decode(words, m.resources, stats, m.weights, new DocHistory(), m.cache, { ...decodeOptions(m.header.meta), beam });
      expect(tags).toHaveLength(words.length);
      tags.forEach((t, i) => {
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThan(TAGS.length);
        expect(allowed(i > 0 ? tags[i - 1]! : 0, t)).toBe(true);
      });
      for (const [a, b] of spansOf(tags)) expect(b).toBeGreaterThan(a);
    }
  });

  it('the integer decoder of the runtime table tags like the float reference decoder', () => {
    // Any WeightSource that is not the runtime table takes the float path (the trainer's).
    const float = { add: (h: number, s: Float64Array): void => m.weights.add(h, s) };
    const all = sentences.filter((s) => s.length > 0);
    for (const beam of [1, 3]) {
      const opts = { ...decodeOptions(m.header.meta), beam };
      const stats = docStats(all, true);
      const h1 = new DocHistory();
      const h2 = new DocHistory();
      for (const words of all) {
        expect(decode(words, m.resources, stats, m.weights, h1, m.cache, opts)).toEqual(decode(words, m.resources, stats, float, h2, m.cache, opts));
      }
    }
  });

  it('strict decoding closes every entity with L- or U-', () => {
    for (const words of sentences) {
      const tags = decode(words, m.resources, docStats([words]), m.weights, undefined, m.cache, { beam: 3, temperature: 20, strict: true });
      tags.forEach((t, i) => {
        const name = TAGS[t]!;
        const next = i + 1 < tags.length ? TAGS[tags[i + 1]!]! : 'O';
        if (name.startsWith('B-') || name.startsWith('I-')) expect(next).toMatch(/^[IL]-/);
      });
    }
    expect(START_TAG).toBe(TAGS.length);
  });
});
