import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { NewArticle } from '../store/types.js';
import type { EntityMention, Extraction } from '../types.js';
import { storyToMarkdown } from '../report/markdown.js';
import { analyzeNew, STORY_REFERENCE, storyEntities, storyReport } from './analyze.js';

const T0 = '2031-09-01T10:00:00.000Z';
let n = 0;
function article(text: string, published: string | null): NewArticle {
  n++;
  return { input: `mem-${n}.txt`, status: 'ok', title: `Report ${n}`, byline: null, published, source: 'Valley Courier', url: null, lang: 'en', text, contentHash: createHash('sha256').update(`${n}|${text}`).digest('hex') };
}
function mention(canonical: string, type: EntityMention['type']): EntityMention {
  return { kind: 'entity', start: 0, end: canonical.length, text: canonical, type, canonical, extractor: 'test', reasons: ['fixture'] };
}
function extraction(id: string, published: Extraction['published'], entities: EntityMention[] = []): Extraction {
  return { id, entities, timexes: [], places: [], quantities: [], attributions: [], published };
}

describe('storyEntities', () => {
  it('pools a real thing across tagger types and spellings, and takes the majority type', () => {
    const rows = storyEntities([
      extraction('a', null, [mention('Lorrin', 'LOC'), mention('Lorrin', 'LOC'), mention('Lorrin', 'PER'), mention('U.S.', 'LOC')]),
      extraction('b', null, [mention('Lorrin', 'LOC'), mention('US', 'ORG'), mention('US', 'ORG'), mention('Mara Quist', 'PER')]),
    ]);
    expect(rows).toEqual([
      { name: 'Lorrin', type: 'LOC', count: 4 },
      { name: 'US', type: 'ORG', count: 3 },
      { name: 'Mara Quist', type: 'PER', count: 1 },
    ]);
  });
});

describe('storyEntities names', () => {
  it('prefers mixed case to dateline capitals, keeps a word mostly written in capitals as an acronym, title-cases capitals of several words, keeps acronyms, and types outlets ORG', () => {
    const rows = storyEntities(
      [
        extraction('a', null, [mention('KESTREL FALLS', 'LOC'), mention('KESTREL FALLS', 'LOC'), mention('Kestrel Falls', 'LOC'), mention('PORT ALDER', 'ORG')]),
        extraction('b', null, [mention('ATACMS', 'MISC'), mention('Northern Wire', 'LOC'), mention('Northern Wire', 'LOC')]),
        extraction('c', null, [mention('VALMERE', 'LOC'), mention('VALMERE', 'LOC'), mention('Valmere', 'LOC')]),
        extraction('d', null, [mention('SKYLANCE', 'MISC'), mention('SKYLANCE', 'MISC'), mention('SKYLANCE', 'MISC'), mention('Skylance', 'MISC')]),
      ],
      ['Northern Wire', 'Daily Ledger'],
    );
    expect(rows).toEqual([
      { name: 'SKYLANCE', type: 'MISC', count: 4 },
      { name: 'Kestrel Falls', type: 'LOC', count: 3 },
      { name: 'Valmere', type: 'LOC', count: 3 },
      { name: 'Northern Wire', type: 'ORG', count: 2 },
      { name: 'ATACMS', type: 'MISC', count: 1 },
      { name: 'Port Alder', type: 'ORG', count: 1 },
    ]);
  });
});

describe('storyReport dates', () => {
  const text = 'The Lorrin council approved a budget of 420 million euros on Friday after a long debate.';
  async function reportFor(dates: Array<{ given: string | null; inferred: string | null }>) {
    const store = await openSqliteStore(':memory:');
    try {
      for (const [i, d] of dates.entries()) {
        const r = await store.addArticle(article(`${text} Item ${i}.`, d.given), T0);
        await store.saveExtraction(r.id, extraction(r.id, d.inferred ? { value: d.inferred, inferred: true, confidence: 0.6 } : d.given ? { value: d.given, inferred: false } : null));
        await store.assignStory(r.id, 's1', 'Lorrin budget');
      }
      return await storyReport(store, (await store.getStory('s1'))!);
    } finally {
      await store.close();
    }
  }

  it('uses inferred publication dates, flagged, when no article carries a given one', async () => {
    const r = await reportFor([{ given: null, inferred: '2031-06-07' }, { given: null, inferred: '2031-06-05' }, { given: null, inferred: null }]);
    expect([r.story.firstSeen, r.story.lastSeen, r.datesInferred]).toEqual(['2031-06-05', '2031-06-07', true]);
    expect(r.articles.map((a) => [a.published, a.publishedInferred ?? false])).toEqual([['2031-06-07', true], ['2031-06-05', true], [null, false]]);
  });

  it('prefers given dates over inferred ones for the range', async () => {
    const r = await reportFor([{ given: '2031-06-06', inferred: null }, { given: null, inferred: '2031-01-01' }]);
    expect([r.story.firstSeen, r.story.lastSeen, r.datesInferred]).toEqual(['2031-06-06', '2031-06-06', undefined]);
  });

  it('keeps the store ingestion range for a story without any date', async () => {
    const r = await reportFor([{ given: null, inferred: null }]);
    expect(r.story.firstSeen).toBe(T0);
    expect(r.datesInferred).toBeUndefined();
    expect(r.undated).toBe(true);
    expect(storyToMarkdown(r)).toContain(`no article is dated (first ingested ${T0.slice(0, 10)})`);
    expect((await reportFor([{ given: '2031-06-06', inferred: null }])).undated).toBeUndefined();
  });
});

