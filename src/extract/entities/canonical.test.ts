import { describe, expect, it } from 'vitest';
import type { EntityMention, EntityType, Mention } from '../../types.js';
import { prepareDoc } from '../common/text.js';
import { canonicalKey, linkRefiner, outletRefiner, sameEntity, stripTitles, typeConsistencyRefiner } from './canonical.js';

const ctx = { reference: { value: '2024-08-06', inferred: false }, prior: [] };

/** Builds entity mentions for `text` from [surface, type] pairs (first occurrence after the previous). */
function ents(text: string, spans: Array<[string, EntityType]>): EntityMention[] {
  let from = 0;
  return spans.map(([s, type]) => {
    const start = text.indexOf(s, from);
    if (start < 0) throw new Error(`test: ${s} not in text`);
    from = start + s.length;
    return { kind: 'entity', start, end: start + s.length, text: s, type, canonical: s, extractor: 'test', reasons: [] };
  });
}

function run(text: string, spans: Array<[string, EntityType]>): EntityMention[] {
  const doc = prepareDoc({ id: 't', text });
  let ms: Mention[] = ents(text, spans);
  for (const r of [outletRefiner, typeConsistencyRefiner, linkRefiner]) ms = r.refine(ms, doc, ctx);
  return (ms.filter((m) => m.kind === 'entity') as EntityMention[]).sort((a, b) => a.start - b.start);
}

describe('canonicalKey', () => {
  it.each([
    ['Zelensky', 'Zelenskyy'],
    ['Zelenskiy', 'Zelenskyy'],
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy'],
    ['Syrskiy', 'Syrskyi'],
    ['Kiev', 'Kyiv'],
    ['Kharkov', 'Kharkiv'],
    ['Mr. Biden', 'Biden'],
    ['President Joe Biden', 'Joe Biden'],
    ['the Wall Street Journal', 'Wall Street Journal'],
    ['Aleksandr Lukashenko', 'Alexandr Lukashenko'],
    ['Mikhail', 'Mihail'],
    ['Café Müller', 'Cafe Muller'],
    ['Kremlin-backed', 'Kremlin backed'],
  ])('%s ~ %s', (a, b) => {
    expect(canonicalKey(a)).toBe(canonicalKey(b));
  });

  it.each([
    ['Zelensky', 'Zelenska'],
    ['Biden', 'Bidet'],
    ['Kyiv', 'Kursk'],
    ['Joe Biden', 'Hunter Biden'],
    ['Georgia', 'George'],
  ])('%s is not %s', (a, b) => {
    expect(canonicalKey(a)).not.toBe(canonicalKey(b));
  });

  it.skip('Aleksandr ~ Alexander (known failure: the vowel differs; needs a given-name variant table)', () => {
    expect(canonicalKey('Aleksandr Lukashenko')).toBe(canonicalKey('Alexander Lukashenko'));
  });

  it('is pure and total on odd input', () => {
    expect(canonicalKey('')).toBe('');
    expect(canonicalKey('  ...  ')).toBe('');
    expect(canonicalKey('ZELENSKYY')).toBe(canonicalKey('Zelensky'));
  });

  it('finishes on adversarial input', () => {
    expect(canonicalKey('y'.repeat(100_000)).length).toBeGreaterThan(0);
    expect(canonicalKey('the '.repeat(50_000)).length).toBeGreaterThan(0);
  });
});

describe('sameEntity', () => {
  it.each([
    ['Zelensky', 'Volodymyr Zelenskyy', true],
    ['Volodymyr Zelensky', 'Zelenskyy', true],
    ['Oleksandr Syrskyi', 'Syrskiy', true],
    ['Kiev', 'Kyiv', true],
    ['Joe Biden', 'Hunter Biden', false],
    ['Biden', 'Harris', false],
    ['', 'Biden', false],
  ])('%s vs %s -> %s', (a, b, want) => {
    expect(sameEntity(a, b)).toBe(want);
  });
});

