/**
 * HTTP(S) Fetcher safe to run on a server: every host name is resolved first and every address it
 * resolves to is checked (IPv4 and IPv6) before connecting to the checked address, so a name that
 * points at 127.0.0.1 or 10.x, or a redirect to one, is refused unless `allowPrivate`; connect and
 * total timeouts; a streamed size cap (Content-Length and counted bytes after decompression, so a
 * gzip bomb stops at the cap); a redirect cap with each hop re-checked; a content-type check; charset
 * detection (header, BOM, <meta>/<?xml?>).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { blockedAddressReason } from './address.js';
import { checkContentType, finishResponse, parseFetchUrl } from './response.js';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  FetchError,
  type Fetcher,
  type FetchOptions,
  type FetchResult,
} from './types.js';

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  bytes: Uint8Array;
}

/** Resolves a host name to all its addresses (default: the system resolver, `dns.lookup` with all). */
export type Resolver = (hostname: string, family: number) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname, family) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, family }, (err, addresses: LookupAddress[]) => (err ? reject(err) : resolve(addresses)));
  });

/**
 * A socket lookup that resolves every address of the name and refuses the name when any of them is
 * private (a name with one public and one private address could otherwise be steered to the
 * private one); the socket then connects to an address that was checked, never re-resolving.
 */
function guardedLookup(url: string, allowPrivate: boolean, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const fam = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    resolver(hostname, fam).then(
      (addresses) => {
        if (!allowPrivate) {
          for (const a of addresses) {
            const why = blockedAddressReason(a.address);
            if (why !== null) {
              callback(new FetchError('private_address', url, `${hostname} resolves to ${a.address} (${why}); refused without allowPrivate`), '', 0);
              return;
            }
          }
        }
        const first = addresses[0];
        if (first === undefined) {
          callback(new FetchError('dns', url, `cannot resolve ${hostname} (no addresses)`), '', 0);
          return;
        }
        if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(new FetchError('dns', url, `cannot resolve ${hostname} (${err.code ?? err.message})`, { cause: err }), '', 0),
    );
  };
}

function decoderFor(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

export class HttpFetcher implements Fetcher {
  private readonly resolver: Resolver;

  /** `deps.resolve` replaces the system resolver (tests: a name that resolves to chosen addresses). */
  constructor(
    private readonly defaults: FetchOptions = {},
    deps: { resolve?: Resolver } = {},
  ) {
    this.resolver = deps.resolve ?? systemResolver;
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const opts: FetchOptions = { ...this.defaults, ...options };
    const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const totalMs = opts.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new FetchError('timeout', url, `no complete response within ${totalMs} ms`)), totalMs);
    const seen = new Set<string>();
    const redirects: string[] = [];
    try {
      let current = parseFetchUrl(url);
      for (;;) {
        seen.add(current.href);
        const hop = await this.request(current, opts, controller.signal);
        if (hop.location !== null) {
          const next = parseFetchUrl(hop.location, current.href);
          if (seen.has(next.href)) throw new FetchError('redirect_loop', url, `redirect loop at ${next.href}`);
          if (redirects.length >= maxRedirects) throw new FetchError('too_many_redirects', url, `more than ${maxRedirects} redirects`);
          redirects.push(next.href);
          current = next;
          continue;
        }
        if (hop.status >= 400) throw new FetchError('http_status', url, `HTTP ${hop.status}`);
        return finishResponse(url, current.href, hop.status, hop.contentType, hop.bytes, redirects);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private request(u: URL, opts: FetchOptions, signal: AbortSignal): Promise<Hop> {
    const url = u.href;
    const allowPrivate = opts.allowPrivate ?? false;
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const connectMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 && !allowPrivate) {
      const why = blockedAddressReason(host);
      if (why !== null) return Promise.reject(new FetchError('private_address', url, `address ${host} is ${why}; refused without allowPrivate`));
    }
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Hop>((resolve, reject) => {
      let settled = false;
      const fail = (err: unknown): void => {
        if (settled) return;
        settled = true;
        const reason: unknown = signal.aborted ? signal.reason : err;
        if (reason instanceof FetchError) reject(reason);
        else {
          const e = reason as NodeJS.ErrnoException;
          reject(new FetchError('network', url, `${e.code ?? e.message ?? String(reason)}`, { cause: reason }));
        }
        req.destroy();
      };
      const mod = u.protocol === 'https:' ? https : http;
      const req = mod.request(
        u,
        {
          method: 'GET',
          agent: false,
          lookup: guardedLookup(url, allowPrivate, this.resolver),
          signal,
          headers: {
            'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
            accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
            'accept-encoding': 'gzip, deflate, br',
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const location = typeof res.headers.location === 'string' && status >= 300 && status < 400 ? res.headers.location : null;
          const contentType = res.headers['content-type'] ?? null;
          if (location !== null || status >= 400) {
            res.resume();
            settled = true;
            resolve({ status, location, contentType, bytes: new Uint8Array() });
            req.destroy();
            return;
          }
          try {
            checkContentType(url, contentType, opts);
          } catch (err) {
            res.resume();
            fail(err);
            return;
          }
          const declared = Number(res.headers['content-length'] ?? NaN);
          const encoding = res.headers['content-encoding'];
          if (Number.isFinite(declared) && declared > maxBytes && decoderFor(encoding) === null) {
            fail(new FetchError('too_large', url, `body of ${declared} bytes exceeds the ${maxBytes}-byte limit`));
            return;
          }
          const decoder = decoderFor(encoding);
          const body: Readable = decoder ? (res.pipe(decoder) as unknown as Readable) : res;
          const chunks: Buffer[] = [];
          let total = 0;
          body.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > maxBytes) {
              fail(new FetchError('too_large', url, `body exceeds the ${maxBytes}-byte limit`));
              res.destroy();
              body.destroy();
              return;
            }
            chunks.push(chunk);
          });
          body.on('error', (err) => fail(err));
          res.on('error', (err) => fail(err));
          body.on('end', () => {
            if (settled) return;
            settled = true;
            resolve({ status, location: null, contentType, bytes: Buffer.concat(chunks) });
          });
        },
      );
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const t = setTimeout(() => fail(new FetchError('connect_timeout', url, `no connection within ${connectMs} ms`)), connectMs);
        socket.once(u.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(t));
        socket.once('close', () => clearTimeout(t));
      });
      req.on('error', (err) => fail(err));
      req.end();
    });
  }
}
