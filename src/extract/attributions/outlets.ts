/**
 * Finds news outlets named in a document (from the shared lexicon, lexicons/outlets.ts): full names
 * and aliases case-sensitively on token boundaries; short forms ("the Journal", "the Times") only when
 * the same text also names that outlet in full, so "the Times" in a text that only ever mentions
 * The New York Times links to it, and stays unlinked otherwise.
 */
import type { Doc } from '../types.js';
import type { Token } from '../common/text.js';
import { OUTLETS } from '../lexicons/outlets.js';

/** An outlet named in the text: token range (end exclusive), char offsets and canonical name. */
export interface OutletMention {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  canonical: string;
  /** True for a short form resolved through a full name elsewhere in the text. */
  short: boolean;
}

interface Pattern {
  words: string[];
  canonical: string;
  short: boolean;
}

/** First word -> patterns starting with it (longest first). Built once: the lexicon is constant data. */
const BY_FIRST: ReadonlyMap<string, readonly Pattern[]> = (() => {
  const m = new Map<string, Pattern[]>();
  const add = (name: string, canonical: string, short: boolean): void => {
    const words = name.split(' ');
    for (const first of short && words[0] === 'the' ? ['the', 'The'] : [words[0]!]) {
      const ws = [first, ...words.slice(1)];
      const list = m.get(first) ?? [];
      list.push({ words: ws, canonical, short });
      m.set(first, list);
    }
  };
  for (const o of OUTLETS) {
    add(o.canonical, o.canonical, false);
    for (const a of o.aliases) add(a, o.canonical, false);
    for (const s of o.shortForms ?? []) add(s, o.canonical, true);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

function matchAt(tokens: readonly Token[], i: number, p: Pattern): number {
  let j = i;
  for (const w of p.words) {
    const t = tokens[j];
    if (!t || t.text !== w) return -1;
    j++;
  }
  // Whole tokens only, so "AP" never matches inside "APs" (the tokenizer already splits words).
  return j;
}

const memo = new WeakMap<Doc, readonly OutletMention[]>();

/**
 * Every outlet named in `doc`, in text order, without overlaps (longest match wins). Memoised per
 * document (the outlet rule and two refiners ask for the same doc; the result is read-only).
 */
export function findOutlets(doc: Doc): readonly OutletMention[] {
  let got = memo.get(doc);
  if (got === undefined) {
    got = scanOutlets(doc);
    memo.set(doc, got);
  }
  return got;
}

function scanOutlets(doc: Doc): readonly OutletMention[] {
  const toks = doc.tokens;
  const found: OutletMention[] = [];
  const named = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const list = BY_FIRST.get(toks[i]!.text);
    if (!list) continue;
    for (const p of list) {
      const end = matchAt(toks, i, p);
      if (end < 0) continue;
      found.push({ tokenStart: i, tokenEnd: end, start: toks[i]!.start, end: toks[end - 1]!.end, canonical: p.canonical, short: p.short });
      if (!p.short) named.add(p.canonical);
      i = end - 1;
      break;
    }
  }
  // A short form counts only if the same text names its outlet in full.
  return found.filter((o) => !o.short || named.has(o.canonical));
}
