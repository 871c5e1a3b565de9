/**
 * The Fetcher contract (CONVENTIONS 7): one interface, an HTTP implementation (http.ts) for real
 * use and a file-replay implementation (replay.ts) for tests, both checked by one contract suite.
 */

/** Why a fetch failed; the message names the URL and the reason. */
export type FetchErrorCode =
  | 'bad_url'
  | 'private_address'
  | 'dns'
  | 'connect_timeout'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'content_type'
  | 'http_status'
  | 'decode'
  | 'network';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${message}`, options);
  }
}

/** Limits and policy of one fetch; every field has a named default below. */
export interface FetchOptions {
  /** Allow private, loopback, link-local, unique-local and multicast addresses. Default false. */
  allowPrivate?: boolean;
  /** Milliseconds to establish the connection (per hop). */
  connectTimeoutMs?: number;
  /** Milliseconds for the whole fetch including redirects and body. */
  totalTimeoutMs?: number;
  /** Largest body accepted, in bytes, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Media types accepted (lower case, without parameters). Missing Content-Type is accepted. */
  accept?: readonly string[];
  userAgent?: string;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
/** 10 MB: far above any news page (typically 50-500 kB) yet bounded for a server. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Browsers allow 20; news sites need at most a handful (http -> https -> www -> canonical). */
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'Triangulate/0.1 (+https://github.com/triangulate; news research tool)';
/** Documents we can use: HTML, feeds, text, Markdown, JSON/JSONL. */
export const DEFAULT_ACCEPT: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/x-ndjson',
  'application/jsonl',
];

export interface FetchResult {
  /** URL asked for. */
  requestedUrl: string;
  /** URL after redirects. */
  url: string;
  status: number;
  /** Media type without parameters, lower case, or null when the server sent none. */
  mediaType: string | null;
  contentType: string | null;
  /** Charset used to decode the body. */
  charset: string;
  /** Decoded body. */
  body: string;
  /** Body size in bytes (after content decoding). */
  bytes: number;
  /** Redirect hops followed, in order. */
  redirects: string[];
  warnings: string[];
}

export interface Fetcher {
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
}

/** The media type of a Content-Type value. Example: "Text/HTML; charset=utf-8" -> "text/html". */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const t = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return t === '' ? null : t;
}
