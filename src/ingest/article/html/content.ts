/**
 * Main-text extraction over the light tree (dom.ts), in three steps:
 *  1. choose the article container: paragraph-level scores propagated to ancestors (Readability's
 *     idea), weighted by class/id hints and link density, with explicit body markers
 *     (itemprop=articleBody, "article-body", "entry-content", ...) given a strong bonus;
 *  2. linearise the container (and sibling blocks that look like more of the same article) into
 *     paragraphs, skipping boilerplate subtrees (share bars, captions, related links, newsletters,
 *     hidden elements, ads) by tag, class/id tokens and link density;
 *  3. classify the paragraphs (jusText-like: length, link density, boilerplate phrases) and smooth
 *     by context, trimming bylines, datelines and "Read more" lines at the edges.
 */
import { BLOCK_TAGS, collapse, textOf, type El } from './dom.js';

// ---------------------------------------------------------------------------------------------
// Hints
// ---------------------------------------------------------------------------------------------

/** Tags never part of an article body. */
const DROP_TAGS = new Set([
  'nav', 'aside', 'footer', 'figcaption', 'menu', 'dialog', 'label', 'fieldset', 'legend', 'head', 'option',
  'img', 'picture', 'button', 'h1', 'address',
]);

/** Tags that are dropped unless they hold most of the container (a <header> can wrap a whole post in old themes). */
const WEAK_DROP_TAGS = new Set(['header', 'figure', 'form']);

/**
 * class/id tokens of boilerplate containers. Tokens are the class/id split on non-alphanumerics,
 * so "c-share-bar" gives c, share, bar; a token matches if it equals or starts with an entry.
 */
const NEGATIVE_TOKENS = [
  'share', 'sharing', 'social', 'sociable', 'related', 'recommend', 'newsletter', 'subscribe', 'subscription', 'signup',
  'promo', 'advert', 'adslot', 'adunit', 'adcontainer', 'adwrap', 'dfp', 'sponsor', 'outbrain', 'taboola', 'comment',
  'disqus', 'sidebar', 'footer', 'breadcrumb', 'navbar', 'navigation', 'menu', 'masthead',
  'byline', 'author', 'caption', 'credit', 'tags', 'taglist', 'toolbar', 'tools', 'print', 'popup', 'modal',
  'cookie', 'gdpr', 'banner', 'widget', 'moreon', 'morestories', 'readmore', 'readnext', 'pagination', 'pager', 'skip',
  'timestamp', 'dateline', 'metadata', 'rating', 'follow', 'trending', 'popular', 'embed', 'video', 'gallery',
  'slideshow', 'infobox', 'teaser', 'nextup', 'upnext', 'offscreen', 'visually', 'screenreader', 'headline',
  'kicker', 'standfirst', 'bio', 'login', 'paywall', 'donate', 'contributor', 'tooltip',
  'carousel', 'yarpp', 'sharedaddy', 'addthis', 'sumome', 'mc4wp', 'optin', 'pullquote', 'recirc', 'sticky',
  'feedback', 'correction', 'rollover', 'hover', 'popover', 'excerpt', 'abstract', 'heading', 'copyright', 'disclaimer', 'legal', 'subnav', 'shopping', 'affiliate', 'jumplink', 'adsense', 'googlead', 'adsbygoogle',
];
/** Strong boilerplate words also matched inside longer tokens. */
const NEGATIVE_INFIXES = [
  'caption', 'share', 'social', 'related', 'newsletter', 'byline', 'advert', 'sponsor', 'subscribe', 'breadcrumb', 'footer',
  'sidebar', 'promo', 'outbrain', 'taboola', 'recirc', 'signup',
];
/** Tokens (parts of a class/id word) that mark boilerplate on their own: "top-ad", "nav-menu", "sr-only". */
const NEGATIVE_EXACT = new Set(['ad', 'ads', 'adv', 'advert', 'nav', 'dfp', 'sr', 'overlay', 'icon', 'btn', 'cta', 'dek']);
/** Whole class/id words that mark boilerplate ("hidden", but not "field-label-hidden"). */
const NEGATIVE_WORDS = new Set([
  'hidden', 'hide', 'hid', 'rail', 'photo', 'image', 'img', 'figure', 'button', 'date', 'posted', 'dek', 'meta', 'more', 'tag',
  'toc', 'jump', 'about', 'search', 'alert', 'aside', 'shop', 'sidebar', 'promo', 'share', 'social', 'related',
]);
/** Tokens that look negative but mark article text ("commentary" is not a comment box). */
const POSITIVE_OVERRIDE = new Set(['commentary', 'tagline', 'shareable', 'authority']);
/** Readability's "maybe a candidate": such elements are scored even when they also look negative. */
const MAYBE_CANDIDATE = /and|article|body|column|content|main|story|entry|post/;

