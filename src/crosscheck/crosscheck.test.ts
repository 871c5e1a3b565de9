import { describe, expect, it } from 'vitest';
import type { AttributionMention, Extraction, QuantityMention, TimexMention } from '../types.js';
import { alignClaims, claimInterval, pairVerdict } from './align.js';
import { articleClaims, type ClaimInfo, type CrossArticle } from './claims.js';
import { crossCheck } from './index.js';
import { buildTimeline } from './timeline.js';

// Invented articles with hand-made extractions, so these tests do not depend on other extractors.
function at(text: string, sub: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(sub, from);
  if (start < 0) throw new Error(`fixture: "${sub}" not in text`);
  return { start, end: start + sub.length, text: sub };
}
function qty(text: string, sub: string, value: number | [number, number], unit: string, extra: Partial<QuantityMention> = {}): QuantityMention {
  return { kind: 'quantity', extractor: 'test', reasons: [], ...at(text, sub), value, unit, ...extra };
}
function cite(text: string, cue: string, cites: string): AttributionMention {
  return { kind: 'attribution', extractor: 'test', reasons: [], ...at(text, cue), speaker: null, cue: at(text, cue), content: null, cites };
}
function timex(text: string, sub: string, value: string): TimexMention {
  return { kind: 'time', extractor: 'test', reasons: [], ...at(text, sub), type: 'DATE', value, stated: [], implied: [] };
}
function art(id: string, text: string, m: { q?: QuantityMention[]; a?: AttributionMention[]; t?: TimexMention[] }, more: Partial<CrossArticle> = {}): CrossArticle {
  const extraction: Extraction = { id, entities: [], timexes: m.t ?? [], places: [], quantities: m.q ?? [], attributions: m.a ?? [], published: null };
  return { id, text, source: null, extraction, ...more };
}

const A1 = 'The new Kestrel rocket has a range of about 300 kilometers, officials said. It was tested on Monday.';
const A2 = 'Analysts noted that the longest range of the Kestrel rocket is 100 km, far less than claimed.';
const B1 = 'The rebels have pushed at least 20 miles into the northern province, the Daily Ledger reported.';
const B2 = 'Rebel fighters have pushed at least 20 miles into the northern province, per the Ledger.';
const B3 = 'Government troops retook 12 villages near the coast.';
const C1 = 'The militia fired more than 200 rockets and shells at the port overnight. Officials counted about 120 rockets and 90 shells.';

const km = (v: number) => ({ normalized: { value: v, unit: 'km' } });

describe('claimInterval', () => {
  it.each([
    [{ value: 20, normalized: null, qualifier: '>' as const }, 19, Infinity],
    [{ value: 20, normalized: null, qualifier: '<' as const }, 0, 21],
    [{ value: 100, normalized: null, qualifier: '~' as const }, 80, 120],
    [{ value: [3, 5] as [number, number], normalized: null, qualifier: '=' as const }, 3, 5],
    [{ value: 20, normalized: { value: 32.18688, unit: 'km' }, qualifier: '=' as const }, 32.18688 * 0.95, 32.18688 * 1.05],
    [{ value: 74, normalized: null, qualifier: '=' as const, dimension: 'count' }, 74, 74],
    [{ value: 1000, normalized: null, qualifier: '=' as const, dimension: 'count' }, 950, 1050],
    [{ value: 74, normalized: null, qualifier: '>' as const, dimension: 'count' }, 74 * 0.95, Infinity],
  ])('%j', (c, lo, hi) => {
    const iv = claimInterval(c);
    expect(iv.lo).toBeCloseTo(lo, 6);
    if (hi === Infinity) expect(iv.hi).toBe(Infinity);
    else expect(iv.hi).toBeCloseTo(hi, 6);
  });
});

