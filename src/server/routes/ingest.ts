/**
 * POST /api/ingest: articles into the store through the same pipeline as `tri ingest`. Bodies:
 * - application/json: `{"documents": [{text|html, title?, url?, published?, source?, lang?, id?}], "urls": [...]}`
 * - application/x-ndjson (or application/jsonl): one article object per line
 * - text/html, text/plain, text/markdown: one document (query `title`, `url`, `published`, `source`)
 * Requires `Authorization: Bearer <TRI_TOKEN>`.
 */
import { Hono } from 'hono';
import { articleFromJson } from '../../ingest/sources.js';
import type { SourceItem } from '../../ingest/types.js';
import type { IngestRequest, IngestResponse } from '../api-types.js';
import { type AppDeps, type AppEnv, requireToken } from '../app.js';
import { ApiError } from '../errors.js';

/** Most documents or URLs one request may carry. */
export const MAX_DOCUMENTS_PER_REQUEST = 5000;

async function* fromArray(items: SourceItem[]): AsyncGenerator<SourceItem> {
  for (const it of items) yield it;
}

async function* concat(...parts: AsyncIterable<SourceItem>[]): AsyncGenerator<SourceItem> {
  for (const p of parts) for await (const it of p) yield it;
}

/** `writes.n` counts completed ingests, so that cached lists know to look again. */
export function ingestRoutes(deps: AppDeps, writes: { n: number } = { n: 0 }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/ingest', async (c) => {
    requireToken(c, deps.token);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const items: SourceItem[] = [];
    let urls: string[] = [];
    if (type === 'application/json') {
      let body: IngestRequest;
      try {
        body = (await c.req.json()) as IngestRequest;
      } catch (err) {
        throw new ApiError(400, 'bad_json', `request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'bad_request', 'body must be an object with "documents" and/or "urls"');
      const docs = body.documents ?? [];
      urls = body.urls ?? [];
      if (!Array.isArray(docs) || !Array.isArray(urls)) throw new ApiError(400, 'bad_request', '"documents" and "urls" must be arrays');
      if (docs.length + urls.length === 0) throw new ApiError(400, 'bad_request', 'nothing to ingest: give "documents" or "urls"');
      if (docs.length + urls.length > MAX_DOCUMENTS_PER_REQUEST) throw new ApiError(413, 'too_many', `at most ${MAX_DOCUMENTS_PER_REQUEST} documents and URLs per request`);
      for (const u of urls) {
        if (typeof u !== 'string' || !/^https?:\/\//i.test(u)) throw new ApiError(400, 'bad_request', `"urls" must hold http(s) URLs, got ${JSON.stringify(u)}`);
      }
      docs.forEach((d, i) => items.push(articleFromJson(`api:documents[${i}]`, d)));
    } else if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') {
      const lines = (await c.req.text()).split('\n');
      if (lines.length > MAX_DOCUMENTS_PER_REQUEST + 1) throw new ApiError(413, 'too_many', `at most ${MAX_DOCUMENTS_PER_REQUEST} lines per request`);
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        let v: unknown;
        try {
          v = JSON.parse(line);
        } catch (err) {
          items.push({ ok: false, input: `api:line ${i + 1}`, status: 'failed', error: `api:line ${i + 1}: invalid JSON (${err instanceof Error ? err.message : String(err)})` });
          return;
        }
        items.push(articleFromJson(`api:line ${i + 1}`, v));
      });
    } else if (type === 'text/html' || type === 'text/plain' || type === 'text/markdown') {
      const q = (k: string): string | undefined => c.req.query(k) || undefined;
      const rec: Record<string, string> = { [type === 'text/html' ? 'html' : 'text']: await c.req.text() };
      for (const k of ['title', 'url', 'published', 'source', 'lang', 'id']) {
        const v = q(k);
        if (v !== undefined) rec[k] = v;
      }
      items.push(articleFromJson('api:body', rec));
    } else {
      throw new ApiError(415, 'unsupported_media_type', `unsupported content type ${JSON.stringify(type)}: use application/json, application/x-ndjson, text/html, text/plain or text/markdown`);
    }
    const summary = await deps.ingestItems(concat(fromArray(items), urls.length > 0 ? deps.readUrls(urls) : fromArray([])));
    writes.n++;
    const body: IngestResponse = {
      new: summary.new,
      nearDuplicates: summary.nearDuplicates,
      exactDuplicates: summary.exactDuplicates,
      notArticles: summary.notArticles,
      failed: summary.failed,
      problems: summary.problems,
      articleIds: summary.articleIds ?? [],
    };
    return c.json(body, summary.new + summary.nearDuplicates > 0 ? 201 : 200);
  });

  return r;
}