/** Positive class/id tokens: exact tokens, or a token starting with one of POSITIVE_PREFIXES ("articlebody"). */
const POSITIVE_TOKENS = new Set(['article', 'body', 'content', 'entry', 'hentry', 'main', 'post', 'text', 'blog', 'story', 'richtext', 'prose', 'copy', 'paragraph', 'column']);
const POSITIVE_PREFIXES = ['article', 'content', 'entry', 'story', 'body', 'richtext'];

/** Explicit markers of the article body: a container carrying one of these gets a strong bonus. */
const BODY_MARKER = /^(?:article-?body|article-?content|article-?text|story-?body|story-?content|story-?text|entry-?content|post-?content|post-?body|post-?entry|post-?text|body-?text|article__body|article-body__content|c-entry-content|rich-?text|news-?content|news-?text|content-?body|text-?content|td-post-content|field-?body|detail-?content|caas-body|zn-body__paragraph|content-article)$/;

function tokens(el: El): string[] {
  const cls = el.attrs.class;
  const id = el.attrs.id;
  if (cls === undefined && id === undefined) return [];
  const s = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
  return s.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

function classWords(el: El): string[] {
  const s = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.toLowerCase().trim();
  return s === '' ? [] : s.split(/\s+/);
}

/** True when an element's class/id marks it as boilerplate. */
export function isNegative(el: El): boolean {
  const words = classWords(el);
  if (words.length === 0) return false;
  for (const w of words) {
    if (BODY_MARKER.test(w)) return false;
    if (NEGATIVE_WORDS.has(w)) return true;
  }
  for (const t of tokens(el)) {
    if (NEGATIVE_EXACT.has(t)) return true;
    if (POSITIVE_OVERRIDE.has(t)) continue;
    for (const n of NEGATIVE_TOKENS) if (t.startsWith(n)) return true;
    // camel-case compounds ("InlineImage-imageEmbedCaption", "articleShareBar")
    if (t.length > 8) for (const n of NEGATIVE_INFIXES) if (t.includes(n)) return true;
  }
  return false;
}

function hasBodyMarker(el: El): boolean {
  if (el.attrs.itemprop === 'articleBody' || el.attrs.itemprop === 'articlebody') return true;
  for (const w of classWords(el)) if (BODY_MARKER.test(w)) return true;
  return false;
}

function classWeight(el: El): number {
  let w = 0;
  const toks = tokens(el);
  if (toks.length === 0) return 0;
  if (isNegative(el)) w -= 25;
  if (toks.some((t) => POSITIVE_TOKENS.has(t) || POSITIVE_PREFIXES.some((p) => t.startsWith(p)))) w += 25;
  if (hasBodyMarker(el)) w += 50;
  return w;
}

function isHidden(el: El): boolean {
  const a = el.attrs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true' && el.textLen < 200) return true;
  const style = a.style;
  if (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Step 1: the container
// ---------------------------------------------------------------------------------------------

const PARA_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'h2', 'h3', 'h4', 'dd']);

function linkDensity(el: El): number {
  return el.textLen === 0 ? 0 : el.linkLen / el.textLen;
}

function countCommas(el: El): number {
  let n = 0;
  const stack: Array<El | string> = [el];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (typeof x === 'string') {
      for (let i = 0; i < x.length; i++) {
        const c = x.charCodeAt(i);
        if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) n++;
      }
    } else for (const c of x.children) stack.push(c);
  }
  return n;
}

/** Direct (not nested-block) text length of an element: divs used as paragraphs. */
function directTextLen(el: El): number {
  let n = 0;
  for (const c of el.children) {
    if (typeof c === 'string') n += c.trim().length;
    else if (!BLOCK_TAGS.has(c.tag)) n += c.textLen;
  }
  return n;
}