describe('undated articles dated by their story', () => {
  const dated =
    'VALDMOOR — The Lorrin river ferry capsized near Valdmoor harbour on Tuesday, the port authority said. ' +
    'Rescue crews from Valdmoor pulled 42 passengers from the cold water of the Lorrin estuary, and the ferry operator Kessel Lines suspended its service.';
  const undated =
    'The Kessel Lines ferry that capsized on the Lorrin river near Valdmoor harbour on Tuesday had been inspected last week, the port authority said. ' +
    'Rescue crews pulled passengers from the Lorrin estuary; the ferry operator suspended service across the Valdmoor crossing. ' +
    'Its engines had been overhauled last month, according to Kessel Lines.';

  async function analyzed(first: NewArticle, second: NewArticle, twoRuns: boolean) {
    const store = await openSqliteStore(':memory:');
    const a = await store.addArticle(first, T0);
    if (twoRuns) await analyzeNew(store);
    const b = await store.addArticle(second, T0);
    await analyzeNew(store);
    const [xa, xb] = [await store.getExtraction(a.id), await store.getExtraction(b.id)];
    const [sa, sb] = [(await store.getArticle(a.id))?.storyId, (await store.getArticle(b.id))?.storyId];
    return { store, xa, xb, sa, sb, ids: [a.id, b.id] };
  }

  it('resolves the undated article against its story, flagged approximate', async () => {
    const { store, xb, sa, sb, ids } = await analyzed(article(dated, '2031-03-14'), article(undated, null), false);
    try {
      expect(sb).toBe(sa);
      expect(xb?.published).toEqual({ value: '2031-03-14', inferred: true, confidence: 0.3, reasons: [`${STORY_REFERENCE}${sa}: median of 1 given publication date of its articles`] });
      const tuesday = xb?.timexes.find((t) => t.text === 'Tuesday');
      expect(tuesday?.value).toBe('2031-03-11');
      const r = await storyReport(store, (await store.getStory(sa!))!);
      const b = r.articles.find((x) => x.id === ids[1]);
      expect([b?.published, b?.publishedFromStory]).toEqual(['2031-03-14', true]);
      // the range is the dated article's only
      expect([r.story.firstSeen, r.story.lastSeen]).toEqual(['2031-03-14', '2031-03-14']);
      // Tuesday, dated firmly by the dated article too, is not approximate; last month, only in the undated one, is
      const events = r.timeline.map((e) => [e.when, e.approximate ?? false, e.citations.map((c) => ids.indexOf(c.articleId))]);
      expect(events).toEqual([['2031-02', true, [1]], ['2031-03-11', false, [0, 1]]]);
    } finally {
      await store.close();
    }
  });

  it('dates an earlier undated article when a dated one joins its story later', async () => {
    const { store, xa, sa, sb } = await analyzed(article(undated, null), article(dated, '2031-03-14'), true);
    try {
      expect(sb).toBe(sa);
      expect(xa?.published?.value).toBe('2031-03-14');
      expect(xa?.timexes.find((t) => t.text === 'Tuesday')?.value).toBe('2031-03-11');
    } finally {
      await store.close();
    }
  });

  it('leaves a story without any date undated', async () => {
    const { store, xa, xb, sa, sb } = await analyzed(article(dated, null), article(undated, null), false);
    try {
      expect(sb).toBe(sa);
      expect([xa?.published, xb?.published]).toEqual([null, null]);
    } finally {
      await store.close();
    }
  });
});