describe('pairVerdict', () => {
  const c = (value: number | [number, number], qualifier: ClaimInfo['qualifier'], normalized: number | null = null): ClaimInfo =>
    ({ value, qualifier, normalized: normalized === null ? null : { value: normalized, unit: 'km' } }) as ClaimInfo;
  it.each([
    ['"at least 20 miles" vs "20 miles"', c(20, '>', 32.19), c(20, '=', 32.19), 'refine'],
    ['"at least 20 miles" vs "at least 20 miles"', c(20, '>', 32.19), c(20, '>', 32.19), 'agree'],
    ['"about 300 km" vs "100 km"', c(300, '~'), c(100, '='), 'contradict'],
    ['"20 miles" vs "32 km"', c(20, '=', 32.19), c(32, '='), 'agree'],
    ['"more than 200" vs "210"', c(200, '>'), c(210, '='), 'refine'],
    ['"up to 50" vs "70"', c(50, '<'), c(70, '='), 'contradict'],
    ['"3 to 5" vs "4"', c([3, 5], '='), c(4, '='), 'refine'],
    ['"about 1,000" vs "1,050"', c(1000, '~'), c(1050, '~'), 'agree'],
  ])('%s -> %s', (_name, a, b, v) => expect(pairVerdict(a, b)).toBe(v));
});

describe('articleClaims', () => {
  it('takes measure words around the figure and the citation of the sentence', () => {
    const a = art('b1', B1, { q: [qty(B1, '20 miles', 20, 'mi', { qualifier: '>', ...km(32.18688) })], a: [cite(B1, 'reported', 'The Daily Ledger')] });
    const [c] = articleClaims(a);
    expect(c).toBeDefined();
    expect(c!.dimension).toBe('length');
    expect(c!.terms).toEqual(expect.arrayContaining(['rebel', 'push', 'northern', 'provinc']));
    expect(c!.cites).toBe('The Daily Ledger');
    expect(c!.sentence.text).toBe(B1);
    expect(c!.span).toEqual({ start: B1.indexOf('20 miles'), end: B1.indexOf('20 miles') + 8, text: '20 miles' });
  });
  it('quotes the evidence sentence without its opening dateline', () => {
    const t = 'LAKEPORT, Freedonia (Coast Wire) — The storm destroyed at least 40 houses in the fishing village.';
    const [c] = articleClaims(art('l1', t, { q: [qty(t, '40', 40, '', { qualifier: '>', counted: at(t, 'houses') })] }));
    expect(c!.sentence.text).toBe('The storm destroyed at least 40 houses in the fishing village.');
    expect(t.slice(c!.sentence.start, c!.sentence.end)).toBe(c!.sentence.text);
    expect(c!.terms).not.toContain('lakeport');
  });

  it('inherits a citation from the sentence just before', () => {
    const t = 'Rebels gained ground, the Daily Ledger reported. They have pushed at least 20 miles into the province.';
    const [c] = articleClaims(art('x', t, { q: [qty(t, '20 miles', 20, 'mi', { qualifier: '>' })], a: [cite(t, 'reported', 'The Daily Ledger')] }));
    expect(c!.cites).toBe('The Daily Ledger');
  });
  it('skips durations and articles without extraction', () => {
    const t = 'The talks lasted six days in the capital.';
    expect(articleClaims(art('d', t, { q: [qty(t, 'six days', 6, 'day', { normalized: { value: 6, unit: 'day' } })] }))).toEqual([]);
    expect(articleClaims({ id: 'n', text: t, extraction: null })).toEqual([]);
  });
});