function initialScore(el: El): number {
  let s = 0;
  switch (el.tag) {
    case 'div': case 'article': case 'main': case 'section': s = 5; break;
    case 'pre': case 'td': case 'blockquote': s = 3; break;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': s = -3; break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': s = -5; break;
  }
  if (el.tag === 'article') s += 10;
  return s + classWeight(el);
}

/**
 * Elements skipped while looking for the container. `pageLen` protects wrappers: an element
 * holding most of the page's text is never skipped for its class names ("pg-right-rail" pages).
 */
function unlikely(el: El, pageLen: number): boolean {
  if (DROP_TAGS.has(el.tag) && el.tag !== 'h1') return true;
  if (isHidden(el)) return true;
  if (el.tag === 'body' || el.tag === 'html' || el.tag === 'article' || el.tag === 'main') return false;
  if (el.textLen > 0.4 * pageLen) return false;
  if (WEAK_DROP_TAGS.has(el.tag)) return true;
  if (!isNegative(el) || hasBodyMarker(el)) return false;
  return !MAYBE_CANDIDATE.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.toLowerCase());
}

/** Readability-style candidate scores: paragraph scores added to their ancestors (before link-density weighting). */
export function scoreCandidates(root: El): Map<El, number> {
  const scores = new Map<El, number>();
  const stack: El[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== root && unlikely(el, root.textLen)) continue;
    let isPara = PARA_TAGS.has(el.tag);
    if (!isPara && (el.tag === 'div' || el.tag === 'section' || el.tag === 'span') && directTextLen(el) >= 80) isPara = el.tag !== 'span';
    if (isPara && el.textLen >= 25) {
      // a list item or cell full of links is navigation, not a paragraph
      if (linkDensity(el) < 0.5) {
        const commas = countCommas(el);
        const score = 1 + commas + Math.min(Math.floor(el.textLen / 100), 3);
        let anc = el.parent;
        for (let level = 0; anc !== null && level < 5; level++, anc = anc.parent) {
          if (anc.tag === '#root') break;
          if (!scores.has(anc)) scores.set(anc, initialScore(anc));
          const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
          scores.set(anc, scores.get(anc)! + score / div);
        }
      }
      if (el.tag === 'p' || el.tag === 'pre') continue;
    }
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
  return scores;
}

const weighted = (el: El, s: number): number => s * (1 - linkDensity(el));

/**
 * Picks the element holding the article body, or null when there is no paragraph text at all.
 * Example: <div class="story-body"><p>…</p><p>…</p></div> next to a <ul> of related links -> the div.
 */
export function findContainer(root: El, scores: Map<El, number> = scoreCandidates(root)): El | null {
  const ranked = [...scores].map(([el, s]) => ({ el, s: weighted(el, s) })).sort((x, y) => y.s - x.s);
  const first = ranked[0];
  if (first === undefined) return null;
  let best = first.el;
  const bestScore = first.s;
  // Near-top candidates under one ancestor: the article is split into blocks (one div per
  // paragraph with a "text" class, or chunks around ads); take their lowest common ancestor when
  // it holds two more of them or is mostly made of them (Readability's alternative candidates).
  const near = ranked.slice(1, 6).filter((c) => c.s >= 0.75 * bestScore).map((c) => c.el);
  if (near.length >= 1) {
    for (let anc = best.parent; anc !== null && anc.tag !== '#root' && anc.tag !== 'html'; anc = anc.parent) {
      const inside = near.filter((n) => isAncestor(anc, n));
      if (inside.length === 0) continue;
      // two chunks of one article: the ancestor must be mostly made of them (not a page holding
      // the article and a comment thread that scores as well)
      const chunkLen = best.textLen + inside.reduce((a, n) => a + n.textLen, 0);
      if (inside.length >= 2 || anc.textLen <= 1.5 * chunkLen) best = anc;
      break;
    }
  }
  // Prefer an explicit body marker (itemprop=articleBody, "article-body", ...) around or inside the choice.
  const marked = findMarked(root, best);
  if (marked !== null) return marked;
  // Climb while the parent is only a wrapper around this container, or scores clearly higher.
  let top = best;
  while (top.parent !== null && top.parent.tag !== '#root' && top.parent.tag !== 'body' && top.parent.tag !== 'html') {
    const p = top.parent;
    if (unlikely(p, root.textLen)) break;
    const ps = scores.has(p) ? weighted(p, scores.get(p)!) : 0;
    if (top.textLen >= 0.95 * p.textLen || ps > bestScore) top = p;
    else break;
  }
  return top;
}

