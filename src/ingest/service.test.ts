import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import type { ParsedArticle } from '../types.js';
import { ingestItems, ingest, type IngestProgress } from './service.js';
import type { RawDocument, SourceItem } from './types.js';

// Invented articles (CONVENTIONS 5).
const QUARRY = [
  'A landslide at the Ravel quarry near Dunmore buried two excavators on Wednesday morning, the operator said.',
  'Nobody was hurt because the shift had been moved off the upper terrace an hour earlier after workers noticed cracks in the slope.',
  'Inspectors from the provincial mining office arrived at noon and ordered all blasting halted until a geologist has assessed the site.',
  'The quarry employs about 140 people and supplies gravel for the new coastal highway, which is already six months behind schedule.',
].join('\n\n');
const SCHOOL = [
  'Teachers in the Marlow district will strike for two days next week after talks on class sizes collapsed late on Friday, their union said.',
  'The district says average classes hold 27 pupils; the union puts the figure at 31 and wants a cap of 25 written into the contract.',
  'Parents have been told to expect closures at 18 of the 22 schools in the district on Tuesday and Wednesday.',
].join('\n\n');

function doc(input: string, body: string, meta: RawDocument['meta'] = {}): SourceItem {
  return { ok: true, doc: { input, kind: 'text', body, meta } };
}

async function* from(items: SourceItem[]): AsyncGenerator<SourceItem> {
  for (const i of items) yield i;
}

/** A stand-in parser (the real ones are tested in their own area): the body is the text. */
const parse = (d: RawDocument): ParsedArticle => {
  const text = d.body.trim();
  return {
    input: d.input,
    status: text === '' ? 'not_article' : 'ok',
    ...(text === '' ? { error: 'empty document' } : {}),
    title: d.meta?.title ?? null,
    byline: null,
    published: d.meta?.published ?? null,
    source: null,
    url: d.meta?.url ?? null,
    lang: null,
    text,
  };
};
const clock = () => '2026-04-01T09:00:00.000Z';

async function run(store: Store, items: SourceItem[], extra: { parseDocument?: typeof parse; onProgress?: (p: IngestProgress) => void } = {}) {
  return ingestItems(from(items), { store, parseDocument: extra.parseDocument ?? parse, now: clock, analyze: false, ...(extra.onProgress ? { onProgress: extra.onProgress } : {}) });
}