describe('stripTitles', () => {
  it.each([
    ['Mr Biden', 'Biden'],
    ['Mr. Biden', 'Biden'],
    ['President Joe Biden', 'Joe Biden'],
    ['Gen. Oleksandr Syrskyi', 'Oleksandr Syrskyi'],
    ['Biden', 'Biden'],
    ['President', 'President'],
  ])('%s -> %s', (a, b) => {
    expect(stripTitles(a)).toBe(b);
  });
});

describe('within-article linking', () => {
  it.each<[string, string, Array<[string, EntityType]>, Array<[string, string]>]>([
    [
      'surname and title to the full name',
      'Joe Biden met donors on Tuesday. Biden said little. Later Mr Biden left.',
      [['Joe Biden', 'PER'], ['Biden', 'PER'], ['Mr Biden', 'PER']],
      [['Joe Biden', 'Joe Biden'], ['Biden', 'Joe Biden'], ['Mr Biden', 'Joe Biden']],
    ],
    [
      'the most used of equally long spellings, not the first',
      'The Skylance launchers arrived. Two SKYLANCE batteries fired; SKYLANCE crews moved on.',
      [['Skylance', 'MISC'], ['SKYLANCE', 'MISC'], ['SKYLANCE', 'MISC']],
      [['Skylance', 'SKYLANCE'], ['SKYLANCE', 'SKYLANCE'], ['SKYLANCE', 'SKYLANCE']],
    ],
    [
      'spelling variants of a surname',
      'Volodymyr Zelenskyy spoke in the evening. Zelensky later thanked allies.',
      [['Volodymyr Zelenskyy', 'PER'], ['Zelensky', 'PER']],
      [['Volodymyr Zelenskyy', 'Volodymyr Zelenskyy'], ['Zelensky', 'Volodymyr Zelenskyy']],
    ],
    [
      'acronym of an organisation named in full',
      'The European Union agreed a package. The EU will pay in March.',
      [['European Union', 'ORG'], ['EU', 'ORG']],
      [['European Union', 'European Union'], ['EU', 'European Union']],
    ],
    [
      'exonym to the current name',
      'Sirens sounded in Kiev overnight.',
      [['Kiev', 'LOC']],
      [['Kiev', 'Kyiv']],
    ],
    [
      'nearest preceding full name wins for a shared surname',
      'Hunter Biden appeared in court. Joe Biden spoke later. Biden said he was proud.',
      [['Hunter Biden', 'PER'], ['Joe Biden', 'PER'], ['Biden', 'PER']],
      [['Hunter Biden', 'Hunter Biden'], ['Joe Biden', 'Joe Biden'], ['Biden', 'Joe Biden']],
    ],
  ])('%s', (_label, text, spans, want) => {
    const got = run(text, spans).map((e) => [e.text, e.canonical]);
    expect(got).toEqual(want);
  });

  it.each<[string, string, Array<[string, EntityType]>, Array<[string, string]>]>([
    [
      'a lone surname without a full name stays as written',
      'Biden said little on Tuesday.',
      [['Biden', 'PER']],
      [['Biden', 'Biden']],
    ],
    [
      'an acronym that matches no full name stays as written',
      'The European Union met. NATO did not.',
      [['European Union', 'ORG'], ['NATO', 'ORG']],
      [['European Union', 'European Union'], ['NATO', 'NATO']],
    ],
  ])('negative: %s', (_label, text, spans, want) => {
    expect(run(text, spans).map((e) => [e.text, e.canonical])).toEqual(want);
  });
});

