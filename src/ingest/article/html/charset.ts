/**
 * Bytes -> string for HTML documents: a BOM wins, then a declared charset (an HTTP header value
 * when the caller has one, <meta charset>, <meta http-equiv="Content-Type">, an XML declaration),
 * then UTF-8. Node's TextDecoder has full ICU here, so every WHATWG label (windows-1251, koi8-r,
 * shift_jis, gb18030, iso-8859-2, ...) decodes.
 */

/** How many leading bytes are searched for a charset declaration (the HTML spec's prescan uses 1024; pages in the wild put it later). */
const PRESCAN_BYTES = 4096;

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
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', from: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', from: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', from: 'bom' };
  }
  const fromHeader = headerCharset ? makeDecoder(headerCharset) : null;
  if (fromHeader) return { text: fromHeader.decode(bytes), charset: fromHeader.encoding, from: 'header' };
  const declared = sniffDeclaredCharset(bytes);
  const fromMeta = declared ? makeDecoder(declared) : null;
  if (fromMeta) {
    // A page saved as UTF-8 that still declares UTF-16 cannot be UTF-16 (the declaration was read as ASCII).
    const dec = fromMeta.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : fromMeta;
    return { text: dec.decode(bytes), charset: dec.encoding, from: 'meta' };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', from: 'default' };
}

function makeDecoder(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** Finds a charset declared in the first bytes: <meta charset=X>, content="...; charset=X", <?xml encoding="X"?>. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES)).toLowerCase();
  // Linear: each pattern is anchored on a literal and bounded character classes.
  const meta = /<meta\s[^>]{0,300}?charset\s*=\s*["']?([\w.:-]{1,40})/.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /^<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})/.exec(head);
  if (xml?.[1]) return xml[1];
  return null;
}

/** The charset parameter of a Content-Type header value, or null. Example: "text/html; charset=KOI8-R" -> "koi8-r". */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}
