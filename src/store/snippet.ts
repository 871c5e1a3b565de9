/**
 * Search snippets built from the stored text in JavaScript: the best window of SNIPPET_TOKENS tokens
 * of the title or the text, matched words wrapped in [ ], `…` where the window cuts the field.
 * FTS5's snippet() does the same inside SQLite but needs a full-text lookup per returned row (a
 * seek in every index segment, ~0.5 ms a row on 100k articles); the rows are read anyway, so the
 * page's snippets cost one tokenization of each returned text here.
 *
 * Words are matched as the store's tokenizer (FTS5 unicode61, remove_diacritics 2) matches them:
 * runs of letters and digits, case-folded, accents removed; `strik*` matches words starting with it.
 */

/** Tokens shown per snippet (FTS5 snippet()'s last argument had the same value). */
export const SNIPPET_TOKENS = 16;

/** A word: letters, digits, and combining marks inside it (as unicode61 keeps them). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARKS = /\p{M}+/gu;
/** One character of a word (as WORD), and a combining mark (which cannot start one). */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const MARK_CHAR = /^\p{M}$/u;

/** Case-folded, accent-free form of a word (`Łódź` -> `łodz`, `Café` -> `cafe`). */
export function foldWord(w: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII fast path: nothing to decompose
  if (/^[\x00-\x7f]*$/.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export interface SnippetTerm {
  /** Folded word (see foldWord). */
  text: string;
  prefix: boolean;
}

/**
 * The terms of a user query as the store searches for them; a prefix shorter than `minPrefix`
 * characters is a plain word. Example: `Strik* "dock WORKERS"` -> strik (prefix), dock, workers.
 */
export function snippetTerms(query: string, minPrefix = 1): SnippetTerm[] {
  const out: SnippetTerm[] = [];
  for (const m of query.matchAll(/[\p{L}\p{N}_]+\*?/gu)) {
    const raw = m[0];
    const prefix = raw.endsWith('*') && [...raw].length - 1 >= minPrefix;
    const words = (raw.endsWith('*') ? raw.slice(0, -1) : raw).match(WORD) ?? [];
    words.forEach((w, i) => out.push({ text: foldWord(w), prefix: prefix && i === words.length - 1 }));
  }
  return out;
}

interface Token {
  start: number;
  end: number;
  /** Index of the term it matches, or -1. */
  term: number;
}

function tokens(field: string, terms: readonly SnippetTerm[]): Token[] {
  const exact = new Map<string, number>();
  const prefixes: Array<[string, number]> = [];
  terms.forEach((t, i) => {
    if (t.prefix) prefixes.push([t.text, i]);
    else if (!exact.has(t.text)) exact.set(t.text, i);
  });
  const match = (w: string): number => {
    const t = exact.get(w);
    if (t !== undefined) return t;
    for (const [p, i] of prefixes) if (w.startsWith(p)) return i;
    return -1;
  };
  // First letters of the terms: a word starting otherwise is not looked up (most words).
  const firsts = new Set(terms.map((t) => t.text.charCodeAt(0)));
  const out: Token[] = [];
  // Words cut with a character loop (ASCII decided inline, other characters by WORD_CHAR), ~3x
  // faster than a global regular expression; a word is folded only when its first letter may match.
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= field.length; i++) {
    const c = i < field.length ? field.charCodeAt(i) : 32;
    let word: boolean;
    let width = 1;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else {
      // a surrogate pair is one character
      width = c >= 0xd800 && c <= 0xdbff && i + 1 < field.length ? 2 : 1;
      word = WORD_CHAR.test(field.slice(i, i + width)) && (start >= 0 || !MARK_CHAR.test(field.slice(i, i + width)));
    }
    if (word) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 128) ascii = false;
      i += width - 1;
    } else if (start >= 0) {
      const first = field.charCodeAt(start);
      const lowerFirst = first >= 65 && first <= 90 ? first + 32 : first;
      let term = -1;
      if (!ascii) term = match(foldWord(field.slice(start, i)));
      else if (firsts.has(lowerFirst)) term = match(field.slice(start, i).toLowerCase());
      out.push({ start, end: i, term });
      start = -1;
    }
  }
  return out;
}

/** Best window of one field: most distinct terms, then most matches, then the earliest. */
function bestWindow(toks: readonly Token[], size: number): { start: number; score: number } {
  let best = { start: 0, score: 0 };
  for (let p = 0; p < toks.length; p++) {
    if (toks[p]!.term < 0) continue;
    // Start a little before the match so that it is read in context; never past the field's end.
    const start = Math.max(0, Math.min(p - 3, toks.length - size));
    const seen = new Set<number>();
    let hits = 0;
    for (let i = start; i < Math.min(toks.length, start + size); i++) {
      const t = toks[i]!.term;
      if (t >= 0) {
        seen.add(t);
        hits++;
      }
    }
    const score = seen.size * 1000 + hits;
    if (score > best.score) best = { start, score };
  }
  return best;
}

/**
 * The snippet of one article for a query's terms. Example: title `Ferry strike ends`, text `Dock
 * workers at Pellham ended their strike on Friday.`, terms of `pellham` -> `Dock workers at [Pellham]
 * ended their strike on Friday.`
 */
export function buildSnippet(title: string | null, text: string, terms: readonly SnippetTerm[], size = SNIPPET_TOKENS): string {
  let chosen: { field: string; toks: Token[]; start: number; score: number } | null = null;
  for (const field of [title ?? '', text]) {
    const toks = tokens(field, terms);
    const w = bestWindow(toks, size);
    // Ties go to the title (the first field), as with FTS5's snippet().
    if (chosen === null || w.score > chosen.score) chosen = { field, toks, ...w };
  }
  if (chosen === null || chosen.toks.length === 0) return '';
  const { field, toks, start } = chosen;
  const end = Math.min(toks.length, start + size);
  let out = start > 0 ? '…' : '';
  let at = toks[start]!.start;
  for (let i = start; i < end; i++) {
    const t = toks[i]!;
    if (t.term < 0) continue;
    out += field.slice(at, t.start) + '[' + field.slice(t.start, t.end) + ']';
    at = t.end;
  }
  out += field.slice(at, toks[end - 1]!.end);
  // The window stops at a word: keep the punctuation that ends the field (`Friday.`).
  if (end === toks.length) out += /^[^\s\p{L}\p{N}]*/u.exec(field.slice(toks[end - 1]!.end))![0];
  else out += '…';
  return out;
}
