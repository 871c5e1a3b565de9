/** Articles: list, show with mentions, full-text search. */
import { Hono } from 'hono';
import type { Article } from '../../types.js';
import type { ArticleDetail, ArticleSummary, Page, SearchResult } from '../api-types.js';
import { type AppDeps, type AppEnv, pageParams } from '../app.js';
import { ApiError } from '../errors.js';

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

  r.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q === '') throw new ApiError(400, 'bad_parameter', '"q" is required: the words to search for');
    if (q.length > 500) throw new ApiError(400, 'bad_parameter', '"q" is longer than 500 characters');
    const { limit, offset } = pageParams(c);
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
    return c.json(body);
  });

  return r;
}