/**
 * The container plus sibling blocks that continue the article (Readability's sibling join): a
 * sibling that scores at least a fifth of the container, or a plain paragraph of prose with few links.
 */
function withSiblings(top: El, scores: Map<El, number>): El[] {
  const parent = top.parent;
  if (parent === null || parent.tag === '#root') return [top];
  const topScore = weighted(top, scores.get(top) ?? 0);
  const threshold = Math.max(10, topScore * 0.2);
  const out: El[] = [];
  for (const c of parent.children) {
    if (typeof c === 'string') continue;
    if (c === top) {
      out.push(c);
      continue;
    }
    if (c.textLen === 0 || DROP_TAGS.has(c.tag) || WEAK_DROP_TAGS.has(c.tag) || isHidden(c) || isNegative(c)) continue;
    const sameClass = c.attrs.class !== undefined && c.attrs.class !== '' && c.attrs.class === top.attrs.class;
    const s = weighted(c, scores.get(c) ?? 0) + (sameClass ? topScore * 0.2 : 0);
    if (scores.has(c) && s >= threshold) out.push(c);
    else if (c.tag === 'p') {
      const ld = linkDensity(c);
      if ((c.textLen > 80 && ld < 0.25) || (c.textLen > 0 && c.textLen <= 80 && ld === 0 && /\.(?: |$)/.test(textOf(c)))) out.push(c);
    }
  }
  return out;
}

function isAncestor(a: El, b: El): boolean {
  for (let x: El | null = b; x !== null; x = x.parent) if (x === a) return true;
  return false;
}

/**
 * The element carrying an explicit article-body marker that best matches the scored choice: the
 * closest marked ancestor of it, else the largest marked element inside it holding 60% of its text.
 */
function findMarked(root: El, best: El): El | null {
  for (let x: El | null = best; x !== null; x = x.parent) {
    if (hasBodyMarker(x)) return x.textLen >= 200 && x.textLen <= 3 * best.textLen + 2000 ? x : null;
  }
  let inner: El | null = null;
  const stack: El[] = [best];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== best && hasBodyMarker(el)) {
      if (inner === null || el.textLen > inner.textLen) inner = el;
      continue;
    }
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
  return inner !== null && inner.textLen >= 200 && inner.textLen >= 0.6 * best.textLen ? inner : null;
}

// ---------------------------------------------------------------------------------------------
// Step 2: linearise into paragraphs
// ---------------------------------------------------------------------------------------------

export interface Para {
  text: string;
  /** Characters inside links. */
  linkChars: number;
  /** The block tag that produced it (p, li, h2, div, ...). */
  tag: string;
  /** A heading (h2-h6). */
  heading: boolean;
}

interface Walker {
  paras: Para[];
  buf: string[];
  linkChars: number;
  bufTag: string;
  rootLen: number;
  /** The last thing seen was a <br> (a second one ends the paragraph). */
  pendingBr: boolean;
}

function flush(w: Walker): void {
  if (w.buf.length === 0) return;
  const text = collapse(w.buf.join(''));
  if (text !== '') {
    w.paras.push({ text, linkChars: w.linkChars, tag: w.bufTag, heading: /^h[2-6]$/.test(w.bufTag) });
  }
  w.buf = [];
  w.linkChars = 0;
  w.bufTag = 'div';
  w.pendingBr = false;
}

/** Whether a subtree inside the container is skipped as boilerplate. */
function skipInside(el: El, rootLen: number): boolean {
  if (DROP_TAGS.has(el.tag)) return true;
  if (isHidden(el)) return true;
  const big = el.textLen > 0.5 * rootLen;
  if (WEAK_DROP_TAGS.has(el.tag) && !big) return true;
  if (!big && isNegative(el) && !holdsTweet(el)) return true;
  if (isTeaser(el)) return true;
  // A block that is nearly all links (a list of related stories, a tag cloud) is navigation.
  if ((el.tag === 'ul' || el.tag === 'ol' || el.tag === 'div' || el.tag === 'section' || el.tag === 'table' || el.tag === 'td') &&
      el.textLen > 0 && el.linkLen / el.textLen > 0.6 && !big) return true;
  return false;
}

