/** Runs the Store contract on every implementation available here (SQLite in memory and on disk). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
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
