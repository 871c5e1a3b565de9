/**
 * Articles: list, show with mentions, full-text search. Search responses are cached (bounded LRU
 * of serialized bodies, keyed by the normalised query and page) and dropped whenever the store's
 * change token moves: analysts repeat searches, and a cached answer costs no SQL.
 */
import { Hono } from 'hono';
import type { Article } from '../../types.js';
import type { ArticleDetail, ArticleSummary, Page, SearchResult } from '../api-types.js';
import { type AppDeps, type AppEnv, pageParams } from '../app.js';
import { ApiError } from '../errors.js';
import { Lru } from '../lru.js';

/** Search responses kept: at most this many, and at most SEARCH_CACHE_CHARS characters of JSON in all. */
export const SEARCH_CACHE_ENTRIES = 1000;
/** 16M characters: ~32 MB of strings, ~1,000 pages of 20 results or ~100 of 200. */
export const SEARCH_CACHE_CHARS = 16 * 1024 * 1024;

/**
 * The cache key of a query: its words lower-cased, in order, without punctuation (`*` kept), which
 * is what the store searches for. Example: `Kestrel,  "Rocket"` -> `kestrel rocket`.
 */
export function searchKey(q: string): string {
  return (q.toLowerCase().match(/[\p{L}\p{N}_]+\*?/gu) ?? []).join(' ');
}

export function summarize(a: Article): ArticleSummary {
  const { text, ...rest } = a;
  return { ...rest, chars: text.length };
}

export function articleRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/articles', async (c) => {
    const { limit, offset } = pageParams(c);
    const story = c.req.query('story');
    const [items, total] = await Promise.all([
      deps.store.listArticles({ limit, offset, ...(story ? { storyId: story } : {}) }),
      story ? Promise.resolve(null) : deps.store.countArticles(),
    ]);
    const body: Page<ArticleSummary> = { items: items.map(summarize), total, offset, limit };
    return c.json(body);
  });

  r.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const article = await deps.store.getArticle(id);
    if (!article) throw new ApiError(404, 'not_found', `no article with id ${JSON.stringify(id)}`);
    const body: ArticleDetail = { article, extraction: await deps.store.getExtraction(id) };
    return c.json(body);
  });

  const cache = new Lru<string>(SEARCH_CACHE_ENTRIES, SEARCH_CACHE_CHARS, (body) => body.length);
  let cacheToken: string | null = null;
  // Searches being computed, by key: concurrent requests for the same page share one store search.
  const pending = new Map<string, Promise<string>>();

  const searchBody = async (q: string, limit: number, offset: number): Promise<string> => {
    let hits;
    try {
      hits = await deps.store.search(q, { limit, offset });
    } catch (err) {
      throw new ApiError(400, 'bad_query', `cannot search for ${JSON.stringify(q)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const body: Page<SearchResult> = {
      items: hits.map((h) => ({ article: summarize(h.article), snippet: h.snippet, rank: h.rank })),
      total: null,
      offset,
      limit,
    };
    return JSON.stringify(body);
  };

  r.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q === '') throw new ApiError(400, 'bad_parameter', '"q" is required: the words to search for');
    if (q.length > 500) throw new ApiError(400, 'bad_parameter', '"q" is longer than 500 characters');
    const { limit, offset } = pageParams(c);
    // Any write (this server's ingest, or another process's) empties the cache before it is read.
    const token = await deps.store.changeToken();
    if (token !== cacheToken) {
      cache.clear();
      pending.clear();
      cacheToken = token;
    }
    const key = `${limit}:${offset}:${searchKey(q)}`;
    const headers = { 'Content-Type': 'application/json; charset=UTF-8', 'X-Cache': 'hit' };
    const cached = cache.get(key);
    if (cached !== undefined) return c.body(cached, 200, headers);
    let job = pending.get(key);
    if (job === undefined) {
      job = searchBody(q, limit, offset);
      pending.set(key, job);
      const started = job;
      const settle = (): void => {
        if (pending.get(key) === started) pending.delete(key);
      };
      // Cached only if no write happened meanwhile (a cleared cache must not get a stale answer back).
      started.then((b) => {
        settle();
        if (cacheToken === token) cache.set(key, b);
      }, settle);
    }
    return c.body(await job, 200, { ...headers, 'X-Cache': 'miss' });
  });

  return r;
}
