/**
 * The one contract every Store implementation must pass (CONVENTIONS 7). Call `storeContract(name,
 * factory)` from a *.test.ts file per implementation; the factory returns a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/types.js';
import type { NewArticle, Store } from '../../src/store/types.js';

const T0 = '2026-03-02T10:00:00.000Z';

let hashSeq = 0;
/** A fresh fake 64-hex content hash per call (the store treats it as opaque). */
function hash(): string {
  hashSeq++;
  return (hashSeq.toString(16).padStart(8, '0') + 'ab').repeat(7).slice(0, 64);
}

export function article(over: Partial<NewArticle> = {}): NewArticle {
  return {
    input: 'fixtures/harbour.txt',
    status: 'ok',
    title: 'Harbour bridge reopens after repairs',
    byline: 'Mara Quell',
    published: '2026-03-01',
    source: 'Coastline Herald',
    url: null,
    lang: 'en',
    text: 'The Westmouth harbour bridge reopened on Sunday after eleven weeks of repairs, the port authority said.',
    contentHash: hash(),
    fingerprint: new Uint8Array([1, 2, 3, 250]),
    ...over,
  };
}

function extraction(id: string): Extraction {
  return {
    id,
    entities: [{ kind: 'entity', start: 4, end: 13, text: 'Westmouth', type: 'LOC', canonical: 'Westmouth', extractor: 'test', reasons: ['fixture'] }],
    timexes: [],
    places: [],
    quantities: [],
    attributions: [],
    published: { value: '2026-03-01', inferred: false },
  };
}

