/**
 * Character-set detection and decoding for fetched and local documents, in the order browsers use:
 * byte-order mark, then the Content-Type header's charset, then an in-document declaration
 * (<meta charset>, <meta http-equiv="Content-Type">, <?xml encoding?>) in the first bytes, then
 * UTF-8. Decoding uses TextDecoder (full ICU: windows-1252, ISO-8859-x, Shift_JIS, GBK, KOI8-R, ...).
 *
 * Invalid UTF-8 with no declared charset (our documented choice): when the bytes hold no valid
 * multi-byte UTF-8 sequence at all, the text is legacy single-byte and is decoded as windows-1252
 * (what browsers do for undeclared Western pages); otherwise it is UTF-8 with damage, decoded with
 * U+FFFD replacements. Either way a warning says so; when more than MAX_REPLACED_FRACTION of the
 * bytes are bad the document is refused as "invalid UTF-8".
 */

/** How many leading bytes are searched for an in-document charset declaration (HTML spec: 1024). */
export const PRESCAN_BYTES = 4096;
/** Above this share of undecodable bytes a document is refused rather than shown as mojibake. */
export const MAX_REPLACED_FRACTION = 0.05;

export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used ("utf-8", "windows-1252", ...). */
  charset: string;
  /** Where the charset came from. */
  from: 'bom' | 'header' | 'document' | 'default' | 'fallback';
  warnings: string[];
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** Charset parameter of a Content-Type value. Example: 'text/html; charset="ISO-8859-1"' -> "iso-8859-1". */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m?.[1]?.toLowerCase() ?? null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it ("latin1" -> "windows-1252"). */
export function normalizeCharset(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomCharset(bytes: Uint8Array): [string, number] | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return ['utf-8', 3];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ['utf-16le', 2];
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ['utf-16be', 2];
  return null;
}

/**
 * Charset declared inside the first bytes of an HTML or XML document, or null.
 * Example: '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' -> "windows-1252".
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  // <meta charset=...> and <meta http-equiv content="...; charset=..."> (attribute order free)
  const meta = /<meta\s[^>]{0,500}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

// Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (ISO-8859-1), losing curly
// quotes, dashes and the euro sign; this table is the WHATWG windows-1252 mapping for that row.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes bytes with a WHATWG encoding, correcting Node's windows-1252 decoder. */
export function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding).decode(bytes);
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j] ?? 0;
      codes[j - i] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes in one linear pass. */
function utf8Stats(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else {
      invalid++;
      i++;
      continue;
    }
    let ok = i + need < bytes.length;
    for (let k = 1; k <= need && ok; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      multi++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

/**
 * Decodes a document's bytes. `contentType` is the HTTP header when there is one; `sniffDocument`
 * enables the <meta>/<?xml?> prescan (HTML and XML bodies). Throws DecodeError on hopeless input.
 * Example: bytes of "caf\xe9" with 'text/html; charset=windows-1252' -> "café".
 */
export function decodeBytes(bytes: Uint8Array, opts: { contentType?: string | null; sniffDocument?: boolean } = {}): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bom[0], bytes.subarray(bom[1])), charset: bom[0], from: 'bom', warnings: [] };
  const warnings: string[] = [];
  const candidates: Array<[string | null, Decoded['from']]> = [
    [charsetFromContentType(opts.contentType), 'header'],
    [opts.sniffDocument ? declaredCharset(bytes) : null, 'document'],
  ];
  for (const [label, from] of candidates) {
    if (label === null) continue;
    const enc = normalizeCharset(label);
    if (enc === null) {
      warnings.push(`unknown charset ${JSON.stringify(label)} ignored`);
      continue;
    }
    // A page that declares UTF-8 but is not goes through the same checks as an undeclared one.
    if (enc !== 'utf-8') return { text: decodeWith(enc, bytes), charset: enc, from, warnings };
    break;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', from: 'default', warnings };
  } catch {
    const { multi, invalid } = utf8Stats(bytes);
    if (multi === 0) {
      warnings.push('not valid UTF-8 and no charset declared: decoded as windows-1252');
      return { text: decodeWith('windows-1252', bytes), charset: 'windows-1252', from: 'fallback', warnings };
    }
    if (invalid > bytes.length * MAX_REPLACED_FRACTION) {
      throw new DecodeError(`invalid UTF-8: ${invalid} of ${bytes.length} bytes cannot be decoded`);
    }
    warnings.push(`invalid UTF-8: ${invalid} byte(s) replaced with U+FFFD`);
    return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', from: 'fallback', warnings };
  }
}
