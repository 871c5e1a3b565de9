import { describe, expect, it } from 'vitest';
import { DocHistory, WordCache, allowed, docStats, hashFeature, shape, shortShape, staticFeatures, staticHashes, tagFeatures, tagHashes, tagHashesAt, START_TAG, TAGS } from './features.js';
import { resourcesFrom } from './model.js';

const res = resourcesFrom({ Kharkiv: 'a1 b2 c3', Lisbon: 'a1 b2 c4' }, [
  ['new york', 4],
  ['red cross', 2],
]);

describe('shape', () => {
  it.each([
    ['Zelenskyy', 'Xxx', 'Xx'],
    ['NATO', 'XX', 'X'],
    ['2024-08-06', 'dd-dd-dd', 'd-d-d'],
    ['U.S.', 'X.X.', 'X.X.'],
    ['McDonald', 'XxXxx', 'XxXx'],
    ['Łódź', 'Xxx', 'Xx'],
  ])('%s -> %s / %s', (w, sh, ss) => {
    expect(shape(w)).toBe(sh);
    expect(shortShape(shape(w))).toBe(ss);
  });
});

describe('staticHashes', () => {
  it.each([
    [['Anna', 'Kovalenko', 'visited', 'New', 'York', 'and', 'Kharkiv', '.']],
    [['RED', 'CROSS', 'SENDS', 'AID', 'TO', 'LISBON']],
    [['Lisbon']],
    [['KYIV', ',', 'Aug', '6']],
    [['The', 'Red', 'Cross', 'said', 'Lisbon', 'is', 'calm']],
  ])('equals the hashed reference features for %j', (words) => {
    const stats = docStats([words, ['the', 'red', 'cross', 'said', 'Lisbon', 'won']]);
    const want = staticFeatures(words, res, stats).map((f) => f.map(hashFeature).sort());
    const cache = new WordCache(3);
    // Twice: the second run reads the (bounded, partly cleared) cache.
    for (let k = 0; k < 2; k++) expect(staticHashes(words, res, stats, cache).map((h) => h.sort())).toEqual(want);
  });

  it('marks gazetteer phrases and document casing', () => {
    const words = ['He', 'flew', 'to', 'New', 'York', '.'];
    const f = staticFeatures(words, res, docStats([words]));
    expect(f[3]).toContain('g:B:LOC');
    expect(f[4]).toContain('g:I:LOC');
    expect(f[1]).not.toContain('g:B:LOC');
    expect(f[3]).toContain('d:lo=0|cm=1');
  });
});

describe('tagHashes', () => {
  it.each([
    ['B-PER', 'O', 'said', 'xx'],
    ['<s>', '<s>', 'kyiv', 'Xx'],
  ])('equals the hashed tag features for %s %s', (p, p2, lw, sh) => {
    const out: number[] = [];
    tagHashes(p, p2, lw, sh, out);
    expect(out).toEqual(tagFeatures(p, p2, lw, sh).map(hashFeature));
  });
});

describe('allowed (BIO)', () => {
  const idx = (t: string): number => TAGS.indexOf(t as (typeof TAGS)[number]);
  it.each([
    ['B-PER', 'I-PER', true],
    ['I-PER', 'I-PER', true],
    ['O', 'B-ORG', true],
    ['I-LOC', 'O', true],
    ['O', 'I-PER', false],
    ['B-ORG', 'I-PER', false],
    ['I-MISC', 'I-LOC', false],
  ])('%s -> %s: %s', (a, b, want) => {
    expect(allowed(idx(a), idx(b))).toBe(want);
  });
});

describe('DocHistory', () => {
  it('remembers how earlier sentences tagged a capitalised word', () => {
    const h = new DocHistory();
    expect(h.features(['Blackburn', 'said'])).toEqual([['h=new'], []]);
    h.record(['Peter', 'Blackburn', 'spoke'], [1, 2, 0]);
    expect(h.features(['Blackburn', 'said'])).toEqual([['h=PER', 'h=PER|all'], []]);
    h.record(['Blackburn', 'Rovers'], [3, 4]);
    expect(h.features(['Blackburn'])[0]![0]).toMatch(/^h=(PER|ORG)$/);
    expect(h.features(['Blackburn'])[0]![1]).toMatch(/\|mixed$/);
  });
});

describe('fast hashes keep the reference order (the decoder sums weights in this order)', () => {
  it.each([
    [['Olena', 'Marchuk', 'met', 'the', 'Red', 'Cross', 'in', 'New', 'York', '.']],
    [['FLOODS', 'HIT', 'KHARKIV']],
    [['Kharkiv']],
  ])('staticHashes in order for %j', (words) => {
    const stats = docStats([words, ['floods', 'hit', 'the', 'town']]);
    const want = staticFeatures(words, res, stats).map((f) => f.map(hashFeature));
    expect(staticHashes(words, res, stats, new WordCache())).toEqual(want);
  });

  it.each([['Marchuk'], ['visited'], ['Lisbon'], ['2024']])('tagHashesAt equals tagHashes for %s after every tag pair', (w) => {
    const info = new WordCache().get(w, res);
    const names = [...TAGS, '<s>'];
    for (let p = 0; p <= START_TAG; p++) {
      for (let p2 = 0; p2 <= START_TAG; p2++) {
        const want: number[] = [];
        tagHashes(names[p]!, names[p2]!, w.toLowerCase(), shape(w), want);
        const got: number[] = [];
        tagHashesAt(p, p2, info, got);
        expect(got).toEqual(want);
      }
    }
  });
});