describe('alignClaims', () => {
  const kestrel1 = art('k1', A1, { q: [qty(A1, '300 kilometers', 300, 'km', { qualifier: '~', counted: at(A1, 'range'), ...km(300) })] }, { source: 'Wire One' });
  const kestrel2 = art('k2', A2, { q: [qty(A2, '100 km', 100, 'km', km(100))] }, { source: 'Analyst Weekly' });
  const adv1 = art('b1', B1, { q: [qty(B1, '20 miles', 20, 'mi', { qualifier: '>', ...km(32.18688) })], a: [cite(B1, 'reported', 'The Daily Ledger')] }, { source: 'Herald' });
  const adv2 = art('b2', B2, { q: [qty(B2, '20 miles', 20, 'mi', { qualifier: '>', ...km(32.18688) })], a: [cite(B2, 'per', 'The Daily Ledger')] }, { source: 'Courier' });
  const other = art('b3', B3, { q: [qty(B3, '12', 12, '', { counted: at(B3, 'villages') })] });

  it('flags a contradicted range, and counts a figure from one newspaper as one origin', () => {
    const arts = [kestrel1, kestrel2, adv1, adv2, other];
    const groups = alignClaims(arts.flatMap(articleClaims), arts);
    const range = groups.find((g) => g.claims.some((c) => c.articleId === 'k1'));
    expect(range?.verdict).toBe('contradict');
    expect(range?.claims.map((c) => c.articleId)).toEqual(['k1', 'k2']);
    expect(range?.measure).toMatch(/range/);
    const adv = groups.find((g) => g.claims.some((c) => c.articleId === 'b1'));
    expect(adv?.verdict).toBe('agree');
    expect(adv?.independentSources).toEqual(['The Daily Ledger']);
    // A figure only one article states is not a group.
    expect(groups.some((g) => g.claims.some((c) => c.articleId === 'b3'))).toBe(false);
  });

  it('labels a group by its counted thing, what happened to it, and the shared words nearest the figure, without time words', () => {
    const t1 = 'On Tuesday morning the flood at the Tallis spillway killed at least 14 people in the valley, officials said.';
    const t2 = 'By Tuesday morning 14 people had died in the valley below the Tallis spillway.';
    const t3 = 'Rescue crews used two army helicopters on Tuesday morning.';
    const t4 = 'The army kept two helicopters in the valley on Tuesday morning.';
    const a = art('d1', t1, { q: [qty(t1, '14', 14, '', { qualifier: '>', counted: at(t1, 'people') })] });
    const b = art('d2', t2, { q: [qty(t2, '14', 14, '', { counted: at(t2, 'people') })] });
    const c = art('h1', t3, { q: [qty(t3, 'two', 2, '', { counted: at(t3, 'army helicopters') })] });
    const d = art('h2', t4, { q: [qty(t4, 'two', 2, '', { counted: at(t4, 'helicopters') })] });
    const groups = alignClaims([a, b, c, d].flatMap(articleClaims), [a, b, c, d]);
    const label = (id: string): string | undefined => groups.find((g) => g.claims.some((x) => x.articleId === id))?.measure;
    // "died" is said by both; "Tuesday" and "morning" are left out; the words stand nearest the figure.
    expect(label('d1')).toBe('people died (Tallis, spillway, valley)');
    // "rescue" is said by one article only: no event in the label.
    expect(label('h1')).toBe('army helicopters');
  });

  it('collapses syndicated copies to the original outlet', () => {
    const t1 = 'The storm destroyed at least 40 houses in the fishing village.';
    const orig = art('o', t1, { q: [qty(t1, '40', 40, '', { qualifier: '>', counted: at(t1, 'houses') })] }, { source: 'Coast Wire' });
    const copy = art('c', t1, { q: [qty(t1, '40', 40, '', { qualifier: '>', counted: at(t1, 'houses') })] }, { source: 'Inland Daily', duplicateOf: 'o' });
    const [g] = alignClaims([orig, copy].flatMap(articleClaims), [orig, copy]);
    expect(g?.independentSources).toEqual(['Coast Wire']);
  });

  it('counts two outlets quoting the same named speaker as one origin', () => {
    const t1 = 'General Mara Quist said her forces had taken 74 villages.';
    const t2 = 'Her forces have taken 74 villages, General Quist told reporters on Monday.';
    const said = (t: string, speaker: string, cue: string, content: string): AttributionMention => ({
      kind: 'attribution', extractor: 'test', reasons: [], ...at(t, cue), speaker: at(t, speaker), cue: at(t, cue), content: at(t, content), speakerCanonical: 'Mara Quist',
    });
    const a = art('q1', t1, { q: [qty(t1, '74', 74, '', { counted: at(t1, 'villages') })], a: [said(t1, 'General Mara Quist', 'said', 'her forces had taken 74 villages')] }, { source: 'Herald' });
    const b = art('q2', t2, { q: [qty(t2, '74', 74, '', { counted: at(t2, 'villages') })], a: [said(t2, 'General Quist', 'told', 'Her forces have taken 74 villages')] }, { source: 'Courier' });
    const [g] = alignClaims([a, b].flatMap(articleClaims), [a, b]);
    expect([g?.verdict, g?.independentSources]).toEqual(['agree', ['Mara Quist']]);
  });

  it('checks a total against the sum of its parts', () => {
    const a = art('m', C1, {
      q: [
        qty(C1, '200', 200, '', { qualifier: '>', counted: at(C1, 'rockets and shells') }),
        qty(C1, '120', 120, '', { qualifier: '~', counted: at(C1, 'rockets', C1.indexOf('120')) }),
        qty(C1, '90', 90, '', { counted: at(C1, 'shells', C1.indexOf('90')) }),
      ],
    });
    const groups = alignClaims(articleClaims(a), [a]);
    expect(groups.map((g) => g.verdict)).toEqual(['consistent-aggregate']);
    expect(groups[0]!.claims.map((c) => c.value)).toEqual([200, 120, 90]);
  });

  it('does not align counts of different things', () => {
    const t1 = 'Troops took 74 villages.';
    const t2 = 'Troops took 74 bridges.';
    const a = art('a', t1, { q: [qty(t1, '74', 74, '', { counted: at(t1, 'villages') })] });
    const b = art('b', t2, { q: [qty(t2, '74', 74, '', { counted: at(t2, 'bridges') })] });
    expect(alignClaims([a, b].flatMap(articleClaims), [a, b])).toEqual([]);
  });

  const count = (id: string, text: string, n: string, counted: string) => art(id, text, { q: [qty(text, n, Number(n), '', { counted: at(text, counted) })] }, { source: `Outlet ${id}` });
  it.each([
    ['towns and villages ~ communities', 'Rebel forces have taken 74 towns and villages in the border region.', 'towns and villages', 'Rebel forces have reportedly taken 74 communities in the border region.', 'communities', 'agree'],
    ['settlements ~ communities', 'The army says rebel forces hold 74 settlements in the border region.', 'settlements', 'Rebel forces now hold 70 communities in the border region, the army says.', 'communities', 'contradict'],
    ['troops ~ soldiers', 'About 1000 troops crossed the border region overnight, officials said.', 'troops', 'Officials said 1000 soldiers crossed the border region overnight.', 'soldiers', 'agree'],
  ])('aligns counts of one class worded differently: %s', (_name, t1, c1, t2, c2, verdict) => {
    const n1 = /\d+/.exec(t1)![0];
    const n2 = /\d+/.exec(t2)![0];
    const arts = [count('a', t1, n1, c1), count('b', t2, n2, c2)];
    const groups = alignClaims(arts.flatMap(articleClaims), arts);
    expect(groups.map((g) => [g.verdict, g.claims.map((c) => c.articleId)])).toEqual([[verdict, ['a', 'b']]]);
  });
  it('keeps counts of one thing apart when different things happened to it', () => {
    const t1 = 'Eleven people died in the flood after the dam failed, officials said.';
    const t2 = 'Officials counted 5000 people who had left their homes after the dam failed.';
    const t3 = 'At least 14 people were killed when the dam failed, officials said.';
    const a = art('a', t1, { q: [qty(t1, 'Eleven', 11, '', { counted: at(t1, 'people') })] }, { source: 'One' });
    const b = art('b', t2, { q: [qty(t2, '5000', 5000, '', { counted: at(t2, 'people') })] }, { source: 'Two' });
    const c = art('c', t3, { q: [qty(t3, '14', 14, '', { qualifier: '>', counted: at(t3, 'people') })] }, { source: 'Three' });
    const groups = alignClaims([a, b, c].flatMap(articleClaims), [a, b, c]);
    expect(groups.map((g) => [g.verdict, g.claims.map((x) => x.articleId)])).toEqual([['contradict', ['a', 'c']]]);
  });

  it.each([
    ['towns vs villages', 'Rebel forces have taken 12 towns in the border region.', 'towns', 'Rebel forces have taken 30 villages in the border region.', 'villages'],
    ['towns vs communities (a kind is not the class)', 'Rebel forces have taken 12 towns in the border region.', 'towns', 'Rebel forces have taken 30 communities in the border region.', 'communities'],
    ['soldiers vs towns', 'Rebel forces with 74 soldiers took the border region.', 'soldiers', 'Rebel forces took 74 towns in the border region.', 'towns'],
  ])('keeps counts of different things apart: %s', (_name, t1, c1, t2, c2) => {
    const arts = [count('a', t1, /\d+/.exec(t1)![0], c1), count('b', t2, /\d+/.exec(t2)![0], c2)];
    expect(alignClaims(arts.flatMap(articleClaims), arts)).toEqual([]);
  });
});

