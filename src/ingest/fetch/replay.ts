/**
 * File-replay Fetcher for tests and offline runs: answers URLs from recorded responses (a manifest
 * naming a file, status, Content-Type and redirect per URL) with the same redirect cap, loop check,
 * content-type check, size cap and charset decoding as the HTTP fetcher (see response.ts).
 *
 * manifest.json example:
 *   { "https://news.example/a": { "file": "a.html", "contentType": "text/html; charset=windows-1252" },
 *     "https://news.example/old": { "status": 301, "location": "/a" } }
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { blockedAddressReason } from './address.js';
import { checkContentType, finishResponse, parseFetchUrl } from './response.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, FetchError, type Fetcher, type FetchOptions, type FetchResult } from './types.js';

export interface ReplayEntry {
  /** File holding the body, relative to the replay directory. */
  file?: string;
  /** Inline body (tests). */
  body?: string | Uint8Array;
  status?: number;
  contentType?: string;
  /** Redirect target (absolute or relative to the URL). */
  location?: string;
}

export class ReplayFetcher implements Fetcher {
  constructor(
    private readonly entries: ReadonlyMap<string, ReplayEntry>,
    private readonly dir: string = '.',
    private readonly defaults: FetchOptions = {},
  ) {}

  /** Loads `dir/manifest.json`. Throws naming the file when it is missing or malformed. */
  static async fromDirectory(dir: string, defaults: FetchOptions = {}): Promise<ReplayFetcher> {
    const path = join(dir, 'manifest.json');
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      throw new Error(`fetch/replay: cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`fetch/replay: ${path}: expected an object of URL -> entry`);
    return new ReplayFetcher(new Map(Object.entries(raw as Record<string, ReplayEntry>)), resolve(dir), defaults);
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const opts: FetchOptions = { ...this.defaults, ...options };
    const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const seen = new Set<string>();
    const redirects: string[] = [];
    let current = parseFetchUrl(url);
    for (;;) {
      seen.add(current.href);
      const host = current.hostname.replace(/^\[|\]$/g, '');
      if (!(opts.allowPrivate ?? false) && isIP(host) !== 0) {
        const why = blockedAddressReason(host);
        if (why !== null) throw new FetchError('private_address', url, `address ${host} is ${why}; refused without allowPrivate`);
      }
      const entry = this.entries.get(current.href);
      if (entry === undefined) throw new FetchError('network', url, `no recorded response for ${current.href}`);
      const status = entry.status ?? (entry.location !== undefined ? 302 : 200);
      if (entry.location !== undefined && status >= 300 && status < 400) {
        const next = parseFetchUrl(entry.location, current.href);
        if (seen.has(next.href)) throw new FetchError('redirect_loop', url, `redirect loop at ${next.href}`);
        if (redirects.length >= maxRedirects) throw new FetchError('too_many_redirects', url, `more than ${maxRedirects} redirects`);
        redirects.push(next.href);
        current = next;
        continue;
      }
      if (status >= 400) throw new FetchError('http_status', url, `HTTP ${status}`);
      const contentType = entry.contentType ?? null;
      checkContentType(url, contentType, opts);
      let bytes: Uint8Array;
      if (entry.file !== undefined) {
        const path = join(this.dir, entry.file);
        const size = (await stat(path)).size;
        if (size > maxBytes) throw new FetchError('too_large', url, `body of ${size} bytes exceeds the ${maxBytes}-byte limit`);
        bytes = await readFile(path);
      } else {
        bytes = typeof entry.body === 'string' ? new TextEncoder().encode(entry.body) : (entry.body ?? new Uint8Array());
        if (bytes.length > maxBytes) throw new FetchError('too_large', url, `body exceeds the ${maxBytes}-byte limit`);
      }
      return finishResponse(url, current.href, status, contentType, bytes, redirects);
    }
  }
}
