/**
 * The one HTTP error type and its handler (CONVENTIONS 8): routes throw ApiError; anything else is a
 * 500 with a generic message (details go to the server log, never to the client).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from './api-types.js';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

export function handleError(err: Error, c: Context, log: (msg: string) => void): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
  // Hono's own HTTPException (e.g. from bodyLimit) carries a status.
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody('bad_request', err.message || 'bad request'), status as ContentfulStatusCode);
  }
  log(`tri serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return c.json(errorBody('internal', 'internal error'), 500);
}