export function storeContract(name: string, factory: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      expect(await store.countArticles()).toBe(0);
      expect(await store.listArticles()).toEqual([]);
      expect(await store.listStories()).toEqual([]);
      expect(await store.getArticle('nope')).toBeNull();
      expect(await store.getExtraction('nope')).toBeNull();
      expect(await store.getStory('nope')).toBeNull();
    });

    it('adds an article and reads every field back', async () => {
      const a = article({ url: 'https://herald.example/bridge', externalId: 'ext-1', publishedFrom: 'metadata', similarity: null });
      const r = await store.addArticle(a, T0);
      expect(r.kind).toBe('new');
      const got = await store.getArticle(r.id);
      expect(got).toMatchObject({
        id: r.id,
        input: a.input,
        status: 'ok',
        title: a.title,
        byline: a.byline,
        published: a.published,
        source: a.source,
        url: a.url,
        lang: 'en',
        text: a.text,
        externalId: 'ext-1',
        publishedFrom: 'metadata',
        contentHash: a.contentHash,
        duplicateOf: null,
        similarity: null,
        ingestedAt: T0,
        storyId: null,
      });
      expect(await store.countArticles()).toBe(1);
    });

    it('keeps unicode text exactly (offsets depend on it)', async () => {
      const text = 'Łódź — “quoted” 😀 naïve\n\nSecond paragraph.';
      const r = await store.addArticle(article({ text }), T0);
      expect((await store.getArticle(r.id))?.text).toBe(text);
    });

    it('does not store the same content twice', async () => {
      const a = article();
      const first = await store.addArticle(a, T0);
      const again = await store.addArticle({ ...a, input: 'elsewhere.txt', title: 'Other headline' }, T0);
      expect(again).toEqual({ kind: 'exact_duplicate', id: first.id, existingId: first.id });
      expect(await store.countArticles()).toBe(1);
    });

    it('does not store the same URL twice, even with changed content', async () => {
      const first = await store.addArticle(article({ url: 'https://herald.example/a' }), T0);
      const again = await store.addArticle(article({ url: 'https://herald.example/a', text: 'Updated version.' }), T0);
      expect(again.kind).toBe('exact_duplicate');
      if (again.kind === 'exact_duplicate') expect(again.existingId).toBe(first.id);
      // Articles without a URL never clash on it.
      expect((await store.addArticle(article({ url: null }), T0)).kind).toBe('new');
      expect((await store.addArticle(article({ url: null }), T0)).kind).toBe('new');
      expect(await store.countArticles()).toBe(3);
    });

    it('stores near-duplicates with duplicate_of and similarity, and can leave them out of lists', async () => {
      const orig = await store.addArticle(article(), T0);
      const copy = await store.addArticle(article({ duplicateOf: orig.id, similarity: 0.87 }), T0);
      expect(copy.kind).toBe('new');
      expect(await store.getArticle(copy.id)).toMatchObject({ duplicateOf: orig.id, similarity: 0.87 });
      expect((await store.listArticles()).map((a) => a.id)).toEqual([orig.id, copy.id]);
      expect((await store.listArticles({ includeDuplicates: false })).map((a) => a.id)).toEqual([orig.id]);
    });

    it('lists in ingestion order with limit and offset', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await store.addArticle(article({ title: `Story ${i}` }), T0)).id);
      expect((await store.listArticles()).map((a) => a.id)).toEqual(ids);
      expect((await store.listArticles({ limit: 3, offset: 2 })).map((a) => a.id)).toEqual(ids.slice(2, 5));
      expect(await store.listArticles({ offset: 10 })).toEqual([]);
    });

    it('rejects misuse naming the value', async () => {
      await expect(store.listArticles({ limit: -1 })).rejects.toThrow(/-1/);
      await expect(store.addArticle(article({ duplicateOf: 'missing-id' }), T0)).rejects.toThrow(/missing-id/);
      await expect(store.saveExtraction('missing-id', extraction('missing-id'))).rejects.toThrow(/missing-id/);
    });

    it('searches title and text, with a snippet marking the match', async () => {
      const a = await store.addArticle(article({ title: 'Ferry strike ends', text: 'Dock workers at Pellham ended their strike on Friday.' }), T0);
      await store.addArticle(article({ title: 'Bridge news', text: 'Nothing about boats here at all.' }), T0);
      const byText = await store.search('pellham');
      expect(byText.map((h) => h.article.id)).toEqual([a.id]);
      expect(byText[0]?.snippet).toContain('[Pellham]');
      expect((await store.search('ferry')).map((h) => h.article.id)).toEqual([a.id]);
      expect((await store.search('ferry pellham')).map((h) => h.article.id)).toEqual([a.id]);
      expect(await store.search('ferry zanzibar')).toEqual([]);
      expect((await store.search('strik*')).map((h) => h.article.id)).toEqual([a.id]);
    });

    it('treats search syntax in user queries as words, never as an error', async () => {
      await store.addArticle(article({ text: 'Council vote: NOT approved, AND delayed "again" (twice).' }), T0);
      for (const q of ['"unbalanced', 'NOT', 'AND OR', '(', 'title:council', 'col:*', '', '***', "o'neil"]) {
        await expect(store.search(q)).resolves.toBeInstanceOf(Array);
      }
      expect(await store.search('')).toEqual([]);
      expect((await store.search('NOT approved')).length).toBe(1);
    });

    it('returns fingerprints byte for byte, oldest first, and the most recent with a limit', async () => {
      const a = await store.addArticle(article({ fingerprint: new Uint8Array([9, 8, 7]) }), T0);
      await store.addArticle(article({ fingerprint: null }), T0);
      const c = await store.addArticle(article({ fingerprint: new Uint8Array([0, 255]) }), T0);
      const all = await store.fingerprints();
      expect(all.map((f) => [f.id, Array.from(f.fingerprint)])).toEqual([
        [a.id, [9, 8, 7]],
        [c.id, [0, 255]],
      ]);
      expect((await store.fingerprints({ limit: 1 })).map((f) => f.id)).toEqual([c.id]);
    });

    it('logs inputs in order and filters them by status', async () => {
      await store.recordInput({ input: 'a.txt', status: 'ok', articleId: 'x1', at: T0 });
      await store.recordInput({ input: 'b.bin', status: 'failed', error: 'binary file', at: T0 });
      await store.recordInput({ input: 'a.txt', status: 'duplicate', articleId: 'x1', at: T0 });
      const all = await store.listInputs();
      expect(all.map((r) => [r.input, r.status])).toEqual([
        ['a.txt', 'ok'],
        ['b.bin', 'failed'],
        ['a.txt', 'duplicate'],
      ]);
      expect(await store.listInputs({ status: 'failed' })).toEqual([{ input: 'b.bin', status: 'failed', error: 'binary file', articleId: null, at: T0 }]);
    });

    it('saves and replaces extractions', async () => {
      const a = await store.addArticle(article(), T0);
      await store.saveExtraction(a.id, extraction(a.id));
      expect(await store.getExtraction(a.id)).toEqual(extraction(a.id));
      const changed = { ...extraction(a.id), published: null };
      await store.saveExtraction(a.id, changed);
      expect(await store.getExtraction(a.id)).toEqual(changed);
    });

    it('lists only the articles without an extraction when asked', async () => {
      const a = await store.addArticle(article(), T0);
      const b = await store.addArticle(article(), T0);
      await store.saveExtraction(a.id, extraction(a.id));
      expect((await store.listArticles({ withoutExtraction: true })).map((x) => x.id)).toEqual([b.id]);
      expect((await store.listArticles({ withoutExtraction: false })).map((x) => x.id)).toEqual([a.id, b.id]);
    });

    it('dates a story by its articles\' publication dates, not by when an undated one was ingested', async () => {
      const a = await store.addArticle(article({ published: '2026-03-01' }), T0);
      const b = await store.addArticle(article({ published: null }), '2026-09-30T00:00:00.000Z');
      await store.assignStory(a.id, 's1', 'Harbour bridge');
      await store.assignStory(b.id, 's1', 'Harbour bridge');
      expect(await store.getStory('s1')).toMatchObject({ firstSeen: '2026-03-01', lastSeen: '2026-03-01' });
      const c = await store.addArticle(article({ published: null }), '2026-10-01T00:00:00.000Z');
      await store.assignStory(c.id, 's2', 'Undated');
      expect(await store.getStory('s2')).toMatchObject({ firstSeen: '2026-10-01T00:00:00.000Z', lastSeen: '2026-10-01T00:00:00.000Z' });
    });

    it('lists the articles still without a story', async () => {
      const a = await store.addArticle(article(), T0);
      const b = await store.addArticle(article(), T0);
      await store.assignStory(a.id, 's1', 'Harbour bridge');
      expect((await store.listArticles({ withoutStory: true })).map((x) => x.id)).toEqual([b.id]);
      expect((await store.listArticles({ withoutStory: false })).map((x) => x.id)).toEqual([a.id, b.id]);
    });

    it('assigns stories once and for all', async () => {
      const a = await store.addArticle(article({ published: '2026-03-01' }), T0);
      const b = await store.addArticle(article({ published: '2026-02-27' }), T0);
      await store.assignStory(a.id, 's1', 'Harbour bridge');
      await store.assignStory(b.id, 's1', 'ignored: the story exists');
      await store.assignStory(a.id, 's1', 'Harbour bridge'); // idempotent
      await expect(store.assignStory(a.id, 's2', 'Other')).rejects.toThrow(/s1/);
      await expect(store.assignStory('missing-id', 's1', 'x')).rejects.toThrow(/missing-id/);
      expect(await store.getStory('s1')).toEqual({ id: 's1', label: 'Harbour bridge', articleIds: [a.id, b.id], firstSeen: '2026-02-27', lastSeen: '2026-03-01' });
      expect((await store.listStories()).map((s) => s.id)).toEqual(['s1']);
      expect((await store.getArticle(a.id))?.storyId).toBe('s1');
      expect((await store.listArticles({ storyId: 's1' })).map((x) => x.id)).toEqual([a.id, b.id]);
    });

    it('lists every story as getStory shows it: creation order, articles in ingestion order, interleaved assignments', async () => {
      const published = ['2026-03-01', null, '2026-02-27', '2026-03-05', null, '2026-03-02'];
      const ids: string[] = [];
      for (const [i, p] of published.entries()) ids.push((await store.addArticle(article({ published: p }), `2026-03-0${i + 1}T00:00:00.000Z`)).id);
      await store.assignStory(ids[1]!, 's2', 'Dock strike');
      await store.assignStory(ids[2]!, 's1', 'Harbour bridge');
      await store.assignStory(ids[4]!, 's2', 'ignored');
      await store.assignStory(ids[0]!, 's1', 'ignored');
      await store.assignStory(ids[3]!, 's3', 'Ferry timetable');
      // ids[5] stays without a story
      const listed = await store.listStories();
      expect(listed).toEqual([
        { id: 's2', label: 'Dock strike', articleIds: [ids[1], ids[4]], firstSeen: '2026-03-02T00:00:00.000Z', lastSeen: '2026-03-05T00:00:00.000Z' },
        { id: 's1', label: 'Harbour bridge', articleIds: [ids[0], ids[2]], firstSeen: '2026-02-27', lastSeen: '2026-03-01' },
        { id: 's3', label: 'Ferry timetable', articleIds: [ids[3]], firstSeen: '2026-03-05', lastSeen: '2026-03-05' },
      ]);
      for (const s of listed) expect(await store.getStory(s.id)).toEqual(s);
    });

    it('changes its change token on every kind of write, and only then', async () => {
      const t0 = await store.changeToken();
      expect(await store.changeToken()).toBe(t0);
      await store.search('harbour');
      await store.listStories();
      expect(await store.changeToken()).toBe(t0);
      const a = await store.addArticle(article(), T0);
      const t1 = await store.changeToken();
      expect(t1).not.toBe(t0);
      const writes: Array<() => Promise<unknown>> = [
        () => store.assignStory(a.id, 's1', 'Harbour bridge'),
        () => store.saveExtraction(a.id, extraction(a.id)),
        () => store.recordInput({ input: 'a.txt', status: 'ok', articleId: a.id, at: T0 }),
        () => store.setState('clusterer', { n: 1 }),
      ];
      let prev = t1;
      for (const write of writes) {
        await write();
        const next = await store.changeToken();
        expect(next).not.toBe(prev);
        prev = next;
      }
    });

    it('keeps JSON state', async () => {
      expect(await store.getState('clusterer')).toBeNull();
      await store.setState('clusterer', { centroids: [[1, 0.5]], n: 2 });
      expect(await store.getState('clusterer')).toEqual({ centroids: [[1, 0.5]], n: 2 });
      await store.setState('clusterer', 3);
      expect(await store.getState('clusterer')).toBe(3);
    });

    it('refuses use after close', async () => {
      const s = await factory();
      await s.close();
      await expect(s.countArticles()).rejects.toThrow(/close/);
    });
  });
}
