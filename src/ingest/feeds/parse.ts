/**
 * RSS 2.0, Atom 1.0 and RDF/RSS 1.0 feeds -> items, with a streaming SAX pass (htmlparser2 in
 * xmlMode). Safe on hostile input: DTDs are skipped, so internal entity declarations (billion
 * laughs) are never expanded and external entities (SYSTEM "file:///...") are never resolved; only
 * the five XML entities and numeric references are decoded. A truncated feed yields the items read
 * so far with a warning; a document with no feed root, or a truncated one with no complete item,
 * throws FeedError.
 */
import { Parser } from 'htmlparser2';

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  title: string | null;
  /** The article's URL (RSS <link>, Atom <link rel="alternate" href>, RDF rdf:about). */
  link: string | null;
  guid: string | null;
  /** ISO 8601 (UTC when the feed gave a time), or null. */
  published: string | null;
  author: string | null;
  /** Full content (content:encoded, Atom <content>), HTML. */
  content: string | null;
  /** Summary (RSS <description>, Atom <summary>), HTML. */
  summary: string | null;
  /** Outlet: the item's <source> or the feed's title. */
  source: string | null;
}

export interface Feed {
  kind: FeedKind;
  title: string | null;
  link: string | null;
  items: FeedItem[];
  warnings: string[];
}

export class FeedError extends Error {
  override name = 'FeedError';
}

/** Items with at least this many words of content are used as the article (no link fetch). */
export const FULL_ARTICLE_MIN_WORDS = 150;

// Element name -> item field; the first wins (content:encoded beats description, published beats updated).
const ITEM_FIELDS: Record<string, keyof FeedItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  id: 'guid',
  pubdate: 'published',
  published: 'published',
  'dc:date': 'published',
  updated: 'published',
  issued: 'published',
  author: 'author',
  'dc:creator': 'author',
  'content:encoded': 'content',
  content: 'content',
  description: 'summary',
  summary: 'summary',
  source: 'source',
};
// For dates "published" outranks "updated"; for everything else the first element wins.
const DATE_RANK: Record<string, number> = { published: 0, pubdate: 0, issued: 1, 'dc:date': 1, updated: 2 };

/** Where the document's root element says it is a feed: "rss", "atom", "rdf", or null. */
export function sniffFeed(text: string): FeedKind | null {
  // Prologs with a long internal DTD subset are allowed for; the root must come within 64 kB.
  const head = text.slice(0, 65_536);
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i] ?? '')) i++;
    if (head[i] !== '<') return null;
    if (head.startsWith('<?', i)) i = endOf(head, '?>', i);
    else if (head.startsWith('<!--', i)) i = endOf(head, '-->', i);
    else if (head.startsWith('<!', i)) i = skipDoctype(head, i);
    else {
      const m = /^<([\w:.-]+)/.exec(head.slice(i, i + 64));
      const name = m?.[1]?.toLowerCase() ?? '';
      if (name === 'rss') return 'rss';
      if (name === 'feed') return 'atom';
      if (name === 'rdf:rdf') return 'rdf';
      return null;
    }
    if (i < 0) return null;
  }
}

function endOf(s: string, close: string, from: number): number {
  const e = s.indexOf(close, from);
  return e < 0 ? -1 : e + close.length;
}

/** Index after a <!DOCTYPE ...> including an internal subset [ ... ]. */
function skipDoctype(s: string, lt: number): number {
  const bracket = s.indexOf('[', lt);
  const gt = s.indexOf('>', lt);
  if (bracket >= 0 && (gt < 0 || bracket < gt)) {
    const close = s.indexOf(']', bracket);
    if (close < 0) return -1;
    const end = s.indexOf('>', close);
    return end < 0 ? -1 : end + 1;
  }
  return gt < 0 ? -1 : gt + 1;
}

/** Normalises a feed date (RFC 822, ISO 8601) to ISO 8601; date-only ISO stays date-only. */
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const p2 = (n: string | number): string => String(n).padStart(2, '0');

export function normalizeFeedDate(raw: string | null): string | null {
  if (raw === null) return null;
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  // Keep the publisher's own offset (its local date is the article's date): ISO with an offset
  // stays as written, RFC 822 with a numeric offset becomes ISO with that offset.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?[+-]\d{2}:\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))) return s;
  const rfc = /^(?:[a-z]{3},? )?(\d{1,2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})$/i.exec(s);
  if (rfc !== null) {
    const month = MONTH_ABBR.indexOf((rfc[2] ?? '').toLowerCase()) + 1;
    if (month > 0) {
      const iso = `${rfc[3]}-${p2(month)}-${p2(rfc[1] ?? '')}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? '00'}${rfc[7]}${rfc[8]}:${rfc[9]}`;
      if (!Number.isNaN(Date.parse(iso))) return iso;
    }
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Tags removed in one linear pass (a regex like /<[^>]*>/g is quadratic on "<<<<..."). */
export function stripTags(html: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt), ' ');
    const gt = html.indexOf('>', lt);
    if (gt < 0) break; // an unclosed tag runs to the end
    i = gt + 1;
  }
  return out.join('');
}

/** Rough word count of an HTML fragment (tags removed). */
export function htmlWordCount(html: string): number {
  const text = stripTags(html);
  let n = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) if (m[0].length > 0) n++;
  return n;
}

/** True when an item's content is a whole article rather than a teaser. */
export function looksLikeFullArticle(item: FeedItem): boolean {
  const body = item.content ?? item.summary;
  return body !== null && htmlWordCount(body) >= FULL_ARTICLE_MIN_WORDS;
}

