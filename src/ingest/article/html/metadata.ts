/**
 * Article metadata from an HTML page: title, byline, publication date, outlet, canonical URL,
 * language hints, and JSON-LD articleBody. Sources in order of trust: JSON-LD (NewsArticle and
 * friends), Open Graph / article:* / Dublin Core / Parse.ly / Sailthru meta tags, <time datetime>,
 * then the URL path (/2024/08/06/).
 */
import { OUTLETS } from '../../../extract/lexicons/outlets.js';
import { collapse, textOf, type El, type Page } from './dom.js';
import type { DateSource } from '../../../types.js';

export interface PageMeta {
  title: string | null;
  byline: string | null;
  published: string | null;
  publishedFrom: DateSource | null;
  source: string | null;
  url: string | null;
  /** Declared language (html lang, meta, og:locale, JSON-LD inLanguage), primary subtag. */
  lang: string | null;
  /** JSON-LD articleBody when present. */
  articleBody: string | null;
  /** og:type / JSON-LD @type says this is an article. */
  isArticle: boolean;
  /** og:type / JSON-LD says this is a website/collection page. */
  isListing: boolean;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ARTICLE_TYPES = /^(?:(?:News|Scholarly|Tech|Satirical|Opinion|Analysis|Report|Review|Background)?Article|BlogPosting|LiveBlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|Posting|SocialMediaPosting|DiscussionForumPosting|Review)$/i;

function metaIndex(page: Page): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of page.metas) {
    const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').toLowerCase().trim();
    const val = a.content;
    if (key === '' || val === undefined) continue;
    const v = val.trim();
    if (v === '' || m.has(key)) continue;
    m.set(key, v);
  }
  return m;
}

/** Walks parsed JSON-LD (arrays, @graph) and returns the objects in it. */
function jsonLdObjects(page: Page): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  for (const raw of page.jsonLd) {
    let v: Json;
    try {
      v = JSON.parse(raw.trim().replace(/^<!--|-->$/g, '')) as Json;
    } catch {
      continue;
    }
    const stack: Json[] = [v];
    while (stack.length > 0 && out.length < 200) {
      const x = stack.pop();
      if (Array.isArray(x)) {
        for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]!);
      } else if (x !== null && typeof x === 'object') {
        out.push(x);
        const g = x['@graph'];
        if (g !== undefined) stack.push(g);
      }
    }
  }
  return out;
}

function types(o: Record<string, Json>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (Array.isArray(v)) for (const x of v) {
    const s = str(x);
    if (s !== null) return s;
  }
  return null;
}

function names(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => names(x));
  if (typeof v === 'object') {
    const n = v.name;
    if (typeof n === 'string') return [n];
  }
  return [];
}

/** Decodes HTML entities left inside JSON-LD strings by CMSs ("&amp;", "&#8217;"). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };
    return named[k] ?? m;
  });
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * Normalises a date string found in metadata to ISO 8601 without consulting the clock or the
 * local time zone. Examples: "2019-11-19T10:05:00-05:00" kept; "2019-11-19 10:05:00" ->
 * "2019-11-19T10:05:00"; "November 19, 2019" -> "2019-11-19"; "20191119" -> "2019-11-19".
 */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/i.exec(s);
  if (m) {
    const [, y, mo, d, hh, mi, ss, tz] = m;
    if (!validYmd(Number(y), Number(mo), Number(d))) return null;
    const date = `${y}-${mo}-${d}`;
    if (hh === undefined) return date;
    let zone = '';
    if (tz !== undefined) {
      const t = tz.toUpperCase();
      zone = t === 'Z' || t === 'UTC' || t === 'GMT' ? 'Z' : t.length === 5 ? `${t.slice(0, 3)}:${t.slice(3)}` : t;
    }
    return `${date}T${hh}:${mi}:${ss ?? '00'}${zone}`;
  }
  m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  // "Tue, 19 Nov 2019 10:05:00 GMT", "19 November 2019", "November 19, 2019"
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
    if (mo !== undefined && validYmd(Number(m[3]), mo, Number(m[1]))) return `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}`;
  }
  m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase().slice(0, 3)];
    if (mo !== undefined && validYmd(Number(m[3]), mo, Number(m[2]))) return `${m[3]}-${pad(mo)}-${pad(Number(m[2]))}`;
  }
  return null;
}

