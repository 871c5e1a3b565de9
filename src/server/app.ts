/**
 * The HTTP API and web UI as a Hono app: `createApp(deps)` is pure wiring, tested in-process with
 * `app.request(...)`; only src/server/main.ts binds a port (CONVENTIONS 11).
 *
 * Security model: reads are served to loopback clients only unless `allowRemoteReads`; every write
 * needs `Authorization: Bearer <TRI_TOKEN>`; request bodies are capped; responses carry a strict
 * Content-Security-Policy so that article text, which is untrusted, can never run in the UI.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/types.js';
import type { IngestProgress, IngestSummary } from '../ingest/service.js';
import type { SourceItem } from '../ingest/types.js';
import type { StoryDetail } from './api-types.js';
import { ApiError, errorBody, handleError } from './errors.js';
import { articleRoutes } from './routes/articles.js';
import { storyRoutes } from './routes/stories.js';
import { ingestRoutes } from './routes/ingest.js';
import { exportRoutes } from './routes/exports.js';
import { metaRoutes } from './routes/meta.js';
import { staticRoutes, type WebRoot } from './routes/static.js';

/**
 * Wraps the ingest service so that the API can answer with the ids of the articles it stored.
 * Example: `withArticleIds((items, onProgress) => ingestItems(items, { store, parseDocument, onProgress }))`.
 */
export function withArticleIds(
  run: (items: AsyncIterable<SourceItem>, onProgress: (p: IngestProgress) => void) => Promise<IngestSummary>,
): AppDeps['ingestItems'] {
  return async (items) => {
    const articleIds: string[] = [];
    const summary = await run(items, (p) => {
      if ((p.last.outcome === 'new' || p.last.outcome === 'near_duplicate') && p.last.articleId) articleIds.push(p.last.articleId);
    });
    return { ...summary, articleIds };
  };
}

/** Largest request body accepted (bytes): a JSONL batch of a few thousand articles. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Largest page a list endpoint returns. */
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;

export interface AppDeps {
  store: Store;
  /** Story detail: brief, claim groups, timeline, entities, places (core/analyze.ts storyReport). */
  storyDetail(storyId: string): Promise<StoryDetail | null>;
  /** Runs items through the ingest pipeline into `store` (parse, fingerprint, store, analyse). */
  ingestItems(items: AsyncIterable<SourceItem>): Promise<IngestSummary & { articleIds?: string[] }>;
  /** Reads URLs with the safe fetcher (private addresses refused unless allowed). */
  readUrls(urls: string[]): AsyncIterable<SourceItem>;
  /** Bearer token for writes; null refuses every write. */
  token: string | null;
  /** Serve reads to non-loopback clients too (default false). */
  allowRemoteReads?: boolean;
  maxBodyBytes?: number;
  /** Where the web UI's files are; null serves the API alone. */
  webRoot: WebRoot | null;
  log?: (msg: string) => void;
}

export type AppEnv = { Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/;

/** Remote address of the client, or null in-process (app.request in tests counts as local). */
export function remoteAddress(c: Context<AppEnv>): string | null {
  return c.env?.incoming?.socket?.remoteAddress ?? null;
}

/** Constant-time comparison of the presented token with the configured one. */
function tokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function requireToken(c: Context<AppEnv>, token: string | null): void {
  if (token === null || token === '') throw new ApiError(403, 'writes_disabled', 'writes are disabled: start the server with TRI_TOKEN set');
  const h = c.req.header('authorization') ?? '';
  const m = /^Bearer (\S+)$/i.exec(h);
  if (!m || !tokenMatches(m[1]!, token)) throw new ApiError(401, 'unauthorized', 'a valid "Authorization: Bearer <TRI_TOKEN>" header is required');
}

/** Parses limit/offset query parameters, naming the bad one. */
export function pageParams(c: Context<AppEnv>): { limit: number; offset: number } {
  const parse = (name: string, fallback: number, max: number): number => {
    const v = c.req.query(name);
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v)) throw new ApiError(400, 'bad_parameter', `"${name}" must be a non-negative integer, got ${JSON.stringify(v)}`);
    return Math.min(Number(v), max);
  };
  return { limit: parse('limit', DEFAULT_PAGE, MAX_PAGE), offset: parse('offset', 0, Number.MAX_SAFE_INTEGER) };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = deps.log ?? ((m: string) => void process.stderr.write(m + '\n'));

  app.onError((err, c) => handleError(err, c, log));
  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));

  app.use('*', async (c, next) => {
    const addr = remoteAddress(c);
    if (addr !== null && !LOOPBACK.test(addr) && !deps.allowRemoteReads && c.req.method === 'GET') {
      throw new ApiError(403, 'remote_reads_disabled', 'reads are served to localhost only; start the server with --allow-remote to share it');
    }
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('too_large', `request body exceeds ${deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`), 413),
    }),
  );

  app.route('/api', metaRoutes());
  app.route('/api', articleRoutes(deps));
  const writes = { n: 0 };
  app.route('/api', storyRoutes(deps, writes));
  app.route('/api', ingestRoutes(deps, writes));
  app.route('/api', exportRoutes(deps));
  if (deps.webRoot !== null) app.route('/', staticRoutes(deps.webRoot));
  return app;
}
