/**
 * Bytes -> string for HTML documents: a BOM wins, then a declared charset (an HTTP header value
 * when the caller has one, <meta charset>, <meta http-equiv="Content-Type">, an XML declaration),
 * then UTF-8. One implementation for fetched and local documents: this adapts
 * src/ingest/fetch/charset.ts (which also corrects Node 20's windows-1252 decoder) to the HTML
 * parser's shape. Unlike plain-text sources, an undeclared HTML page is UTF-8 (with U+FFFD for bad
 * bytes), and this never throws.
 */
import { charsetFromContentType, declaredCharset, decodeWith, normalizeCharset } from '../../fetch/charset.js';

export { charsetFromContentType };

export interface DecodedHtml {
  text: string;
  /** The WHATWG encoding name used ("utf-8", "windows-1251"). */
  charset: string;
  /** Where it came from. */
  from: 'bom' | 'header' | 'meta' | 'default';
}

/**
 * Decodes HTML bytes honouring a BOM, the caller's Content-Type charset and in-document declarations.
 * Example: bytes of `<meta charset="windows-1251"><p>\xcf\xf0\xe8\xe2\xe5\xf2` -> "…<p>Привет".
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): DecodedHtml {
  const bom: Array<[number[], string]> = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];
  for (const [mark, enc] of bom) {
    if (mark.every((b, i) => bytes[i] === b)) return { text: decodeWith(enc, bytes.subarray(mark.length)), charset: enc, from: 'bom' };
  }
  const fromHeader = headerCharset ? normalizeCharset(headerCharset) : null;
  if (fromHeader) return { text: decodeWith(fromHeader, bytes), charset: fromHeader, from: 'header' };
  const declared = declaredCharset(bytes);
  const fromMeta = declared ? normalizeCharset(declared) : null;
  if (fromMeta) {
    // A page saved as UTF-8 that still declares UTF-16 cannot be UTF-16 (the declaration was read as ASCII).
    const enc = fromMeta.startsWith('utf-16') ? 'utf-8' : fromMeta;
    return { text: decodeWith(enc, bytes), charset: enc, from: 'meta' };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', from: 'default' };
}

/** Finds a charset declared in the first bytes: <meta charset=X>, content="...; charset=X", <?xml encoding="X"?>. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  return declaredCharset(bytes);
}