/** A date in a URL path: /2024/08/06/, /2024-08-06/, /20240806/. */
export function dateFromUrl(url: string): string | null {
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)/.exec(url) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(url);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validYmd(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The outlet whose domain matches a host (or a parent domain of it). */
export function outletForHost(host: string): string | null {
  for (const o of OUTLETS) {
    for (const d of o.domains ?? []) if (host === d || host.endsWith(`.${d}`)) return o.canonical;
  }
  return null;
}

function resolveUrl(href: string, base: string | undefined): string | null {
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}

function primaryLang(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = /^([a-z]{2,3})(?:$|[-_])/i.exec(v.trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Strips a " | Site" or " - Site" suffix/prefix from a <title> when the site name is known or the part is short. */
function cleanTitle(title: string, site: string | null): string {
  const t = collapse(title);
  const seps = [' | ', ' - ', ' — ', ' – ', ' :: ', ' « ', ' » ', ' · '];
  for (const sep of seps) {
    const i = t.lastIndexOf(sep);
    if (i > 0) {
      const tail = t.slice(i + sep.length);
      if ((site !== null && tail.toLowerCase().includes(site.toLowerCase())) || tail.split(' ').length <= 4) return t.slice(0, i).trim();
    }
    const j = t.indexOf(sep);
    if (j > 0 && site !== null && t.slice(0, j).toLowerCase() === site.toLowerCase()) return t.slice(j + sep.length).trim();
  }
  return t;
}

function firstH1(root: El): string | null {
  const stack: El[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.tag === 'h1') {
      const t = textOf(el);
      if (t !== '') return t;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return null;
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'published_time', 'og:published_time',
  'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued',
  'dc.date.created', 'dcterms.date', 'dcterms.created', 'dcterms.issued', 'article.published', 'cxenseparse:recs:publishtime',
  'og:pubdate', 'originalpublicationdate', 'displaydate', 'datecreated', 'citation_publication_date', 'citation_date',
];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'byline', 'twitter:creator'];

/** Reads everything but the main text. `url` is where the page came from, when known. */
export function readMeta(page: Page, url: string | undefined): PageMeta {
  const meta = metaIndex(page);
  const objs = jsonLdObjects(page);
  const articleObj = objs.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  const webpage = objs.find((o) => types(o).some((t) => /^(?:WebPage|CollectionPage|WebSite|ItemList|SearchResultsPage)$/i.test(t))) ?? null;

  // outlet
  let source: string | null = meta.get('og:site_name') ?? null;
  if (source === null && articleObj !== null) source = names(articleObj.publisher)[0] ?? null;
  if (source === null) {
    const site = objs.find((o) => types(o).some((t) => /^(?:WebSite|NewsMediaOrganization|Organization)$/.test(t)));
    if (site) source = str(site.name);
  }
  source ??= meta.get('application-name') ?? meta.get('twitter:site')?.replace(/^@/, '') ?? null;

  // canonical URL
  let canonical: string | null = null;
  for (const l of page.links) {
    if ((l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && l.href) {
      canonical = resolveUrl(l.href, url);
      if (canonical !== null) break;
    }
  }
  canonical ??= meta.has('og:url') ? resolveUrl(meta.get('og:url')!, url) : null;
  canonical ??= url ?? null;
  const host = hostOf(canonical) ?? hostOf(url ?? null);
  if (source === null && host !== null) source = outletForHost(host) ?? host;
  else if (host !== null && source !== null && /^@|^https?:/.test(source)) source = outletForHost(host) ?? host;
  if (source !== null) source = decodeEntities(collapse(source));

  // a site name in the <title> suffix ("Headline - Riverside Daily") when nothing else named the outlet
  if (source === null || source === host) {
    const m = /\s[|\u2013\u2014-]\s([^|\u2013\u2014-]{2,40})$/.exec(collapse(page.title));
    if (m?.[1] && m[1].trim().split(' ').length <= 5) source = m[1].trim();
  }

  // title
  let title: string | null = meta.get('og:title') ?? (articleObj ? str(articleObj.headline) ?? str(articleObj.name) : null) ??
    meta.get('twitter:title') ?? null;
  if (title === null && page.title.trim() !== '') title = cleanTitle(page.title, source);
  title ??= firstH1(page.root);
  if (title !== null) title = decodeEntities(collapse(title));

  // byline
  let authors: string[] = articleObj ? names(articleObj.author).map((s) => collapse(s)) : [];
  if (authors.length === 0) {
    for (const k of AUTHOR_KEYS) {
      const v = meta.get(k);
      if (v !== undefined && !/^https?:|^@/.test(v)) {
        authors = [v];
        break;
      }
    }
  }
  authors = [...new Set(authors.filter((a) => a !== '' && !/^https?:/.test(a)))];
  const byline = authors.length > 0 ? decodeEntities(authors.join(', ')) : null;

  // publication date
  let published: string | null = null;
  let publishedFrom: DateSource | null = null;
  const tryDate = (v: string | null | undefined, from: DateSource): void => {
    if (published !== null || !v) return;
    const d = normalizeDate(v);
    if (d !== null) {
      published = d;
      publishedFrom = from;
    }
  };
  if (articleObj) tryDate(str(articleObj.datePublished) ?? str(articleObj.dateCreated), 'metadata');
  for (const k of PUBLISHED_KEYS) tryDate(meta.get(k), 'metadata');
  if (published === null) {
    const sorted = [...page.times].sort((a, b) => Number(b.attrs.pubdate !== undefined || b.attrs.itemprop === 'datePublished') - Number(a.attrs.pubdate !== undefined || a.attrs.itemprop === 'datePublished'));
    for (const t of sorted) tryDate(t.attrs.datetime ?? textOf(t), 'metadata');
  }
  // any other JSON-LD object with a date (ClaimReview, WebPage)
  for (const o of objs) tryDate(str(o.datePublished), 'metadata');
  // dates shown on the page: itemprop first, then date-like classes (short texts only)
  for (const el of page.dated) if (el.attrs.itemprop !== undefined) tryDate(el.attrs.content ?? el.attrs.datetime ?? textOf(el), 'metadata');
  for (const el of page.dated) if (el.textLen > 0 && el.textLen < 100) tryDate(el.attrs.datetime ?? textOf(el), 'metadata');
  if (published === null && articleObj) tryDate(str(articleObj.dateModified), 'metadata');
  if (published === null && canonical !== null) tryDate(dateFromUrl(canonical), 'url');
  if (published === null && url !== undefined) tryDate(dateFromUrl(url), 'url');

  // language
  const lang = primaryLang(page.htmlLang) ?? primaryLang(meta.get('content-language')) ?? primaryLang(meta.get('og:locale')) ??
    (articleObj ? primaryLang(str(articleObj.inLanguage)) : null) ?? primaryLang(meta.get('language')) ?? primaryLang(meta.get('dc.language'));

  const body = articleObj ? str(articleObj.articleBody) ?? str(articleObj.text) : null;
  const ogType = (meta.get('og:type') ?? '').toLowerCase();
  return {
    title,
    byline,
    published,
    publishedFrom,
    source,
    url: canonical,
    lang,
    articleBody: body !== null ? decodeEntities(body) : null,
    isArticle: articleObj !== null || ogType === 'article' || ogType.startsWith('article') || meta.has('article:published_time'),
    isListing: articleObj === null && (ogType === 'website' || webpage !== null && types(webpage).some((t) => /Collection|ItemList|SearchResults/i.test(t))),
  };
}
