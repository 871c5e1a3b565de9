import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { NewArticle } from '../store/types.js';
import type { EntityMention, Extraction } from '../types.js';
import { storyEntities, storyReport } from './analyze.js';

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
  });
});