describe('ingest service', () => {
  it('stores new articles, skips exact duplicates, links near-duplicates to the original', async () => {
    const store = await openSqliteStore(':memory:');
    const s = await run(store, [
      doc('quarry.txt', `Quarry slide buries machines\n\n${QUARRY}`),
      doc('school.txt', `Teachers to strike\n\n${SCHOOL}`),
      doc('quarry-copy.txt', `Quarry slide buries machines\n\n${QUARRY.replace(/\n\n/g, '\n')}`),
      doc('quarry-syndicated.txt', `Two excavators buried in quarry slide\n\n${QUARRY}\n\n(c) 2026 Dunmore Courier. Used with permission.`),
    ]);
    expect(s).toMatchObject({ new: 2, exactDuplicates: 1, nearDuplicates: 1, notArticles: 0, failed: 0 });
    const list = await store.listArticles();
    expect(list.map((a) => a.input)).toEqual(['quarry.txt', 'school.txt', 'quarry-syndicated.txt']);
    expect(list[2]?.duplicateOf).toBe(list[0]?.id);
    expect(list[2]?.similarity).toBeGreaterThan(0.8);
    expect(s.duplicates).toEqual([{ input: 'quarry-syndicated.txt', id: list[2]?.id, duplicateOf: list[0]?.id, similarity: list[2]?.similarity }]);
    expect((await store.listInputs()).map((r) => r.status)).toEqual(['ok', 'ok', 'duplicate', 'ok']);
  });

  it('is idempotent: a second run adds no rows', async () => {
    const store = await openSqliteStore(':memory:');
    const items = () => [doc('quarry.txt', QUARRY), doc('school.txt', SCHOOL)];
    await run(store, items());
    const again = await run(store, items());
    expect(again).toMatchObject({ new: 0, exactDuplicates: 2 });
    expect(await store.countArticles()).toBe(2);
  });

  it('points a copy of a copy at the original', async () => {
    const store = await openSqliteStore(':memory:');
    await run(store, [
      doc('orig.txt', QUARRY),
      doc('copy1.txt', `${QUARRY}\n\nAll rights reserved by the Dunmore Courier.`),
      doc('copy2.txt', `${QUARRY}\n\nAll rights reserved by the Dunmore Courier.\n\nDistributed by Valley Wire.`),
    ]);
    const [orig, c1, c2] = await store.listArticles();
    expect(c1?.duplicateOf).toBe(orig?.id);
    expect(c2?.duplicateOf).toBe(orig?.id);
  });

  it('finds near-duplicates of articles stored by an earlier run', async () => {
    const store = await openSqliteStore(':memory:');
    await run(store, [doc('orig.txt', QUARRY)]);
    const s = await run(store, [doc('later.txt', `${QUARRY}\n\nMore on this story at dunmorecourier.example.`)]);
    expect(s.nearDuplicates).toBe(1);
  });

  it('records failures and not-articles with their reasons and goes on', async () => {
    const store = await openSqliteStore(':memory:');
    const s = await run(store, [
      { ok: false, input: 'broken.html.gz', status: 'failed', error: 'truncated gzip stream' },
      doc('empty.txt', '   '),
      doc('boom.txt', 'explode'),
      { ok: false, input: 'index.html', status: 'not_article', error: 'no main text' },
      doc('quarry.txt', QUARRY),
    ], {
      parseDocument: (d) => {
        if (d.body === 'explode') throw new Error('parser crashed on boom.txt');
        return parse(d);
      },
    });
    expect(s).toMatchObject({ new: 1, failed: 2, notArticles: 2 });
    expect(s.problems).toEqual([
      { input: 'broken.html.gz', status: 'failed', error: 'truncated gzip stream' },
      { input: 'empty.txt', status: 'not_article', error: 'empty document' },
      { input: 'boom.txt', status: 'failed', error: 'parse: parser crashed on boom.txt' },
      { input: 'index.html', status: 'not_article', error: 'no main text' },
    ]);
    expect((await store.listInputs({ status: 'failed' })).map((r) => r.input)).toEqual(['broken.html.gz', 'boom.txt']);
  });

  it('a source that throws ends with a recorded failure, keeping what was stored', async () => {
    const store = await openSqliteStore(':memory:');
    async function* bad(): AsyncGenerator<SourceItem> {
      yield doc('quarry.txt', QUARRY);
      throw new Error('disk went away');
    }
    const s = await ingestItems(bad(), { store, parseDocument: parse, now: clock, analyze: false });
    expect(s).toMatchObject({ new: 1, failed: 1 });
    expect(s.problems[0]?.error).toMatch(/disk went away/);
    expect(await store.countArticles()).toBe(1);
  });

  it('reports progress per input', async () => {
    const store = await openSqliteStore(':memory:');
    const seen: Array<[number, string]> = [];
    await run(store, [doc('a.txt', QUARRY), doc('b.txt', QUARRY)], { onProgress: (p) => seen.push([p.done, p.last.outcome]) });
    expect(seen).toEqual([[1, 'new'], [2, 'exact_duplicate']]);
  });

  it('runs extraction on the new articles when asked', async () => {
    const store = await openSqliteStore(':memory:');
    const s = await ingestItems(from([doc('quarry.txt', QUARRY, { published: '2026-03-04' })]), { store, parseDocument: parse, now: clock });
    const [a] = await store.listArticles();
    // The extractors may lack a model in this checkout: then the failure is reported, not thrown.
    expect((s.analysis?.extracted ?? 0) + (s.analysis?.failed.length ?? 0)).toBe(1);
    if (s.analysis?.extracted === 1) expect((await store.getExtraction(a!.id))?.id).toBe(a!.id);
    else expect(s.analysis?.failed[0]?.articleId).toBe(a!.id);
  });

  it('uses the given source reader with the inputs and options', async () => {
    const store = await openSqliteStore(':memory:');
    const calls: unknown[] = [];
    const s = await ingest(['x/', '-'], {
      store,
      allowPrivate: true,
      analyze: false,
      now: clock,
      readSources: (inputs, o) => {
        calls.push([inputs, o.allowPrivate]);
        return from([doc('x/a.txt', SCHOOL)]);
      },
      parseDocument: parse,
    });
    expect(calls).toEqual([[['x/', '-'], true]]);
    expect(s.new).toBe(1);
  });
});