/** Embedded tweets are quoted text that article bodies include; their wrappers often look like widgets. */
function holdsTweet(el: El): boolean {
  if (el.textLen > 2000) return false;
  const stack: El[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.tag === 'blockquote' && (n.attrs.class ?? '').includes('twitter-tweet')) return true;
    for (const c of n.children) if (typeof c !== 'string') stack.push(c);
  }
  return false;
}

/**
 * A teaser card: a small block whose heading is a link, followed by an excerpt
 * (<a><h3>Title</h3></a><p>Excerpt…</p>), as in "next article" and related-story boxes.
 */
function isTeaser(el: El): boolean {
  if (el.textLen === 0 || el.textLen > 400 || el.linkLen < 0.2 * el.textLen || el.linkLen === el.textLen) return false;
  if (el.tag !== 'div' && el.tag !== 'li' && el.tag !== 'article' && el.tag !== 'section') return false;
  const stack: Array<{ n: El; link: boolean }> = [{ n: el, link: false }];
  while (stack.length > 0) {
    const { n, link } = stack.pop()!;
    if (/^h[1-6]$/.test(n.tag) && (link || n.linkLen >= 0.8 * n.textLen) && n.textLen > 0) return true;
    for (const c of n.children) if (typeof c !== 'string') stack.push({ n: c, link: link || n.tag === 'a' });
  }
  return false;
}

/** Depth-first over the container (iterative: pages nest thousands of levels deep). */
function walk(root: El, w: Walker): void {
  const stack: Array<{ el: El; i: number; inLink: boolean; block: boolean }> = [{ el: root, i: 0, inLink: false, block: false }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.i >= f.el.children.length) {
      stack.pop();
      if (f.block) flush(w);
      continue;
    }
    const c = f.el.children[f.i++]!;
    if (typeof c === 'string') {
      w.buf.push(c);
      if (f.inLink) w.linkChars += c.trim().length;
      if (w.pendingBr && c.trim() !== '') w.pendingBr = false;
      continue;
    }
    if (c.tag === 'br') {
      // two <br> in a row separate paragraphs; one is a line break inside a paragraph
      if (w.pendingBr) flush(w);
      else {
        w.buf.push(' ');
        w.pendingBr = true;
      }
      continue;
    }
    if (skipInside(c, w.rootLen)) continue;
    // a table row is one line ("1 Kyle Busch 5040 5"), its cells separated by spaces
    const cell = c.tag === 'td' || c.tag === 'th';
    if (cell) w.buf.push(' ');
    const block = BLOCK_TAGS.has(c.tag) && !cell;
    if (block) {
      flush(w);
      w.bufTag = c.tag;
    }
    stack.push({ el: c, i: 0, inLink: f.inLink || c.tag === 'a', block });
  }
}

function linearise(container: El): Para[] {
  const w: Walker = { paras: [], buf: [], linkChars: 0, bufTag: 'div', rootLen: container.textLen, pendingBr: false };
  walk(container, w);
  flush(w);
  return w.paras.filter((p) => p.text !== '');
}

// ---------------------------------------------------------------------------------------------
// Step 3: classify paragraphs
// ---------------------------------------------------------------------------------------------

