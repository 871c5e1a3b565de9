/** Runs the Store contract on every implementation available here (SQLite in memory and on disk). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FTS_BATCH, ftsQuery, openSqliteStore } from '../../src/store/sqlite/index.js';
import { article, storeContract } from './store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('sqlite :memory:', () => openSqliteStore(':memory:'));
storeContract('sqlite file', () => openSqliteStore(join(dir, `contract-${++n}.db`)));

describe('sqlite store specifics', () => {
  it('keeps data across reopen and does not re-run migrations', async () => {
    const path = join(dir, 'reopen.db');
    const s1 = await openSqliteStore(path);
    const a = await s1.addArticle(article(), '2026-03-02T10:00:00Z');
    await s1.close();
    const s2 = await openSqliteStore(path);
    expect((await s2.getArticle(a.id))?.text).toBe(article().text);
    await s2.close();
  });

  it('names the path when it cannot open', async () => {
    await expect(openSqliteStore(join(dir, 'no', 'such', 'dir', 'x.db'))).rejects.toThrow(/no[/\\]such/);
    await expect(openSqliteStore('')).rejects.toThrow(/path/);
  });

  it('finds articles whose full-text indexing is still pending (as after a crash) from another connection', async () => {
    const path = join(dir, 'pending.db');
    const writer = await openSqliteStore(path);
    await writer.addArticle(article({ text: 'The Quillmoor ferry resumed service on Monday.' }), '2026-03-02T10:00:00Z');
    // The writer neither flushes nor closes: a reader must still find the article.
    const reader = await openSqliteStore(path);
    expect((await reader.search('quillmoor')).length).toBe(1);
    expect((await writer.search('quillmoor')).length).toBe(1);
    await reader.close();
    await writer.close();
    const again = await openSqliteStore(path);
    expect((await again.search('quillmoor')).length).toBe(1);
    await again.close();
  });

  it('upgrades a store made before prefix indexes: the index is rebuilt at open and finds every article', async () => {
    const path = join(dir, 'v3.db');
    const s = await openSqliteStore(path);
    for (let i = 0; i < 5; i++) await s.addArticle(article({ text: `Dispatch ${i}: the Quillmoor ferry timetable changed.` }), 't');
    await s.close();
    // Back to the schema of version 3: the full-text table without prefix indexes.
    const raw = new Database(path);
    raw.exec(`DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
      INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
      DELETE FROM schema_version WHERE version >= 4;`);
    raw.close();
    const up = await openSqliteStore(path);
    expect((await up.search('quil*')).length).toBe(5);
    expect((await up.search('quillmoor ferry')).length).toBe(5);
    await up.close();
    const check = new Database(path, { readonly: true });
    const sql = (check.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").get() as { sql: string }).sql;
    check.close();
    expect(sql).toContain("prefix='3'");
  });

  it('indexes more than one batch of articles for search', async () => {
    const s = await openSqliteStore(':memory:');
    for (let i = 0; i < FTS_BATCH + 3; i++) await s.addArticle(article({ text: `Bulletin ${i}: the Quillmoor ferry timetable, edition w${i}.` }), 't');
    expect((await s.search('quillmoor', { limit: 10_000 })).length).toBe(FTS_BATCH + 3);
    expect((await s.search(`w${FTS_BATCH + 2}`)).length).toBe(1);
    await s.close();
  });

  it('searches on worker threads with the same results as on its own connection', async () => {
    const path = join(dir, 'threads.db');
    const s = await openSqliteStore(path);
    const words = ['ferry', 'harbour', 'strike', 'council', 'budget'];
    for (let i = 0; i < 40; i++) {
      await s.addArticle(article({ title: `Bulletin ${i}`, text: `The ${words[i % 5]} report ${i}: ${words[(i * 3) % 5]} and ${words[(i * 7) % 5]} news from Quillmoor.` }), 't');
    }
    const queries = ['ferry', 'harbour strike', 'quill*', 'Council', 'nothing here', 'bulletin 7'];
    const local = await Promise.all(queries.map((q) => s.search(q, { limit: 5, offset: 1 })));
    s.useSearchThreads?.(2);
    const threaded = await Promise.all(queries.map((q) => s.search(q, { limit: 5, offset: 1 })));
    expect(threaded).toEqual(local);
    expect(local[0]!.length).toBe(5);
    // a write is seen by the next threaded search
    await s.addArticle(article({ text: 'A Zellwick ferry.' }), 't');
    expect((await s.search('zellwick')).length).toBe(1);
    await s.close();
  });

  it('changes the change token when another connection writes', async () => {
    const path = join(dir, 'token.db');
    const s1 = await openSqliteStore(path);
    const s2 = await openSqliteStore(path);
    const before = await s1.changeToken();
    await s2.addArticle(article(), '2026-03-02T10:00:00Z');
    expect(await s1.changeToken()).not.toBe(before);
    await s1.close();
    await s2.close();
  });

  it.each([
    ['strik*', '"strik"*'],
    ['st*', '"st"'],
    ['Kyiv "power grid', '"Kyiv" "power" "grid"'],
    ['łód*', '"łód"*'],
    ['NOT (x)', '"NOT" "x"'],
  ])('turns %j into the FTS5 query %j (short prefixes are words)', (q, fts) => {
    expect(ftsQuery(q)).toBe(fts);
  });

  it('sees writes from a second connection to the same file', async () => {
    const path = join(dir, 'two.db');
    const s1 = await openSqliteStore(path);
    const s2 = await openSqliteStore(path);
    const a = await s1.addArticle(article(), '2026-03-02T10:00:00Z');
    expect((await s2.addArticle(article({ contentHash: (await s1.getArticle(a.id))!.contentHash }), 'x')).kind).toBe('exact_duplicate');
    expect(await s2.countArticles()).toBe(1);
    await s1.close();
    await s2.close();
  });
});
