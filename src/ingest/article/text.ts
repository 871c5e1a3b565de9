/**
 * Plain-text and Markdown articles -> ParsedArticle: front matter (YAML-ish `---` block or a
 * `Key: value` header), title from the first heading or a title-like first line, byline ("By Jane
 * Doe"), publication line ("Published: 13 August 2030"), outlet from a dateline ("KYIV, Ukraine (AP)
 * —", "(Reuters) -") or a signature line ("– Rappler.com", "© 2030 Newsmax. All rights reserved."),
 * a cheap language guess, and normalised whitespace: paragraphs separated by one blank line,
 * hard-wrapped lines joined, copyright boilerplate dropped.
 *
 * Structured input (JSONL `text`) keeps its lines as given: only metadata is read from it.
 */
import type { DateSource, ParsedArticle } from '../../types.js';
import { OUTLETS } from '../../extract/lexicons/outlets.js';
import { guessLanguage } from './html/lang.js';

export interface TextParseOptions {
  markdown: boolean;
  /** The body is an article text supplied as data (JSONL): do not take lines out of it. */
  structured?: boolean;
  url?: string;
  meta?: Partial<ParsedArticle>;
}

/** A first line longer than this is a paragraph or a caption, not a headline. */
const MAX_TITLE_CHARS = 160;
const MAX_TITLE_WORDS = 28;
/** Header lines (title, byline, date) are looked for in this many leading paragraphs. */
const HEADER_BLOCKS = 4;
/** The language guess reads this much text: a few paragraphs decide it, the rest only costs time. */
const LANG_SAMPLE_CHARS = 1500;
/** Signature lines are looked for in this many trailing lines. */
const TRAILER_LINES = 6;

// ---------------------------------------------------------------------------------------------
// Outlets
// ---------------------------------------------------------------------------------------------

const OUTLET_BY_NAME = new Map<string, string>();
const OUTLET_BY_DOMAIN = new Map<string, string>();
for (const o of OUTLETS) {
  OUTLET_BY_NAME.set(o.canonical.toLowerCase(), o.canonical);
  for (const a of o.aliases) OUTLET_BY_NAME.set(a.toLowerCase(), o.canonical);
  for (const d of o.domains ?? []) OUTLET_BY_DOMAIN.set(d.toLowerCase(), o.canonical);
}

/** Words that end the names of news outlets we do not list ("Daily Ledger", "Valley Journal"). */
const OUTLET_WORD = /\b(?:News|Times|Post|Journal|Herald|Tribune|Ledger|Courier|Gazette|Daily|Wire|Radio|TV|Television|Agency|Press|Chronicle|Observer|Standard|Telegraph|Express|Mail|Star|Sun|Review|Report|Today|Weekly|Monitor|Dispatch|Bulletin|Record|Register|Reporter|Insider|Examiner|Inquirer|Sentinel|Globe|Mirror|Voice|Online|Media|Network|Service)$/;
const DOMAIN = /^(?:www\.)?([a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,62}){0,3}\.[a-z]{2,12})$/i;

/** Trailing spaces and punctuation removed (a loop, not /[\s.,;:]+$/, which is quadratic). */
function trimPunct(s: string): string {
  let end = s.length;
  while (end > 0 && ' \t.,;:'.includes(s[end - 1] ?? '')) end--;
  return s.slice(0, end).trim();
}

/** Canonical outlet for a host name. Example: "www.reuters.com" -> "Reuters". */
export function outletFromHost(host: string): string | null {
  let h = host.toLowerCase().replace(/^www\./, '');
  for (;;) {
    const hit = OUTLET_BY_DOMAIN.get(h);
    if (hit !== undefined) return hit;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
    h = h.slice(dot + 1);
  }
}

/**
 * The outlet a signature names, canonical when we know it, as written when it looks like an outlet
 * name, else null. Examples: "AP" -> "Associated Press"; "Rappler.com" -> "Rappler";
 * "Daily Ledger" -> "Daily Ledger"; "he said" -> null.
 */
