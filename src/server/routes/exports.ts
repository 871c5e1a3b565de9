/**
 * GET /api/export?format=jsonl|csv|geojson[&story=ID]: the analyst's exports, streamed page by page
 * (the same shapes as `tri export`).
 */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { Store } from '../../store/types.js';
import type { Article } from '../../types.js';
import { articleCsvHeader, articleCsvRow } from '../../report/csv.js';
import { type AppDeps, type AppEnv } from '../app.js';
import { ApiError } from '../errors.js';
import { placesGeoJSON } from '../../core/geo.js';

const PAGE = 500;

async function* articlesOf(store: Store, storyId: string | undefined): AsyncGenerator<Article> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listArticles({ limit: PAGE, offset, ...(storyId ? { storyId } : {}) });
    for (const a of page) yield a;
    if (page.length < PAGE) return;
  }
}

export function exportRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/export', async (c) => {
    const format = c.req.query('format');
    const story = c.req.query('story') || undefined;
    if (format === 'geojson') {
      c.header('Content-Disposition', 'attachment; filename="triangulate-places.geojson"');
      return c.json(await placesGeoJSON(deps.store, story ? { storyId: story } : {}));
    }
    if (format !== 'jsonl' && format !== 'csv') throw new ApiError(400, 'bad_parameter', `"format" must be jsonl, csv or geojson, got ${JSON.stringify(format ?? null)}`);
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="triangulate-articles.${format}"`);
    return stream(c, async (s) => {
      if (format === 'csv') await s.write(articleCsvHeader());
      for await (const a of articlesOf(deps.store, story)) await s.write(format === 'csv' ? articleCsvRow(a) : JSON.stringify(a) + '\n');
    });
  });
  return r;
}
