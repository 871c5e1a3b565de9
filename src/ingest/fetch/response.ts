/**
 * What every Fetcher does once it has a response's bytes: content-type check and charset decoding,
 * so the HTTP and replay implementations behave the same (one contract suite).
 */
import { decodeBytes, DecodeError } from './charset.js';
import { DEFAULT_ACCEPT, FetchError, mediaTypeOf, type FetchOptions, type FetchResult } from './types.js';

/** Throws FetchError('content_type') unless the media type is acceptable (missing is acceptable). */
export function checkContentType(url: string, contentType: string | null, opts: FetchOptions): void {
  const media = mediaTypeOf(contentType);
  const accept = opts.accept ?? DEFAULT_ACCEPT;
  if (media !== null && !accept.includes(media)) {
    throw new FetchError('content_type', url, `unsupported content type ${JSON.stringify(media)} (accepted: ${accept.join(', ')})`);
  }
}

/** NUL bytes in the first 8 kB (UTF-16 with a BOM aside): an image or PDF served under a text type. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Decodes an accepted body into a FetchResult. */
export function finishResponse(
  requestedUrl: string,
  url: string,
  status: number,
  contentType: string | null,
  bytes: Uint8Array,
  redirects: string[],
): FetchResult {
  const media = mediaTypeOf(contentType);
  if (looksBinary(bytes)) throw new FetchError('content_type', url, `binary body (NUL bytes) served as ${JSON.stringify(media ?? 'no content type')}`);
  const sniffDocument = media === null || media.includes('html') || media.includes('xml');
  try {
    const d = decodeBytes(bytes, { contentType, sniffDocument });
    return { requestedUrl, url, status, mediaType: media, contentType, charset: d.charset, body: d.text, bytes: bytes.length, redirects, warnings: d.warnings };
  } catch (err) {
    if (err instanceof DecodeError) throw new FetchError('decode', url, err.message, { cause: err });
    throw err;
  }
}

/** Validates a URL string for fetching: absolute http(s) only. */
export function parseFetchUrl(raw: string, base?: string): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch (err) {
    throw new FetchError('bad_url', raw, 'not a valid URL', { cause: err });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchError('bad_url', raw, `unsupported scheme ${JSON.stringify(u.protocol)} (only http and https)`);
  }
  if (u.username !== '' || u.password !== '') throw new FetchError('bad_url', raw, 'credentials in URLs are refused');
  return u;
}