export function outletName(raw: string, loose = false): string | null {
  const name = trimPunct(raw);
  if (name === '' || name.length > 60) return null;
  const known = OUTLET_BY_NAME.get(name.toLowerCase()) ?? OUTLET_BY_NAME.get(name.toLowerCase().replace(/^the\s+/, ''));
  if (known !== undefined) return known;
  const dom = DOMAIN.exec(name);
  if (dom?.[1] !== undefined) return outletFromHost(dom[1]) ?? name;
  const words = name.split(/\s+/);
  const capitalised = words.every((w) => /^(?:[A-Z0-9&'’.-]|of$|the$|and$|de$)/.test(w));
  if (!capitalised || words.length > 6) return null;
  if (OUTLET_WORD.test(name)) return name;
  // Loose (a copyright holder, a byline's outlet, a dateline's parenthesis): one word ("Newsmax")
  // or an acronym ("WKMG") reads as an outlet; two or three capitalised words are more likely a
  // person (a photographer's "© Jane Doe") and are not taken.
  if (loose && (words.length === 1 || /\b[A-Z]{2,}\b/.test(name))) return name;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

type Meta = Partial<Pick<ParsedArticle, 'title' | 'byline' | 'published' | 'source' | 'url' | 'lang'>>;

const FRONT_KEYS: Record<string, keyof Meta> = {
  title: 'title',
  headline: 'title',
  date: 'published',
  published: 'published',
  pubdate: 'published',
  published_at: 'published',
  publishedat: 'published',
  publication_date: 'published',
  datepublished: 'published',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  site: 'source',
  site_name: 'source',
  sitename: 'source',
  author: 'byline',
  authors: 'byline',
  byline: 'byline',
  by: 'byline',
  url: 'url',
  link: 'url',
  canonical: 'url',
  canonical_url: 'url',
  lang: 'lang',
  language: 'lang',
  locale: 'lang',
};

const unquote = (s: string): string => {
  const t = s.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.endsWith(t[0]) ? t.slice(1, -1) : t;
};

function setMeta(meta: Meta, key: string, value: string): boolean {
  const field = FRONT_KEYS[key.trim().toLowerCase().replace(/[\s-]+/g, '_')];
  if (field === undefined) return false;
  let v = unquote(value);
  if (v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1).split(',').map(unquote).filter(Boolean).join(', ');
  if (v === '' || meta[field] !== undefined) return true;
  if (field === 'published') {
    const d = parseDateText(v);
    if (d !== null) meta.published = d;
  } else if (field === 'lang') meta.lang = v.toLowerCase().split(/[-_]/)[0] ?? v;
  else meta[field] = v;
  return true;
}

/**
 * Reads a leading `---` YAML-ish block (or a block of `Key: value` lines with known keys followed
 * by a blank line). Returns the metadata and the rest of the text, or null when there is none.
 * Example: "---\ntitle: Dam holds\ndate: 2030-08-13\n---\nBody" -> ({title, published}, "Body").
 */
export function readFrontMatter(text: string): { meta: Meta; rest: string } | null {
  const lines = text.split('\n');
  const meta: Meta = {};
  if (lines[0]?.trim() === '---') {
    let end = -1;
    for (let i = 1; i < Math.min(lines.length, 200); i++) {
      const l = lines[i]?.trim();
      if (l === '---' || l === '...') {
        end = i;
        break;
      }
    }
    if (end < 0) return null;
    let listKey: string | null = null;
    const list: string[] = [];
    const flushList = (): void => {
      if (listKey !== null && list.length > 0) setMeta(meta, listKey, list.join(', '));
      listKey = null;
      list.length = 0;
    };
    for (const line of lines.slice(1, end)) {
      const item = /^\s+-\s+(\S.*)$/.exec(line);
      if (item?.[1] !== undefined && listKey !== null) {
        list.push(unquote(item[1]));
        continue;
      }
      flushList();
      const kv = /^([\w -]{1,40}):(.*)$/.exec(line);
      if (kv?.[1] === undefined) continue;
      if ((kv[2] ?? '').trim() === '') listKey = kv[1];
      else setMeta(meta, kv[1], kv[2] ?? '');
    }
    flushList();
    return { meta, rest: lines.slice(end + 1).join('\n') };
  }
  // "Title: ...\nDate: ...\n\nBody": every line of the first block must be a known key.
  let i = 0;
  while (i < lines.length && i < 20 && (lines[i] ?? '').trim() !== '') {
    const kv = /^([a-z][\w -]{0,30}):\s+\S/i.exec(lines[i] ?? '');
    if (kv?.[1] === undefined || FRONT_KEYS[kv[1].trim().toLowerCase().replace(/[\s-]+/g, '_')] === undefined) return null;
    i++;
  }
  if (i < 2 || i >= lines.length) return null;
  for (const line of lines.slice(0, i)) {
    const kv = /^([a-z][\w -]{0,30}):\s+(\S.*)$/i.exec(line);
    if (kv?.[1] !== undefined) setMeta(meta, kv[1], kv[2] ?? '');
  }
  return { meta, rest: lines.slice(i).join('\n') };
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A written date -> ISO 8601 without consulting the clock or the time zone. ISO datetimes with a
 * zone are kept; dates become YYYY-MM-DD. Examples: "August 13, 2030" -> "2030-08-13";
 * "13 Aug. 2030" -> "2030-08-13"; "2030-08-13T09:30:00Z" -> same; "soon" -> null.
 */
export function parseDateText(s: string): string | null {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?/.exec(t);
  if (iso) {
    const date = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date === null) return null;
    return iso[4] !== undefined && iso[5] !== undefined ? `${date}T${iso[4]}${iso[5]}` : date;
  }
  const mdy = /\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/i.exec(t);
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})\b/i.exec(t);
  for (const [mon, day, year] of [
    [mdy?.[1], mdy?.[2], mdy?.[3]],
    [dmy?.[2], dmy?.[1], dmy?.[3]],
  ]) {
    if (mon === undefined || day === undefined || year === undefined) continue;
    const m = MONTHS[mon.toLowerCase().slice(0, mon.toLowerCase().startsWith('sept') ? 4 : 3)];
    if (m !== undefined) return ymd(Number(year), m, Number(day));
  }
  const slash = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(t);
  if (slash) return ymd(Number(slash[1]), Number(slash[2]), Number(slash[3]));
  return null;
}

// ---------------------------------------------------------------------------------------------
// Markdown -> plain text
// ---------------------------------------------------------------------------------------------

/** Inline Markdown removed from one line: images, links, emphasis, code, inline HTML tags. */
function stripInline(line: string): string {
  return line
    .replace(/!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)/g, '')
    .replace(/\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]{1,500})>/g, '$1')
    .replace(/<\/?[A-Z][^<>\n]{0,300}>/gi, '')
    .replace(/(\*\*|__)(?=\S)([^*_\n]{1,500}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]{1,500}?\S)\*\B/g, '$1$2')
    .replace(/(^|\W)_(?=\S)([^_\n]{1,500}?\S)_\b/g, '$1$2')
    .replace(/`([^`\n]{1,500})`/g, '$1');
}

/** "Title ##" -> "Title" (closing hashes of an ATX heading). */
function trimHashes(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '#' || s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end).trim();
}

interface MdResult {
  text: string;
  heading: string | null;
}

/**
 * Markdown -> plain text with paragraphs separated by blank lines; the first top-of-document
 * heading is returned separately (the title). Link reference definitions and fences are dropped.
 */
export function markdownToText(md: string): MdResult {
  const out: string[] = [];
  let heading: string | null = null;
  let seenContent = false;
  let inFence = false;
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      inFence = !inFence;
      out.push('');
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^\s{0,3}\[[^\]]{1,100}\]:\s/.test(line)) continue; // [ref]: https://...
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line)) {
      out.push('');
      continue;
    }
    const atxm = /^ {0,3}#{1,6}(?:[ \t](.*))?$/.exec(line);
    const atx = atxm === null ? null : [atxm[0], trimHashes(atxm[1] ?? '')];
    const setext = line.trim() !== '' && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !/^\s{0,3}[-*+]\s/.test(line);
    if (atx !== null || setext) {
      const h = stripInline(atx !== null ? (atx[1] ?? '') : line.trim()).trim();
      if (setext) i++;
      if (!seenContent && heading === null) heading = h;
      else out.push('', h, '');
      seenContent = true;
      continue;
    }
    let l = line.replace(/^\s{0,3}>\s?/, '');
    const bullet = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(\S.*)$/.exec(l);
    if (bullet) {
      out.push('', stripInline(bullet[1] ?? ''), '');
      seenContent = true;
      continue;
    }
    l = stripInline(l);
    if (l.trim() !== '') seenContent = true;
    out.push(l);
  }
  return { text: out.join('\n'), heading };
}

// ---------------------------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------------------------

const TERMINAL = /[.!?:;"'”’»)\]…]$/;
const ODD_SPACE = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]| {2}/;
// most lines have single ASCII spaces only: test first, replace only when needed (hot path)
const collapse = (s: string): string => (ODD_SPACE.test(s) ? s.replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ') : s).trim();

/** How lines are laid out in a document: hard-wrapped at a width, or one paragraph per line. */
interface Layout {
  wrapped: boolean;
  width: number;
}

/**
 * Detects hard wrapping over the whole document (e-mail, wire and terminal text wrapped at 60-80
 * columns): the 90th-percentile line length is the width, and most lines that are not the last of
 * their block come close to it. Per-block guesses fail on two-line paragraphs; the document decides.
 */
function detectLayout(bl: string[][]): Layout {
  const lens = bl.flat().map((l) => l.length).sort((x, y) => x - y);
  const width = lens[Math.floor(lens.length * 0.9)] ?? 0;
  const inner = bl.flatMap((b) => b.slice(0, -1).map((l) => l.length));
  if (width < 30 || width > 120 || inner.length < 2) return { wrapped: false, width };
  const near = inner.filter((n) => n >= 0.7 * width).length;
  const over = lens.filter((n) => n > width * 1.15).length;
  return { wrapped: near >= 0.7 * inner.length && over <= 0.1 * lens.length, width };
}

/**
 * One block of consecutive non-blank lines -> paragraphs. In a hard-wrapped document, lines of a
 * block are joined (when blank lines separate paragraphs, every single newline is a wrap; without
 * blank lines a short line ends a paragraph). Otherwise each line is a paragraph unless it stops
 * mid-sentence and the next starts with a lower-case letter ("reached the\nvillage").
 */
function blockParagraphs(lines: string[], layout: Layout, blankSeparated: boolean): string[] {
  const paras: string[] = [];
  let cur = lines[0] ?? '';
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i] ?? '';
    const b = lines[i + 1] ?? '';
    // an e-mail address, handle or URL on its own line is not the rest of a sentence
    const bLower = /^\p{Ll}/u.test(b) && !/^(?:[^\s@]+@\S+|https?:\/\/\S+|www\.\S+)$/.test(b);
    let join: boolean;
    if (layout.wrapped && blankSeparated) join = !(a.length < 0.5 * layout.width && TERMINAL.test(a));
    else if (layout.wrapped) join = a.length >= 0.7 * layout.width || bLower;
    else join = !TERMINAL.test(a) && bLower;
    if (join) cur = /\p{L}-$/u.test(cur) && bLower ? `${cur}${b}` : `${cur} ${b}`;
    else {
      paras.push(cur);
      cur = b;
    }
  }
  paras.push(cur);
  return paras;
}

/** Text -> blocks of trimmed lines (split on blank lines). */
function blocks(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const raw of text.split('\n')) {
    const l = collapse(raw);
    if (l === '') {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Header and trailer lines
// ---------------------------------------------------------------------------------------------

const BYLINE_START = /^(?:By|BY|Written by|Words by|Reporting by) /;
const PUBLISHED_LINE = /^(?:Published|Posted|Updated|Last updated|Date)(?: on)?:? (\S.{4,60})$/i;
// "KYIV, Ukraine (AP) — ", "WASHINGTON, Aug 13 (Reuters) - ", "NEW ORLEANS, USA – ": an upper-case
// place of up to five words, an optional region or date, an optional (outlet), then a dash. Single spaces between
// parts keep every quantifier from trading characters with its neighbour (linear time).
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M}.'’-]*(?: [\p{Lu}\p{M}.'’-]+){0,4})(, [\p{L}\p{N}.'’]+(?: [\p{L}\p{N}.'’]+){0,3})?,? (?:\(([^()\n]{2,40})\) )?[-–—]{1,2} /u;
/** Upper-case labels that open captions and teasers, not datelines ("FILE - In this photo ..."). */
const NOT_A_PLACE = /^(?:FILE|PHOTO|PHOTOS|VIDEO|WATCH|LISTEN|UPDATE|UPDATED|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|LIVE|CORRECTION|EDITOR'S NOTE|NOTE)$/;
const MIXED_DATELINE = /^(\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3})(, [\p{L}\p{N}.'’]+(?: [\p{L}\p{N}.'’]+){0,3})?,? \(([^()\n]{2,40})\) ?[-–—]{1,2} /u;
const AGENCY_DATELINE = /^\(([^()\n]{2,40})\) ?[-–—]{1,2} /;
const COPYRIGHT_START = /^(?:©|\(c\)|copyright\b)/i;
const RIGHTS_ONLY = /^All rights reserved\.?$/i;
const SIGNATURE_TAIL = /\s[-–—]{1,2} ?([\p{L}\d][\p{L}\d.&'’ -]{1,40})$/u;
const AUTHOR_CARD = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}) ?✉$/u;
const SOURCE_LINE = /^(?:Source|Via) ?: ?(\S.{1,59})$/i;

/** "By Jane Doe, Associated Press" -> { name: "Jane Doe", outlet: "Associated Press" }, or null. */
export function parseByline(line: string): { name: string; outlet: string | null } | null {
  const m = BYLINE_START.exec(line);
  if (m === null) return null;
  const rest = line.slice(m[0].length).trim();
  if (rest.length > 120) return null;
  let name = rest;
  let outlet: string | null = null;
  for (const sep of [' | ', ' / ', ' · ', ' – ', ' — ', ' - ', '|']) {
    const i = rest.indexOf(sep);
    if (i > 0) {
      name = rest.slice(0, i);
      outlet = rest.slice(i + sep.length).trim() || null;
      break;
    }
  }
  const comma = name.lastIndexOf(', ');
  if (outlet === null && comma > 0) {
    const tail = name.slice(comma + 2);
    if (outletName(tail) !== null) {
      outlet = tail;
      name = name.slice(0, comma);
    }
  }
  name = trimPunct(name);
  const words = name.split(/[ ,]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 10) return null;
  if (!words.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|de|van|von|der|da|del|bin|al)$/.test(w))) return null;
  return { name, outlet };
}

/** The holder a copyright line names ("© 2030 Daily Ledger. All rights reserved." -> "Daily Ledger"),
 * null when it names none, undefined when the line is not a copyright line. */
export function copyrightHolder(line: string): string | null | undefined {
  const m = COPYRIGHT_START.exec(line);
  if (m === null) return undefined;
  let rest = line.slice(m[0].length).replace(/^[\s©]+/, '');
  rest = rest.replace(/^\d{4}(?: ?[-–] ?\d{4})?,? ?/, '').replace(/^by /i, '');
  const rights = rest.toLowerCase().indexOf('all rights reserved');
  if (rights >= 0) rest = rest.slice(0, rights);
  rest = trimPunct(rest);
  return rest === '' ? null : rest;
}

/** Lines scraped pages leave at the top that are not headlines. */
const NOT_A_TITLE = /^(?:Image copyright|Image caption|Story highlights|Media playback|Photos? by|Photos?:|Play\b|Please enable|Enlarge|Advertisement|Share\b|Tweet|Loading|Skip to|Click here|Sign up|Subscribe|Watch:|Related\b|Read more|Listen\b|Getty Images)/i;

function isTitleLike(line: string): boolean {
  if (line.length < 3 || line.length > MAX_TITLE_CHARS) return false;
  if (NOT_A_TITLE.test(line)) return false;
  if (line.split(' ').length > MAX_TITLE_WORDS) return false;
  if (/[.,;:]$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  if (BYLINE_START.test(line) || DATELINE.test(line) || PUBLISHED_LINE.test(line)) return false;
  return /^["'“‘(\p{Lu}\p{N}]/u.test(line);
}

export interface TextParseResult extends ParsedArticle {
  /** Dateline place when one opens the text ("KYIV, Ukraine"). */
  dateline?: string;
}

/**
 * Parses a plain-text or Markdown article.
 * Example: "Dam gives way in Ollan valley\n\nBy Mara Quint\n\nKESTREL FALLS (Northern Wire) — Water
 * poured ..." -> title "Dam gives way in Ollan valley", byline "Mara Quint", source "Northern Wire".
 */
export function parseText(body: string, input: string, opts: TextParseOptions): ParsedArticle {
  let text = body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\0').join('');
  const found: Meta = {};
  let publishedFrom: DateSource | undefined;
  let title: string | null = null;

  const fm = opts.structured === true ? null : readFrontMatter(text);
  if (fm !== null) {
    Object.assign(found, fm.meta);
    if (fm.meta.published !== undefined) publishedFrom = 'metadata';
    text = fm.rest;
  }
  if (opts.markdown) {
    const md = markdownToText(text);
    text = md.text;
    if (md.heading !== null && opts.structured !== true) title = md.heading;
  }

  let bl = blocks(text);
  let paras: string[];
  let source: string | null = null;
  let byline: string | null = null;
  let dateline: string | undefined;

  if (opts.structured === true) {
    paras = text.split('\n').map(collapse).filter((l) => l !== '');
    text = body.replace(/\r\n?/g, '\n').trim();
  } else {
    // Header: title, byline and date lines among the first blocks (each line of them looked at).
    if (title === null && found.title === undefined && opts.meta?.title == null) {
      const first = bl[0];
      if (first !== undefined && first.length > 0 && isTitleLike(first[0] ?? '') && (first.length === 1 || bl.length > 1 || first.length > 2)) {
        const second = first[1];
        // "Headline\nBody text..." in one block: only when the next line is clearly not a continuation.
        if (second === undefined || !/^\p{Ll}/u.test(second)) {
          title = first[0] ?? null;
          first.shift();
        }
      }
    }
    for (let b = 0; b < Math.min(HEADER_BLOCKS, bl.length); b++) {
      const block = bl[b] ?? [];
      for (let i = 0; i < block.length && i < 3; i++) {
        const line = block[i] ?? '';
        const by: { name: string; outlet: string | null } | null = byline === null ? parseByline(line) : null;
        if (by !== null) {
          byline = by.name;
          if (by.outlet !== null) source ??= outletName(by.outlet, true);
          block.splice(i--, 1);
          continue;
        }
        const pub = found.published === undefined && publishedFrom === undefined ? PUBLISHED_LINE.exec(line) : null;
        const d = pub?.[1] !== undefined ? parseDateText(pub[1]) : null;
        if (d !== null) {
          found.published = d;
          publishedFrom = 'text';
          block.splice(i--, 1);
        }
      }
    }
    bl = bl.filter((b) => b.length > 0);

    // Trailer: copyright and "All rights reserved" lines are boilerplate (dropped); an outlet
    // signature ("– Rappler.com") names the source and stays in the text.
    let trailerSeen = 0;
    for (let b = bl.length - 1; b >= 0 && trailerSeen < TRAILER_LINES; b--) {
      const block = bl[b] ?? [];
      for (let i = block.length - 1; i >= 0 && trailerSeen < TRAILER_LINES; i--, trailerSeen++) {
        const line = block[i] ?? '';
        const holder = copyrightHolder(line);
        if (holder !== undefined || RIGHTS_ONLY.test(line)) {
          if (holder) source ??= outletName(holder, true);
          block.splice(i, 1);
          continue;
        }
        const mail = AUTHOR_CARD.exec(line);
        if (mail?.[1] !== undefined) {
          // "Jane Doe ✉" closing an article is its author card
          byline ??= mail[1];
          block.splice(i, 1);
          continue;
        }
        const s = SOURCE_LINE.exec(line);
        if (s?.[1] !== undefined && outletName(s[1], true) !== null) {
          source ??= outletName(s[1], true);
          continue;
        }
        const sig = SIGNATURE_TAIL.exec(line);
        if (sig?.[1] !== undefined && source === null) source = outletName(sig[1]);
        else if (source === null && line.length <= 40 && /^[-–—]\s*\S/.test(line)) source = outletName(line.replace(/^[-–—]\s*/, ''));
      }
    }
    bl = bl.filter((b) => b.length > 0);
    const layout = detectLayout(bl);
    const blankSeparated = bl.length >= 2;
    paras = bl.flatMap((b) => blockParagraphs(b, layout, blankSeparated));
    text = paras.join('\n\n');
  }

  // Dateline: its (outlet) is the source when nothing else named one
  // (a photo caption or a standfirst may come before it, hence the first three paragraphs).
  for (const para of paras.slice(0, 3)) {
    const dl = DATELINE.exec(para);
    // A dateline place is upper case ("KYIV"), not a capitalised sentence start ("Officials -").
    if (dl?.[1] !== undefined && dl[1] === dl[1].toUpperCase() && /\p{Lu}{2}/u.test(dl[1]) && !NOT_A_PLACE.test(dl[1])) {
      dateline = dl[1] + (dl[2] ?? '');
      if (dl[3] !== undefined) source ??= outletName(dl[3], true);
      break;
    }
    // "Kyiv, Ukraine (AP) — ": a place in mixed case counts only with an outlet we recognise
    const mixed = MIXED_DATELINE.exec(para);
    const mixedOutlet = mixed?.[3] !== undefined ? outletName(mixed[3]) : null;
    if (mixed?.[1] !== undefined && mixedOutlet !== null) {
      dateline = mixed[1] + (mixed[2] ?? '');
      source ??= mixedOutlet;
      break;
    }
    const ag = AGENCY_DATELINE.exec(para);
    if (ag?.[1] !== undefined) {
      source ??= outletName(ag[1], true);
      break;
    }
  }
  if (opts.structured === true && source === null) {
    const lastLines = paras.slice(-TRAILER_LINES);
    for (const line of lastLines.reverse()) {
      const holder = copyrightHolder(line);
      const sig = SIGNATURE_TAIL.exec(line);
      source = holder ? outletName(holder, true) : sig?.[1] !== undefined ? outletName(sig[1]) : null;
      if (source !== null) break;
    }
  }

  const url = opts.meta?.url ?? found.url ?? opts.url ?? null;
  if (source === null && found.source === undefined && url !== null) {
    try {
      source = outletFromHost(new URL(url).hostname);
    } catch {
      // not a URL: no outlet from it
    }
  }
  const empty = text.trim() === '';
  const published = opts.meta?.published ?? found.published ?? null;
  if (opts.meta?.published != null) publishedFrom = 'given';
  const result: TextParseResult = {
    input,
    status: empty ? 'not_article' : 'ok',
    ...(empty ? { error: 'empty document' } : {}),
    title: opts.meta?.title ?? found.title ?? title,
    byline: opts.meta?.byline ?? found.byline ?? byline,
    published,
    source: opts.meta?.source ?? found.source ?? source,
    url,
    lang: opts.meta?.lang ?? found.lang ?? (empty ? null : guessLanguage(text.slice(0, LANG_SAMPLE_CHARS))),
    text,
    ...(published !== null && publishedFrom !== undefined ? { publishedFrom } : {}),
    ...(opts.meta?.externalId !== undefined ? { externalId: opts.meta.externalId } : {}),
  };
  if (dateline !== undefined) result.dateline = dateline;
  return result;
}
