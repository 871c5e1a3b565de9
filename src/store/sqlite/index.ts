/**
 * The embedded Store on SQLite (better-sqlite3): WAL journal, busy timeout, versioned migrations,
 * FTS5 over title and text (filled in batches, see FTS_BATCH), prepared statements, one transaction
 * per article.
 */
import Database from 'better-sqlite3';
import type { Article, ArticleStatus, DateSource, Extraction, Story } from '../../types.js';
import type { AddOutcome, InputRecord, ListOptions, NewArticle, SearchHit, Store } from '../types.js';
import { migrate } from './migrations.js';
import { buildSnippet, snippetTerms } from '../snippet.js';
import { ReadPool } from './read-pool.js';

/** Milliseconds a writer waits for another process's lock before failing (concurrent ingests). */
export const BUSY_TIMEOUT_MS = 10_000;
/** Characters of the content hash used as the article id: 48 bits, stable across stores. */
const ID_CHARS = 12;
const DEFAULT_LIMIT = 100;
/**
 * Search ranks (bm25) the newest this-many matches, or offset + limit when more are asked for: the
 * newest matches are what a news analyst searches for, and a common word is not scored in every
 * article (bm25 still reads each term's whole doclist once to count its documents). On 100k synthetic articles (bench/api.bench.mjs query mix, CPU per uncached search)
 * 100 costs ~10% less than 500 and 1,000 ~25% more: most of the cost is bm25's document count of
 * each term, which does not depend on the window.
 */
export const SEARCH_WINDOW = 500;
/**
 * Shortest prefix searched as a prefix (`str*`); a shorter one (`st*`) is searched as the word
 * itself. Without a prefix index FTS5 merges the doclists of every term with the prefix: a
 * two-letter prefix can name hundreds of terms and every article (seconds per query).
 */
export const MIN_PREFIX = 3;
/** Page cache per connection, KiB. */
const CACHE_KIB = 65_536;
/**
 * Articles indexed for full-text search per batch. Larger batches are cheaper per article; search
 * flushes whatever is pending first, so results never miss a stored article.
 */
export const FTS_BATCH = 500;

interface ArticleRow {
  id: string;
  input: string;
  status: string;
  error: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  published_from: string | null;
  source: string | null;
  url: string | null;
  lang: string | null;
  text: string;
  external_id: string | null;
  content_hash: string;
  duplicate_of: string | null;
  similarity: number | null;
  ingested_at: string;
  story_id: string | null;
}

/** What a story needs of each of its articles: the id and the dates for first/last seen. */
interface StoryArticleRow {
  id: string;
  published: string | null;
  ingested_at: string;
}

const ARTICLE_COLS =
  'a.id, a.input, a.status, a.error, a.title, a.byline, a.published, a.published_from, a.source, a.url, a.lang, a.text, ' +
  'a.external_id, a.content_hash, a.duplicate_of, a.similarity, a.ingested_at, a.story_id';

// The search statements (run on this connection, or on the read pool's: see useSearchThreads).
// The ranking window: bm25 of the newest `?` matches in one pass. FTS5 walks the doclists
// backwards and stops after `?` rows (ORDER BY rowid DESC LIMIT is its fast path). The older
// form, ORDER BY rank with a rowid bound, ranked every match of the store: FTS5's rank sorter
// ignores the rowid bound (~150 ms for a word in 28k of 100k articles, against ~15 ms here).
const SEARCH_WINDOW_SQL =
  'SELECT rowid AS rid, bm25(articles_fts) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?';
// Prefix queries: the newest matches, unranked. bm25 needs each phrase's document count, and
// for a prefix FTS5 merges the doclists of every term with that prefix over the whole store
// (`qui*` in 100k articles: ~0.7 s unranked, many seconds ranked).
const SEARCH_NEWEST_SQL = 'SELECT rowid AS rid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?';
// The page's articles, by rowid (snippets are built from their text: see ../snippet.ts, which
// replaced FTS5's snippet(): a full-text lookup per returned row).
const SEARCH_PAGE_SQL = `SELECT ${ARTICLE_COLS}, a.seq AS rid FROM articles a WHERE a.seq IN (SELECT value FROM json_each(?))`;

type WindowRow = { rid: number; score: number };
type PageRow = ArticleRow & { rid: number };

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    input: r.input,
    status: r.status as ArticleStatus,
    ...(r.error !== null ? { error: r.error } : {}),
    title: r.title,
    byline: r.byline,
    published: r.published,
    source: r.source,
    url: r.url,
    lang: r.lang,
    text: r.text,
    ...(r.published_from !== null ? { publishedFrom: r.published_from as DateSource } : {}),
    ...(r.external_id !== null ? { externalId: r.external_id } : {}),
    contentHash: r.content_hash,
    duplicateOf: r.duplicate_of,
    similarity: r.similarity,
    ingestedAt: r.ingested_at,
    storyId: r.story_id,
  };
}