/** Lines that are page furniture when they are the whole line ("Advertisement", "Video"). */
const BOILER_EXACT = /^(?:advertisement|advertising|advert|anzeige|publicidade|publicidad|pubblicità|sponsored|share|share this|tweet|email|print|comments?|image|photo|video|getty images|file photo|close|loading)[\s.:!…]*$/i;
/** Phrases that open page-furniture lines (also in the languages our sources use most). */
const BOILER_START = /^(?:story continues below|continue reading|read more|read next|read also|see also|related\b[^.:]{0,30}:|more from|recommended for you|you may also like|you might also like|share this (?:article|story|post)|share on|leave a comment|subscribe to|sign up for|follow us|listen to this article|copyright|all rights reserved|©|like this (?:story|article)\?|see more photos|leggi anche|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leia também|veja também|baca juga|читайте также|смотрите также)/i;
/** End-of-article credits and contact lines ("Reporting by ...; Editing by ...", "X contributed to this report."). */
const CREDIT_LINE = /^\(?(?:reporting|writing|additional reporting) by\b|\bcontributed (?:reporting )?to this (?:report|story|article)|\b(?:can|may) be reached at\b|^follow\b.{1,80}\b(?:on|at) (?:twitter|facebook|instagram)|^(?:editing|edited) by\b|^(?:follow|email|listen to|watch)\b/i;

/** A line that is only a date, time or "by NAME" (bylines and timestamps at the edges). */
const BYLINE = /^(?:by|von|por|par|di|oleh|от|posted by|written by|story by|words by)\s/i;
const DATE_LINE = /^(?:(?:updated|published|posted|last updated)\b.{0,60}|[\d\s:/.,-]{6,30}(?:[ap]\.?m\.?)?(?:\s\w{2,5})?|(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s.{0,40}\d{4}.{0,20}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s\d{1,2},?\s\d{4}.{0,30})$/i;

function isBoilerplate(p: Para): boolean {
  const t = p.text;
  const len = t.length;
  if (len < 40 && BOILER_EXACT.test(t)) return true;
  if (len < 160 && BOILER_START.test(t)) return true;
  if (!/[\p{L}\p{N}]/u.test(t)) return true;
  if (len < 80 && DATE_LINE.test(t)) return true;
  if (len < 100 && BYLINE.test(t)) return true;
  const ld = len === 0 ? 0 : p.linkChars / len;
  if (ld > 0.8 && len < 400) return true;
  if (/^(?:related|read more|more|see also|also read|recommended|watch|listen)\s*:/i.test(t) && len < 300) return true;
  if (len < 300 && /\bsign up\b|\bsubscribe\b/i.test(t) && /newsletter|inbox|daily|weekly|email/i.test(t)) return true;
  if (len < 300 && /\(credit:|\(photo:|\bphotos? ©/i.test(t)) return true;
  if (len < 150 && /getty images|shutterstock|\bap photo\b|\bafp\b.{1,10}\bgetty|^(?:photo|image|picture|credit|source)s?\s*:/i.test(t)) return true;
  if (len < 600 && /^<[a-z][^>]*>/i.test(t) && t.endsWith('>')) return true;
  return false;
}

/** A short edge line holding a date or time ("November 19, 2019 / 12:21 AM / Updated 14 hours ago"). */
const EDGE_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b|\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?|gmt|utc|et|bst|cet)\b|\b\d+ (?:minutes?|hours?|days?) ago\b/i;

function endsSentence(t: string): boolean {
  return /[.!?…"”’'):;]$/.test(t);
}

/**
 * Keeps the article's paragraphs: boilerplate lines are dropped anywhere; short unpunctuated
 * lines are dropped at the edges (datelines, bylines, "Share" rows) and kept in the middle only
 * when they look like subheadings (followed by a real paragraph).
 */
export function classify(paras: Para[]): Para[] {
  const kept = paras.filter((p) => !isBoilerplate(p));
  // trim weak lines at the start and end
  // list items are content even when short ("England (Group A): 10th appearance"); a tweet's
  // "— Name (@handle) May 7, 2024" line is a quote's attribution, not a timestamp
  const weak = (p: Para): boolean =>
    (p.text.length < 50 && !endsSentence(p.text) && (p.tag !== 'li' || !p.text.includes(' '))) ||
    (p.text.length < 100 && EDGE_DATE.test(p.text) && !p.text.includes('(@'));
  let a = 0;
  let b = kept.length;
  while (a < b && (weak(kept[a]!) || kept[a]!.heading)) a++;
  while (b > a && (weak(kept[b - 1]!) || kept[b - 1]!.text.length < 300 && CREDIT_LINE.test(kept[b - 1]!.text))) b--;
  const out: Para[] = [];
  for (let i = a; i < b; i++) {
    out.push(kept[i]!);
  }
  return out;
}

export interface MainText {
  text: string;
  paragraphs: string[];
  /** The element chosen as the container (for diagnostics). */
  container: El | null;
}

/** Extracts the main text of a parsed page. Example: a page with nav + <article><p>... -> the <p>s. */
export function extractMainText(root: El): MainText {
  const scores = scoreCandidates(root);
  const container = findContainer(root, scores);
  if (container === null) return { text: '', paragraphs: [], container: null };
  const parts = hasBodyMarker(container) ? [container] : withSiblings(container, scores);
  const paras = classify(parts.flatMap((el) => linearise(el)));
  const paragraphs = paras.map((p) => p.text);
  return { text: paragraphs.join('\n\n'), paragraphs, container };
}

export { textOf };
