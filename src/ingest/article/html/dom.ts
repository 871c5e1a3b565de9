/**
 * A light HTML tree built with htmlparser2's streaming parser: elements with lower-cased tags and
 * attributes, text children, and per-page side tables (meta tags, links, JSON-LD, <time>s) gathered
 * in the same pass. Much cheaper than a DOM (no live collections, no CSS), which is what lets the
 * main-text extractor run at well over 60 pages/s on one core.
 */
import { Parser } from 'htmlparser2';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
  parent: El | null;
  /** Characters of visible text below (whitespace runs count as one); filled by `measure`. */
  textLen: number;
  /** Of which inside <a>. */
  linkLen: number;
}

export interface Page {
  root: El;
  /** Attributes of every <meta> element, in document order. */
  metas: Array<Record<string, string>>;
  /** Attributes of every <link> element. */
  links: Array<Record<string, string>>;
  /** Raw text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** <title> text. */
  title: string;
  /** <html lang>. */
  htmlLang: string | null;
  /** <time> elements (attributes and the element itself) in document order. */
  times: El[];
  /**
   * Elements that may show the publication date: itemprop datePublished/dateCreated, or a class
   * naming a date ("article-publish-date", "storyDate", "entry-date"); first 50 in document order.
   */
  dated: El[];
  /** Parsing stopped early (nesting deeper than MAX_DEPTH). */
  truncated: boolean;
}

const DATE_CLASS = /date|publish|timestamp|posted/i;

/** Deepest element nesting parsed; deeper pages are cut there (see parsePage). */
export const MAX_DEPTH = 2000;

/** Elements whose content is never visible text (skipped while building the tree). */
const SKIP_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'select', 'textarea', 'map', 'button',
]);

/** Void elements: htmlparser2 closes them itself; listed so the tree never nests under them. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function newEl(tag: string, attrs: Record<string, string>, parent: El | null): El {
  return { tag, attrs, children: [], parent, textLen: 0, linkLen: 0 };
}

/**
 * Parses an HTML string into a light tree plus metadata tables. Never throws on malformed markup
 * (htmlparser2 is forgiving: unclosed tags are closed at their parent's end).
 * Example: parsePage('<p>Hi <a href="/x">there</a></p>').root.children[0].tag === 'p'.
 */
export function parsePage(html: string): Page {
  const root = newEl('#root', {}, null);
  const page: Page = { root, metas: [], links: [], jsonLd: [], title: '', htmlLang: null, times: [], dated: [], truncated: false };
  let cur = root;
  // Depth inside an element whose content is not shown (script, style, title, ...).
  let skipDepth = 0;
  let inTitle = false;
  let jsonLdBuf: string | null = null;
  // Open-element depth as htmlparser2 sees it: its stack handling is quadratic in depth, so an
  // adversarial page nesting tens of thousands of elements is cut at MAX_DEPTH (real pages stay
  // well under a few hundred levels).
  let depth = 0;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!VOID.has(name) && ++depth > MAX_DEPTH) {
          page.truncated = true;
          parser.pause();
          return;
        }
        if (name === 'meta') {
          page.metas.push(attrs);
          return;
        }
        if (name === 'link') {
          page.links.push(attrs);
          return;
        }
        if (name === 'html' && attrs.lang !== undefined && page.htmlLang === null) page.htmlLang = attrs.lang;
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        if (name === 'title') {
          inTitle = page.title === '';
          skipDepth = 1;
          return;
        }
        if (name === 'script') {
          if ((attrs.type ?? '').toLowerCase().includes('ld+json')) jsonLdBuf = '';
          skipDepth = 1;
          return;
        }
        if (SKIP_CONTENT.has(name) && !VOID.has(name)) {
          skipDepth = 1;
          return;
        }
        if (VOID.has(name) && name !== 'br' && name !== 'img' && name !== 'hr') return;
        const el = newEl(name, attrs, cur);
        cur.children.push(el);
        if (name === 'time') page.times.push(el);
        else if (page.dated.length < 50 && (attrs.itemprop === 'datePublished' || attrs.itemprop === 'dateCreated' || (attrs.class !== undefined && DATE_CLASS.test(attrs.class)))) page.dated.push(el);
        if (!VOID.has(name)) cur = el;
      },
      ontext(text) {
        if (skipDepth > 0) {
          if (inTitle) page.title += text;
          else if (jsonLdBuf !== null) jsonLdBuf += text;
          return;
        }
        cur.children.push(text);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        depth--;
        if (skipDepth > 0) {
          skipDepth--;
          if (skipDepth === 0) {
            if (jsonLdBuf !== null) page.jsonLd.push(jsonLdBuf);
            jsonLdBuf = null;
            inTitle = false;
          }
          return;
        }
        // Close the nearest open element of that name; ignore stray closing tags.
        let el: El | null = cur;
        while (el !== null && el.tag !== name) el = el.parent;
        if (el !== null && el.parent !== null) cur = el.parent;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  measure(root);
  return page;
}

/** Fills textLen/linkLen bottom-up (iterative: pages can nest thousands of levels deep). */
function measure(root: El): void {
  const stack: Array<{ el: El; i: number }> = [{ el: root, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const { el } = top;
    if (top.i < el.children.length) {
      const c = el.children[top.i++]!;
      if (typeof c === 'string') {
        el.textLen += visibleLength(c);
      } else {
        stack.push({ el: c, i: 0 });
      }
      continue;
    }
    stack.pop();
    if (el.tag === 'a') el.linkLen = el.textLen;
    const p = el.parent;
    if (p !== null) {
      p.textLen += el.textLen;
      p.linkLen += el.linkLen;
    }
  }
}

/** Length of a text with whitespace runs counted as one character (and leading/trailing as none). */
export function visibleLength(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

/** All visible text below an element, whitespace collapsed. */
export function textOf(el: El): string {
  const parts: string[] = [];
  const stack: Array<El | string> = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (n.tag === 'br' || BLOCK_TAGS.has(n.tag)) parts.push(' ');
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return collapse(parts.join(''));
}

/** Collapses whitespace (including NBSP) to single spaces and trims. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'option', 'legend', 'br',
]);