describe('buildTimeline', () => {
  it('merges same-date sentences that tell one event and keeps unresolved dates apart', () => {
    const t1 = 'The dam failed on 4 May 2031, flooding the valley. Repairs began later.';
    const t2 = 'Engineers said the dam failed on May 4, flooding the valley below.';
    const t3 = 'A new inquiry opens this Saturday.';
    const events = buildTimeline([
      art('1', t1, { t: [timex(t1, '4 May 2031', '2031-05-04')] }),
      art('2', t2, { t: [timex(t2, 'May 4', '2031-05-04')] }),
      art('3', t3, { t: [timex(t3, 'this Saturday', 'XXXX-WXX-6')] }),
    ]);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ when: '2031-05-04', resolved: true });
    expect(events[0]!.citations.map((c) => c.articleId)).toEqual(['1', '2']);
    expect(events[0]!.citations[0]).toEqual({ articleId: '1', start: 0, end: t1.indexOf(' Repairs') });
    expect(events[1]).toMatchObject({ when: 'this Saturday', resolved: false });
  });

  it('leaves wire photo captions out (they date a picture, not an event)', () => {
    const t = 'Rescuers carry sandbags along the flooded quay in Lakeport, Freedonia May 5, 2031. The dam failed on May 4, flooding the valley.';
    const events = buildTimeline([art('1', t, { t: [timex(t, 'May 5, 2031', '2031-05-05'), timex(t, 'May 4', '2031-05-04')] })]);
    expect(events.map((e) => e.when)).toEqual(['2031-05-04']);
  });

  it('quotes and cites the event without its opening dateline', () => {
    const t = 'LAKEPORT, Freedonia (Coast Wire) — The dam failed on May 4, flooding the valley.';
    const [e] = buildTimeline([art('1', t, { t: [timex(t, 'May 4', '2031-05-04')] })]);
    expect(e?.what).toBe('The dam failed on May 4, flooding the valley.');
    expect(t.slice(e!.citations[0]!.start, e!.citations[0]!.end)).toBe(e!.what);
  });
});

describe('crossCheck', () => {
  it('returns groups (contradictions first), a timeline and a cited brief', () => {
    const t1 = A1 + ' The launch site sits on the northern coast of the island.';
    const a = art('k1', t1, { q: [qty(t1, '300 kilometers', 300, 'km', { qualifier: '~', counted: at(t1, 'range'), ...km(300) })] });
    const b = art('k2', A2, { q: [qty(A2, '100 km', 100, 'km', km(100))] });
    const r = crossCheck([a, b], 40);
    expect(r.groups[0]?.verdict).toBe('contradict');
    expect(r.brief.length).toBeGreaterThan(0);
    for (const s of r.brief) {
      const src = s.articleId === 'k1' ? t1 : A2;
      expect(src.slice(s.start, s.end)).toBe(s.text);
    }
  });
});