describe('outlets', () => {
  it('marks outlet names and links the short form when the text names the outlet', () => {
    const text = 'The Wall Street Journal reported the talks first. According to the Journal, a deal is near.';
    const got = run(text, [['Wall Street Journal', 'ORG']]);
    expect(got.map((e) => [e.start, e.end, e.text, e.type, e.canonical, e.subtype])).toEqual([
      [4, 23, 'Wall Street Journal', 'ORG', 'The Wall Street Journal', 'outlet'],
      [text.indexOf('Journal,'), text.indexOf('Journal,') + 7, 'Journal', 'ORG', 'The Wall Street Journal', 'outlet'],
    ]);
  });

  it('adds a newly listed outlet and keeps "The" outside the span', () => {
    const text = 'The Moscow Times reported the arrests.';
    expect(run(text, []).map((e) => [e.start, e.end, e.text, e.canonical, e.subtype])).toEqual([[4, 16, 'Moscow Times', 'The Moscow Times', 'outlet']]);
  });

  it('adds an unambiguous outlet the model missed', () => {
    const text = 'The Kyiv Independent said the strike hit a school.';
    const got = run(text, []);
    expect(got.map((e) => [e.start, e.end, e.text, e.canonical, e.subtype])).toEqual([[4, 20, 'Kyiv Independent', 'The Kyiv Independent', 'outlet']]);
  });

  it.each([
    ['a short form alone is not linked', 'According to the Journal, a deal is near.', []],
    ['a two-letter alias alone is not added', 'He said AP was there.', []],
    ['an alias inside a longer word is not matched', 'The Reutersville fair opened.', []],
    ['an all-caps alias in a headline is not added', 'TIME TO ACT ON PRICES', []],
    ['a common-word alias is not added', 'Insider trading charges were filed.', []],
  ])('negative: %s', (_label, text, spans) => {
    expect(run(text, spans as Array<[string, EntityType]>)).toEqual([]);
  });

  it('leaves a person named like an outlet alone', () => {
    const text = 'Michael Bloomberg spoke. Bloomberg said he would run.';
    const got = run(text, [['Michael Bloomberg', 'PER'], ['Bloomberg', 'PER']]);
    expect(got.map((e) => [e.text, e.type, e.subtype ?? null])).toEqual([
      ['Michael Bloomberg', 'PER', null],
      ['Bloomberg', 'PER', null],
    ]);
  });
});

describe('type consistency', () => {
  it.each<[string, string, Array<[string, EntityType]>, Array<[string, EntityType, string]>]>([
    [
      'a spelling variant of a named person is retyped PER and linked',
      'Gen. Oleksandr Syrskyi spoke. Syrskiy said the line held.',
      [['Oleksandr Syrskyi', 'PER'], ['Syrskiy', 'LOC']],
      [['Oleksandr Syrskyi', 'PER', 'Oleksandr Syrskyi'], ['Syrskiy', 'PER', 'Oleksandr Syrskyi']],
    ],
    [
      'an untagged surname of a named person is added',
      'Volodymyr Zelenskiy spoke on Tuesday. Zelensky told reporters the front was stable.',
      [['Volodymyr Zelenskiy', 'PER']],
      [['Volodymyr Zelenskiy', 'PER', 'Volodymyr Zelenskiy'], ['Zelensky', 'PER', 'Volodymyr Zelenskiy']],
    ],
  ])('%s', (_label, text, spans, want) => {
    expect(run(text, spans).map((e) => [e.text, e.type, e.canonical])).toEqual(want);
  });

  it.each<[string, string, Array<[string, EntityType]>]>([
    ['a lowercase word equal to a surname', 'Anna Rose spoke. The rose garden was closed.', [['Anna Rose', 'PER']]],
    ['an all-caps headline word', 'ANNA ROSE WINS\n\nAnna Rose won.', [['Anna Rose', 'PER']]],
  ])('negative: %s is not added', (_label, text, spans) => {
    expect(run(text, spans).map((e) => e.text)).toEqual(['Anna Rose']);
  });


  it('a surname of a named person is PER; otherwise the majority type wins', () => {
    const text = 'Anna Kowalczyk won. Kowalczyk thanked Acme Corp. Acme Corp and Acme Corp grew.';
    const got = run(text, [['Anna Kowalczyk', 'PER'], ['Kowalczyk', 'LOC'], ['Acme Corp', 'LOC'], ['Acme Corp', 'ORG'], ['Acme Corp', 'ORG']]);
    expect(got.map((e) => [e.text, e.type])).toEqual([
      ['Anna Kowalczyk', 'PER'],
      ['Kowalczyk', 'PER'],
      ['Acme Corp', 'ORG'],
      ['Acme Corp', 'ORG'],
      ['Acme Corp', 'ORG'],
    ]);
  });
});
