/**
 * HTML pages -> ParsedArticle: main text (html/content.ts) plus metadata (html/metadata.ts) over one
 * light htmlparser2 tree (html/dom.ts). Pages that are not articles (index pages, error pages,
 * empty pages) get status "not_article" with the reason in `error`.
 */
import type { ParsedArticle } from '../../types.js';
import { parsePage } from './html/dom.js';
import { extractMainText } from './html/content.js';
import { readMeta } from './html/metadata.js';
import { guessLanguage } from './html/lang.js';

export { decodeHtml, charsetFromContentType } from './html/charset.js';

export interface HtmlParseOptions {
  /** Where the page came from (resolves a relative canonical link; URL date patterns). */
  url?: string;
  /** Values the caller already knows (a feed item's title or date); they win over the page's. */
  meta?: Partial<ParsedArticle>;
}

/** Fewer words than this in the main text and the page is not an article (a stub, an error page, a gallery). */
const MIN_ARTICLE_WORDS = 40;
/** An index page: no article markup and a main text this short, on a page that is mostly links. */
const LISTING_MAX_WORDS = 150;
const LISTING_LINK_DENSITY = 0.45;

/** Titles of error pages ("404 Not Found", "Page not found", "Access denied"); with little text the page is not an article. */
const ERROR_TITLE = /^(?:40[134]|410|50[023])\b|\b(?:page|article|story) (?:not found|unavailable|no longer available)\b|^(?:not found|access denied|forbidden|error)\b/i;
const ERROR_PAGE_MAX_WORDS = 300;

/** Enough text to overrule a declared language with the guess (templates often say lang="en" whatever the text). */
const LANG_OVERRULE_MIN_WORDS = 100;

/** The declared language, unless a long text clearly reads as another one; the guess when none is declared. */
function pickLang(declared: string | null, text: string, words: number): string | null {
  const guessed = guessLanguage(text);
  if (declared === null) return guessed;
  return guessed !== null && guessed !== declared && words >= LANG_OVERRULE_MIN_WORDS ? guessed : declared;
}

function wordCount(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (w !== '') n++;
  return n;
}

/**
 * Tokens of a text (Unicode letters/digits runs), for comparing the DOM text with JSON-LD
 * articleBody.
 */
function tokenSet(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== ''));
}

/**
 * Whether the JSON-LD articleBody is a better main text than the DOM extraction: it must be long,
 * and the DOM text must be mostly inside it (it is then the same article, cleaner), or the DOM text
 * nearly empty.
 */
function preferJsonLdBody(body: string, domText: string): boolean {
  if (body.length < 500) return false;
  if (domText.length < 200) return true;
  const a = tokenSet(body);
  const b = tokenSet(domText);
  let inBody = 0;
  for (const t of b) if (a.has(t)) inBody++;
  let inDom = 0;
  for (const t of a) if (b.has(t)) inDom++;
  // the body covers the DOM text, and the DOM text misses a good part of the body
  return inBody / b.size > 0.9 && inDom / a.size < 0.8;
}

/** Splits a JSON-LD articleBody (often one long line) into paragraphs on its own newlines. */
function bodyParagraphs(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * Parses an HTML page. Example: parseHtml('<html lang="en"><title>X</title><article><p>…</p></article>', 'a.html')
 * -> { status: 'ok', title: 'X', lang: 'en', text: '…', ... }.
 */
export function parseHtml(html: string, input: string, opts: HtmlParseOptions = {}): ParsedArticle {
  const page = parsePage(html);
  const meta = readMeta(page, opts.url ?? opts.meta?.url ?? undefined);
  const main = extractMainText(page.root);
  let text = main.text;
  if (meta.articleBody !== null && preferJsonLdBody(meta.articleBody, text)) text = bodyParagraphs(meta.articleBody);

  const words = wordCount(text);
  let status: ParsedArticle['status'] = 'ok';
  let error: string | undefined;
  const pageLinkDensity = page.root.textLen === 0 ? 0 : page.root.linkLen / page.root.textLen;
  if (page.root.textLen === 0 && text === '') {
    status = 'not_article';
    error = 'empty page';
  } else if (words < MIN_ARTICLE_WORDS) {
    status = 'not_article';
    error = `no article text (${words} words)`;
  } else if (ERROR_TITLE.test(meta.title ?? page.title) && words < ERROR_PAGE_MAX_WORDS) {
    status = 'not_article';
    error = 'error page';
  } else if (!meta.isArticle && (meta.isListing || pageLinkDensity > LISTING_LINK_DENSITY) && words < LISTING_MAX_WORDS) {
    status = 'not_article';
    error = 'index page (mostly links, little text)';
  }
  const given = opts.meta ?? {};
  const published = given.published ?? meta.published;
  return {
    input,
    status,
    ...(error !== undefined ? { error } : {}),
    title: given.title ?? meta.title,
    byline: given.byline ?? meta.byline,
    published,
    source: given.source ?? meta.source,
    url: given.url ?? meta.url,
    lang: given.lang ?? pickLang(meta.lang, text, words),
    text,
    ...(published !== null ? { publishedFrom: given.published !== undefined && given.published !== null ? 'given' : meta.publishedFrom ?? 'metadata' } : {}),
    ...(given.externalId !== undefined ? { externalId: given.externalId } : {}),
  };
}