/**
 * Turns user words into an FTS5 query that cannot be a syntax error: each word becomes a quoted
 * term (AND-ed); a trailing `*` keeps prefix search when the prefix has MIN_PREFIX characters.
 * Example: `kyiv "power grid` -> `"kyiv" "power" "grid"`; `strik* st*` -> `"strik"* "st"`.
 */
export function ftsQuery(q: string): string {
  const terms = q.match(/[\p{L}\p{N}_]+\*?/gu) ?? [];
  return terms
    .map((t) => {
      if (!t.endsWith('*')) return `"${t}"`;
      const stem = t.slice(0, -1);
      return [...stem].length >= MIN_PREFIX ? `"${stem}"*` : `"${stem}"`;
    })
    .join(' ');
}

function positiveInt(v: number | undefined, fallback: number, what: string): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`sqlite store: ${what} must be a non-negative integer, got ${String(v)}`);
  return v;
}

/**
 * Opens (creating when needed) a store file and brings it to the latest schema.
 * Example: `const store = await openSqliteStore('./triangulate.db')`; ":memory:" for tests.
 */
export async function openSqliteStore(path: string): Promise<Store> {
  if (typeof path !== 'string' || path === '') throw new TypeError(`sqlite store: path must be a non-empty string, got ${JSON.stringify(path)}`);
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a killed process loses nothing committed; only power loss may drop the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB page cache (default 2 MB): the content-hash and URL indexes are probed at random on
    // every insert, and at 100k articles they no longer fit the default cache.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    migrate(db, path);
  } catch (err) {
    throw new Error(`sqlite store: cannot open ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return new SqliteStore(db, path);
}

class SqliteStore implements Store {
  private readonly s;
  private closed = false;

  /** Worker threads for searches, when asked for (useSearchThreads). */
  private pool: ReadPool | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    this.s = {
      byHash: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE content_hash = ?'),
      byUrl: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE url = ?'),
      idTaken: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO articles (id, input, status, error, title, byline, published, published_from, source, url, lang, text,
           external_id, content_hash, fingerprint, duplicate_of, similarity, ingested_at, story_id)
         VALUES (@id, @input, @status, @error, @title, @byline, @published, @published_from, @source, @url, @lang, @text,
           @external_id, @content_hash, @fingerprint, @duplicate_of, @similarity, @ingested_at, NULL)`,
      ),
      get: db.prepare<[string], ArticleRow>(`SELECT ${ARTICLE_COLS} FROM articles a WHERE a.id = ?`),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
      searchWindow: db.prepare<[string, number], WindowRow>(SEARCH_WINDOW_SQL),
      searchNewest: db.prepare<[string, number, number], { rid: number }>(SEARCH_NEWEST_SQL),
      searchPage: db.prepare<[string], PageRow>(SEARCH_PAGE_SQL),
      fingerprintsAll: db.prepare<[], { id: string; fingerprint: Buffer }>(
        'SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL ORDER BY seq',
      ),
      fingerprintsRecent: db.prepare<[number], { id: string; fingerprint: Buffer }>(
        'SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL ORDER BY seq DESC LIMIT ?',
      ),
      recordInput: db.prepare('INSERT INTO inputs (input, status, error, article_id, at) VALUES (?, ?, ?, ?, ?)'),
      listInputs: db.prepare<[number, number], { input: string; status: string; error: string | null; article_id: string | null; at: string }>(
        'SELECT input, status, error, article_id, at FROM inputs ORDER BY seq LIMIT ? OFFSET ?',
      ),
      listInputsByStatus: db.prepare<[string, number, number], { input: string; status: string; error: string | null; article_id: string | null; at: string }>(
        'SELECT input, status, error, article_id, at FROM inputs WHERE status = ? ORDER BY seq LIMIT ? OFFSET ?',
      ),
      articleExists: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE id = ?'),
      saveExtraction: db.prepare('INSERT INTO extractions (article_id, data) VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET data = excluded.data'),
      getExtraction: db.prepare<[string], { data: string }>('SELECT data FROM extractions WHERE article_id = ?'),
      storyOf: db.prepare<[string], { story_id: string | null }>('SELECT story_id FROM articles WHERE id = ?'),
      insertStory: db.prepare('INSERT INTO stories (id, label) VALUES (?, ?) ON CONFLICT(id) DO NOTHING'),
      setStory: db.prepare('UPDATE articles SET story_id = ? WHERE id = ?'),
      // Every story in one pass, one row per story: its article ids in ingestion order and its
      // first/last seen (publication dates when it has any, else ingestion times: as story()),
      // read from the covering story index. 5,000 stories of 100k articles: ~0.1 s, where one
      // query per story, or one row per article, cost ~0.4 s.
      listStories: db.prepare<[], { id: string; label: string; ids: string; first_seen: string | null; last_seen: string | null }>(
        `SELECT s.id, s.label, group_concat(a.id, char(31) ORDER BY a.seq) AS ids,
           coalesce(min(a.published), min(a.ingested_at)) AS first_seen, coalesce(max(a.published), max(a.ingested_at)) AS last_seen
         FROM stories s JOIN articles a ON a.story_id = s.id GROUP BY s.seq ORDER BY s.seq`,
      ),
      getStoryRow: db.prepare<[string], { id: string; label: string }>('SELECT id, label FROM stories WHERE id = ?'),
      storyArticles: db.prepare<[string], StoryArticleRow>(
        'SELECT id, published, ingested_at FROM articles WHERE story_id = ? ORDER BY seq',
      ),
      getState: db.prepare<[string], { value: string }>('SELECT value FROM state WHERE key = ?'),
      setState: db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      ftsUpto: db.prepare<[], { upto: number }>('SELECT upto FROM fts_progress'),
      ftsIndex: db.prepare<[number]>(
        "INSERT INTO articles_fts (rowid, title, text) SELECT seq, coalesce(title, ''), text FROM articles WHERE seq > ? ORDER BY seq",
      ),
      ftsSetUpto: db.prepare<[]>('UPDATE fts_progress SET upto = (SELECT coalesce(max(seq), 0) FROM articles)'),
      maxSeq: db.prepare<[], { m: number }>('SELECT coalesce(max(seq), 0) AS m FROM articles'),
      // Changes when another connection commits (SQLite's own counter); this connection's writes are counted in `writes`.
      dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
    };
    this.flushFts();
  }

  /** Articles stored since the last flush (this connection's count; others flush their own). */
  private ftsPending = 0;
  /** Writes through this connection (PRAGMA data_version only counts other connections' commits). */
  private writes = 0;

  private readonly flushTx = (): void => {
    const upto = this.s.ftsUpto.get()?.upto ?? 0;
    if ((this.s.maxSeq.get()?.m ?? 0) <= upto) return;
    this.s.ftsIndex.run(upto);
    this.s.ftsSetUpto.run();
  };

  /**
   * flushFts when articles are waiting to be indexed (here or by another connection), checked with
   * two reads: a search must not take the write lock, which an ingest in another process may hold.
   */
  private flushFtsIfPending(): void {
    if ((this.s.maxSeq.get()?.m ?? 0) > (this.s.ftsUpto.get()?.upto ?? 0)) this.flushFts();
  }

  /** Indexes every article not yet in the full-text index, in one transaction (idempotent, crash-safe). */
  private flushFts(): void {
    this.db.transaction(this.flushTx).immediate();
    this.ftsPending = 0;
  }

  private open(): void {
    if (this.closed) throw new Error('sqlite store: used after close()');
  }

  private readonly addTx = (a: NewArticle, ingestedAt: string): AddOutcome => {
    const byHash = this.s.byHash.get(a.contentHash);
    if (byHash) return { kind: 'exact_duplicate', id: byHash.id, existingId: byHash.id };
    if (a.url !== null && a.url !== '') {
      const byUrl = this.s.byUrl.get(a.url);
      if (byUrl) return { kind: 'exact_duplicate', id: byUrl.id, existingId: byUrl.id };
    }
    // The id is the start of the content hash (stable, short); on the rare prefix clash the full hash.
    let id = a.contentHash.slice(0, ID_CHARS);
    if (this.s.idTaken.get(id)) id = a.contentHash;
    if (a.duplicateOf != null && !this.s.articleExists.get(a.duplicateOf)) {
      throw new Error(`sqlite store: duplicateOf names an unknown article ${JSON.stringify(a.duplicateOf)}`);
    }
    this.s.insert.run({
      id,
      input: a.input,
      status: a.status,
      error: a.error ?? null,
      title: a.title,
      byline: a.byline,
      published: a.published,
      published_from: a.publishedFrom ?? null,
      source: a.source,
      url: a.url === '' ? null : a.url,
      lang: a.lang,
      text: a.text,
      external_id: a.externalId ?? null,
      content_hash: a.contentHash,
      fingerprint: a.fingerprint ? Buffer.from(a.fingerprint.buffer, a.fingerprint.byteOffset, a.fingerprint.byteLength) : null,
      duplicate_of: a.duplicateOf ?? null,
      similarity: a.similarity ?? null,
      ingested_at: ingestedAt,
    });
    return { kind: 'new', id };
  };

  async addArticle(a: NewArticle, ingestedAt: string): Promise<AddOutcome> {
    this.open();
    if (typeof a.contentHash !== 'string' || a.contentHash.length < ID_CHARS) {
      throw new Error(`sqlite store: contentHash must be a hash string, got ${JSON.stringify(a.contentHash)}`);
    }
    // IMMEDIATE: take the write lock before the duplicate checks so two processes cannot both insert.
    const out = this.db.transaction(this.addTx).immediate(a, ingestedAt);
    if (out.kind === 'new') this.writes++;
    if (out.kind === 'new' && ++this.ftsPending >= FTS_BATCH) this.flushFts();
    return out;
  }

  async getArticle(id: string): Promise<Article | null> {
    this.open();
    const r = this.s.get.get(id);
    return r ? toArticle(r) : null;
  }

  async listArticles(opts: ListOptions = {}): Promise<Article[]> {
    this.open();
    const limit = positiveInt(opts.limit, DEFAULT_LIMIT, 'limit');
    const offset = positiveInt(opts.offset, 0, 'offset');
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.storyId !== undefined) {
      where.push('a.story_id = ?');
      params.push(opts.storyId);
    }
    if (opts.includeDuplicates === false) where.push('a.duplicate_of IS NULL');
    if (opts.withoutExtraction === true) where.push('NOT EXISTS (SELECT 1 FROM extractions x WHERE x.article_id = a.id)');
    if (opts.withoutStory === true) where.push('a.story_id IS NULL');
    const sql = `SELECT ${ARTICLE_COLS} FROM articles a ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.seq LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...params, limit, offset) as ArticleRow[];
    return rows.map(toArticle);
  }

  async countArticles(): Promise<number> {
    this.open();
    return this.s.count.get()?.n ?? 0;
  }

  async search(query: string, opts: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    this.open();
    const q = ftsQuery(query);
    if (q === '') return [];
    this.flushFtsIfPending();
    const limit = positiveInt(opts.limit, DEFAULT_LIMIT, 'limit');
    const offset = positiveInt(opts.offset, 0, 'offset');
    // On the read pool when there is one (a server), else on this connection.
    const pool = this.pool !== null && this.pool.size > 0 ? this.pool : null;
    let page: WindowRow[];
    const prefix = q.endsWith('"*') || q.includes('"* ');
    if (prefix) {
      // A prefix term: newest first, rank 0 (see SEARCH_NEWEST_SQL).
      const newest = pool ? await pool.all<{ rid: number }>(SEARCH_NEWEST_SQL, [q, limit, offset]) : this.s.searchNewest.all(q, limit, offset);
      page = newest.map((r) => ({ rid: r.rid, score: 0 }));
    } else {
      // The ranking window grows with the page asked for, so every match stays reachable.
      const k = Math.max(SEARCH_WINDOW, offset + limit);
      const window = pool ? await pool.all<WindowRow>(SEARCH_WINDOW_SQL, [q, k]) : this.s.searchWindow.all(q, k);
      // Best bm25 first (FTS5 scores are negative: lower is better); newer first on a tie.
      window.sort((a, b) => a.score - b.score || b.rid - a.rid);
      page = window.slice(offset, offset + limit);
    }
    if (page.length === 0) return [];
    const ids = JSON.stringify(page.map((p) => p.rid));
    const found = pool ? await pool.all<PageRow>(SEARCH_PAGE_SQL, [ids]) : this.s.searchPage.all(ids);
    this.open(); // still open after waiting for the pool
    const rows = new Map(found.map((r) => [r.rid, r]));
    const terms = snippetTerms(query, MIN_PREFIX);
    const hits: SearchHit[] = [];
    for (const p of page) {
      const r = rows.get(p.rid);
      if (r) hits.push({ article: toArticle(r), snippet: buildSnippet(r.title, r.text, terms), rank: p.score });
    }
    return hits;
  }

  async fingerprints(opts: { limit?: number } = {}): Promise<Array<{ id: string; fingerprint: Uint8Array }>> {
    this.open();
    const rows = opts.limit === undefined ? this.s.fingerprintsAll.all() : this.s.fingerprintsRecent.all(positiveInt(opts.limit, 0, 'limit')).reverse();
    return rows.map((r) => ({ id: r.id, fingerprint: new Uint8Array(r.fingerprint.buffer, r.fingerprint.byteOffset, r.fingerprint.byteLength) }));
  }

  async recordInput(r: InputRecord): Promise<void> {
    this.open();
    this.s.recordInput.run(r.input, r.status, r.error ?? null, r.articleId ?? null, r.at);
    this.writes++;
  }

  async listInputs(opts: { limit?: number; offset?: number; status?: InputRecord['status'] } = {}): Promise<InputRecord[]> {
    this.open();
    const limit = positiveInt(opts.limit, DEFAULT_LIMIT, 'limit');
    const offset = positiveInt(opts.offset, 0, 'offset');
    const rows = opts.status === undefined ? this.s.listInputs.all(limit, offset) : this.s.listInputsByStatus.all(opts.status, limit, offset);
    return rows.map((r) => ({ input: r.input, status: r.status as InputRecord['status'], error: r.error, articleId: r.article_id, at: r.at }));
  }

  async saveExtraction(articleId: string, x: Extraction): Promise<void> {
    this.open();
    if (!this.s.articleExists.get(articleId)) throw new Error(`sqlite store: saveExtraction for unknown article ${JSON.stringify(articleId)}`);
    this.s.saveExtraction.run(articleId, JSON.stringify(x));
    this.writes++;
  }

  async getExtraction(articleId: string): Promise<Extraction | null> {
    this.open();
    const r = this.s.getExtraction.get(articleId);
    return r ? (JSON.parse(r.data) as Extraction) : null;
  }

  private readonly assignTx = (articleId: string, storyId: string, label: string): void => {
    const cur = this.s.storyOf.get(articleId);
    if (!cur) throw new Error(`sqlite store: assignStory for unknown article ${JSON.stringify(articleId)}`);
    if (cur.story_id !== null) {
      if (cur.story_id === storyId) return;
      throw new Error(`sqlite store: article ${articleId} is already in story ${cur.story_id}; assignments never change (asked ${storyId})`);
    }
    this.s.insertStory.run(storyId, label);
    this.s.setStory.run(storyId, articleId);
  };

  async assignStory(articleId: string, storyId: string, label: string): Promise<void> {
    this.open();
    this.db.transaction(this.assignTx).immediate(articleId, storyId, label);
    this.writes++;
  }

  private story(row: { id: string; label: string }): Story {
    const arts = this.s.storyArticles.all(row.id);
    // Publication dates when the story has any (an undated article must not stretch the range to
    // the day it was ingested); ingestion times only for a story with no dated article.
    const published = arts.map((a) => a.published).filter((d): d is string => d !== null);
    const dates = (published.length > 0 ? published : arts.map((a) => a.ingested_at)).sort();
    return { id: row.id, label: row.label, articleIds: arts.map((a) => a.id), firstSeen: dates[0] ?? null, lastSeen: dates[dates.length - 1] ?? null };
  }

  async listStories(): Promise<Story[]> {
    this.open();
    // Ids are joined with U+001F (unit separator), which no id (a content-hash prefix) contains.
    return this.s.listStories.all().map((r) => ({ id: r.id, label: r.label, articleIds: r.ids.split('\x1f'), firstSeen: r.first_seen, lastSeen: r.last_seen }));
  }

  async getStory(id: string): Promise<Story | null> {
    this.open();
    const r = this.s.getStoryRow.get(id);
    return r ? this.story(r) : null;
  }

  async getState(key: string): Promise<unknown> {
    this.open();
    const r = this.s.getState.get(key);
    return r ? (JSON.parse(r.value) as unknown) : null;
  }

  async setState(key: string, value: unknown): Promise<void> {
    this.open();
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`sqlite store: setState(${JSON.stringify(key)}) value is not JSON-serialisable`);
    this.s.setState.run(key, json);
    this.writes++;
  }

  async changeToken(): Promise<string> {
    this.open();
    return `${this.writes}:${this.s.dataVersion.get()?.data_version ?? 0}`;
  }

  /**
   * Runs the full-text part of searches on `threads` worker threads with read-only connections from
   * now on (a file store only; in memory there is nothing to share). For servers: concurrent
   * searches no longer queue behind one another on the request thread.
   */
  useSearchThreads(threads: number): void {
    this.open();
    if (this.pool !== null || this.path === ':memory:' || threads === 0) return;
    this.pool = new ReadPool({ path: this.path, threads, busyTimeoutMs: BUSY_TIMEOUT_MS, cacheKib: CACHE_KIB });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool?.close();
    try {
      this.flushFts();
    } finally {
      this.db.close();
    }
  }
}