const emptyItem = (): FeedItem => ({ title: null, link: null, guid: null, published: null, author: null, content: null, summary: null, source: null });

const VOID_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeAttr = (s: string): string => s.replace(/[&<>"]/g, (c) => VOID_ESCAPES[c] ?? c);
const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => VOID_ESCAPES[c] ?? c);

/**
 * Parses a feed. Example: '<rss version="2.0"><channel><title>Courier</title><item><title>Dam
 * breach</title><link>https://courier.example/a</link></item></channel></rss>' -> kind "rss", one item.
 */
export function parseFeed(xml: string): Feed {
  const kind = sniffFeed(xml);
  if (kind === null) throw new FeedError('not a feed: no <rss>, <feed> or <rdf:RDF> root element');
  const warnings: string[] = [];
  if (/<!DOCTYPE/i.test(xml.slice(0, 8192))) warnings.push('DOCTYPE ignored: entity declarations are never expanded');
  const items: FeedItem[] = [];
  let feedTitle: string | null = null;
  let feedLink: string | null = null;
  const stack: string[] = [];
  let item: FeedItem | null = null;
  let itemDepth = -1;
  let dateRank = 99;
  // The field being captured: element name, its depth, buffer; nested elements are re-serialised
  // (Atom type="xhtml" content), so the captured value is the element's inner markup/text.
  // `pick`: for elements with element children, the one child whose text is the value (Atom
  // <author><name>, <source><title>); `plain`: Atom type="text", escaped so the value is HTML.
  let field: { name: string; depth: number; buf: string[]; pick: string | null; child?: string | null; plain?: boolean } | null = null;
  let feedField: { name: string; depth: number; buf: string[] } | null = null;
  let truncatedItem = false;
  let rootClosed = false;

  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const name = rawName.toLowerCase();
        stack.push(name);
        const depth = stack.length;
        if (field !== null) {
          if (field.pick !== null) {
            // Atom <author><name>..</name><email>..</email></author>: keep only the name
            field.child = name;
            if (name === field.pick) field.buf.length = 0;
            return;
          }
          const attrs = Object.entries(attribs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
          field.buf.push(`<${rawName}${attrs}>`);
          return;
        }
        if ((name === 'item' || name === 'entry') && item === null) {
          item = emptyItem();
          itemDepth = depth;
          dateRank = 99;
          if (attribs['rdf:about']) item.link = attribs['rdf:about'];
          return;
        }
        if (item !== null) {
          if (depth !== itemDepth + 1) return;
          if (name === 'link' && attribs.href !== undefined) {
            const rel = attribs.rel ?? 'alternate';
            if (rel === 'alternate' && (item.link === null || attribs['rdf:about'] === undefined)) item.link = attribs.href;
            return;
          }
          if (name in ITEM_FIELDS) {
            const pick = name === 'author' ? 'name' : name === 'source' ? 'title' : null;
            const plain = attribs.type === 'text' && (name === 'content' || name === 'summary' || name === 'title');
            field = { name, depth, buf: [], pick, ...(plain ? { plain } : {}) };
          }
          return;
        }
        // channel / feed level
        if (name === 'title' && feedTitle === null && feedField === null) feedField = { name, depth, buf: [] };
        else if (name === 'link' && feedLink === null) {
          if (attribs.href !== undefined) {
            if ((attribs.rel ?? 'alternate') === 'alternate') feedLink = attribs.href;
          } else if (feedField === null) feedField = { name, depth, buf: [] };
        }
      },
      ontext(text) {
        if (field !== null) {
          if (field.pick === null || field.child === undefined || field.child === null || field.child === field.pick) field.buf.push(text);
        }
        else if (feedField !== null) feedField.buf.push(text);
      },
      onclosetag(rawName, isImplied) {
        const depth = stack.length;
        stack.pop();
        if (isImplied && depth === 1) return;
        if (field !== null) {
          if (depth > field.depth) {
            if (field.pick === null) field.buf.push(`</${rawName}>`);
            else if (field.child === field.pick) field.child = 'done';
            else if (field.child !== 'done') field.child = null;
            return;
          }
          const raw = field.buf.join('').trim();
          const value = field.plain === true && field.name !== 'title' ? escapeText(raw) : raw;
          const key = ITEM_FIELDS[field.name];
          if (item !== null && key !== undefined && value !== '') {
            if (key === 'published') {
              const rank = DATE_RANK[field.name] ?? 3;
              if (rank < dateRank) {
                item.published = value;
                dateRank = rank;
              }
            } else if (item[key] === null) item[key] = value;
          }
          field = null;
          if (isImplied) truncatedItem = true;
          return;
        }
        if (feedField !== null && depth === feedField.depth) {
          const value = feedField.buf.join('').trim();
          if (feedField.name === 'title') feedTitle = value || null;
          else feedLink = value || null;
          feedField = null;
          return;
        }
        if (item !== null && depth === itemDepth) {
          if (isImplied) truncatedItem = true;
          else items.push(item);
          item = null;
          itemDepth = -1;
        }
        if (depth === 1 && !isImplied) rootClosed = true;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();

  const done = items as FeedItem[];
  for (const it of done) {
    it.published = normalizeFeedDate(it.published);
    it.source ??= feedTitle;
  }
  if (!rootClosed || truncatedItem) {
    if (done.length === 0) throw new FeedError('truncated feed: no complete item');
    warnings.push(`feed truncated: ${done.length} complete item(s) read${truncatedItem ? ', the unfinished last item dropped' : ''}`);
  }
  return { kind, title: feedTitle, link: feedLink, items: done, warnings };
}
