import { describe, expect, it } from 'vitest';
import {
  DocHistory,
  HISTORY_FEATURES,
  BOUNDARY_NB,
  NEIGHBOUR_ROLES,
  WordCache,
  allowed,
  contextPairHashes,
  gazetteerHashes,
  decodeOrder,
  docStats,
  hashFeature,
  shape,
  shortShape,
  spansOf,
  staticFeatures,
  staticHashes,
  tagFeatures,
  tagHashes,
  tagHashesAt,
  tagOf,
  tagPart,
  toBilou,
  typeIndex,
  validNext,
  START_TAG,
  TAGS,
} from './features.js';
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

describe('BILOU tags', () => {
  const idx = (names: string[]): number[] => names.map((t) => TAGS.indexOf(t as (typeof TAGS)[number]));
  it.each<[string[], Array<[number, number, number]>]>([
    [['B-PER', 'L-PER', 'O', 'U-LOC'], [[0, 2, 0], [3, 4, 2]]],
    [['B-ORG', 'I-ORG', 'L-ORG'], [[0, 3, 1]]],
    [['U-MISC', 'U-MISC'], [[0, 1, 3], [1, 2, 3]]],
    // BIO reads the same: I- continues, a new B- starts a new entity.
    [['B-PER', 'I-PER', 'B-PER', 'O'], [[0, 2, 0], [2, 3, 0]]],
    // A stray inside tag starts an entity; a type change ends one.
    [['O', 'I-LOC', 'I-ORG'], [[1, 2, 2], [2, 3, 1]]],
  ])('spans of %j', (tags, want) => {
    expect(spansOf(idx(tags))).toEqual(want);
  });

  it.each<[string[], string[]]>([
    [['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'L-PER', 'O', 'U-LOC']],
    [['B-ORG', 'I-ORG', 'I-ORG', 'B-ORG'], ['B-ORG', 'I-ORG', 'L-ORG', 'U-ORG']],
    [['O', 'O'], ['O', 'O']],
  ])('toBilou %j', (bio, want) => {
    expect(toBilou(idx(bio))).toEqual(idx(want));
  });

  it.each<[string, string, boolean, boolean]>([
    ['B-PER', 'L-PER', false, true],
    ['B-PER', 'I-PER', false, true],
    ['B-PER', 'O', false, false],
    ['I-ORG', 'U-ORG', false, false],
    ['L-LOC', 'B-LOC', false, true],
    ['U-LOC', 'U-PER', true, true],
    ['O', 'B-MISC', true, false],
    ['B-MISC', 'I-MISC', true, false],
    ['I-MISC', 'L-MISC', true, true],
    ['O', 'L-PER', false, false],
  ])('validNext %s -> %s (last %s): %s', (a, b, last, want) => {
    const [p, n] = idx([a, b]);
    expect(validNext(p!, n!, last)).toBe(want);
  });

  it('typeIndex and tagPart agree with the tag names', () => {
    TAGS.forEach((name, t) => {
      expect(tagPart(t)).toBe(name[0]);
      expect(typeIndex(t)).toBe(name === 'O' ? -1 : ['PER', 'ORG', 'LOC', 'MISC'].indexOf(name.slice(2)));
      if (t > 0) expect(tagOf(tagPart(t) as 'B', typeIndex(t))).toBe(t);
    });
  });
});

describe('decodeOrder', () => {
  it.each<[string[][], number[]]>([
    [[['FLOODS', 'HIT', 'KHARKIV'], ['Floods', 'hit', 'Kharkiv', '.']], [1, 0]],
    [[['Anna', 'spoke'], ['LISBON', '1998-05-01'], ['She', 'left', '.']], [0, 2, 1]],
    [[['12', '-', '3']], [0]],
  ])('%j -> %j', (seqs, want) => {
    expect(decodeOrder(seqs)).toEqual(want);
  });
});

describe('DocHistory across casing', () => {
  it('an all-caps headline word meets its mixed-case mentions', () => {
    const h = new DocHistory();
    h.record(['Olena', 'Marchuk', 'won'], ['B-PER', 'L-PER', 'O'].map((t) => TAGS.indexOf(t as (typeof TAGS)[number])));
    expect(h.features(['MARCHUK', 'WINS'])).toEqual([['h=PER', 'h=PER|all', 'hc=PER'], ['h=new', 'hc=new']]);
    expect(h.features(['Marchuk', 'wins'])).toEqual([['h=PER', 'h=PER|all'], []]);
    for (const f of h.features(['MARCHUK', 'WINS']).flat()) expect(HISTORY_FEATURES).toContain(f);
  });
});

describe('context aggregation', () => {
  it.each<[string[][], string, string[] | undefined]>([
    [[['Coach', 'Anna', 'Marchuk', 'said'], ['Marchuk', 'left', '.']], 'marchuk', ['ca+1=said', 'ca+1=left']],
    [[['He', 'met', 'Lisbon', 'officials'], ['in', 'Lisbon', 'on', 'Monday']], 'lisbon', ['ca-1=met', 'ca-1=in', 'ca+1=officials', 'ca+1=on']],
    [[['the', 'Red', 'Cross']], 'cross', undefined],
  ])('%j: %s', (seqs, word, want) => {
    expect(docStats(seqs, true).agg?.get(word)?.feats).toEqual(want);
    expect(docStats(seqs).agg).toBeUndefined();
  });

  it('adds the aggregated features to capitalised words, with the same hashes on the fast path', () => {
    const words = ['Marchuk', 'met', 'the', 'Red', 'Cross', '.'];
    const stats = docStats([words, ['coach', 'Marchuk', 'said']], true);
    const f = staticFeatures(words, res, stats);
    expect(f[0]).toEqual(expect.arrayContaining(['ca-1=coach', 'ca+1=met', 'ca+1=said']));
    expect(f[1]!.some((x) => x.startsWith('ca'))).toBe(false);
    expect(staticHashes(words, res, stats, new WordCache())).toEqual(f.map((x) => x.map(hashFeature)));
  });
});

describe('common-word lexicon', () => {
  const lexRes = resourcesFrom({ Lisbon: 'a1 b2 c4' }, [['red cross', 2]], { '10': ['said', 'governor'], '20': ['governor', 'harbour'] });
  it.each<[string, string[]]>([
    ['Governor', ['lex=10', 'lex=10|cap']],
    ['governor', ['lex=10', 'lex=10|low']],
    ['Harbour', ['lex=20', 'lex=20|cap']],
    ['Marchuk', []],
  ])('%s -> %j', (w, want) => {
    const f = staticFeatures([w], lexRes, docStats([[w]]))[0]!;
    expect(f.filter((x) => x.startsWith('lex='))).toEqual(want);
  });

  it('keeps the fast hashes equal to the reference features', () => {
    const words = ['Governor', 'Olena', 'Marchuk', 'said', 'the', 'Harbour', 'was', 'closed'];
    const stats = docStats([words], true);
    expect(staticHashes(words, lexRes, stats, new WordCache())).toEqual(staticFeatures(words, lexRes, stats).map((x) => x.map(hashFeature)));
  });
});

describe('the split hashes of the integer decoder', () => {
  it.each([
    [['Anna', 'Kovalenko', 'visited', 'New', 'York', 'and', 'Kharkiv', '.']],
    [['RED', 'CROSS', 'SENDS', 'AID', 'TO', 'LISBON']],
    [['Lisbon']],
    [['The', 'Red', 'Cross', 'said', 'Lisbon', 'is', 'calm']],
  ])('pair + neighbour-role + gazetteer hashes = the static hashes minus the intrinsic ones, for %j', (words) => {
    const stats = docStats([words, ['the', 'red', 'cross', 'said', 'Lisbon', 'won']], true);
    const cache = new WordCache();
    const infos = words.map((w) => cache.get(w, res));
    const caps = words.every((w) => w === w.toUpperCase());
    const got: number[][] = words.map(() => []);
    const nbAt = (k: number): Int32Array => (k < 0 ? BOUNDARY_NB.start : k >= words.length ? BOUNDARY_NB.end : infos[k]!.nb);
    words.forEach((_, i) => {
      contextPairHashes(i, infos, words, caps, stats, (h) => got[i]!.push(h));
      // Roles: the word at i-1, i+1, i-2, i+2.
      [i - 1, i + 1, i - 2, i + 2].forEach((k, r) => {
        for (const slot of NEIGHBOUR_ROLES[r]!) got[i]!.push(nbAt(k)[slot]! >>> 0);
      });
    });
    gazetteerHashes(infos.map((x) => x.lw), res, (i, h) => got[i]!.push(h));
    const want = staticHashes(words, res, stats, cache).map((hs, i) => hs.slice(infos[i]!.hashes.length).sort());
    expect(got.map((h) => h.sort())).toEqual(want);
  });
});

describe('DocHistory.hashes', () => {
  it.each<[string[]]>([[['Marchuk', 'met', 'Lisbon', 'officials']], [['MARCHUK', 'IN', 'LISBON']], [['Kharkiv', 'Red', 'Cross', '2024']], [['the', 'end']]])(
    'equals the hashed features for %j',
    (words) => {
      const h = new DocHistory();
      const idx = (t: string): number => TAGS.indexOf(t as (typeof TAGS)[number]);
      h.record(['Olena', 'Marchuk', 'visited', 'Lisbon'], [idx('B-PER'), idx('L-PER'), 0, idx('U-LOC')]);
      h.record(['Lisbon', 'Red', 'Cross'], [idx('U-ORG'), idx('B-ORG'), idx('L-ORG')]);
      expect(h.hashes(words)).toEqual(h.features(words).map((f) => f.map(hashFeature)));
      const visited: number[][] = words.map(() => []);
      h.visitHashes(words, (i, x) => visited[i]!.push(x));
      expect(visited).toEqual(h.hashes(words));
    },
  );
});
