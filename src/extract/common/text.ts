/**
 * Tokens and sentences with offsets: the one segmentation every extractor shares, computed once per
 * document (`prepareDoc`). Linear time: one sticky-regex scan for tokens, one pass for sentences.
 */
import type { Doc } from '../types.js';

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** True when whitespace (or the start of text) precedes the token. */
  spaceBefore: boolean;
  /** True when a newline lies between this token and the previous one. */
  newlineBefore: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last token in `Doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

// One alternative per token class, tried in order at each position. Every quantifier consumes a
// character class that the next element cannot match, so the scan is linear (no backtracking blowup).
const TOKEN_RE = new RegExp(
  [
    // URLs and e-mail addresses
    String.raw`(?<url>https?://[^\s<>"]+[^\s<>".,;:!?)\]'])`,
    String.raw`(?<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)`,
    // initialisms with periods: U.S., U.N., a.m.
    String.raw`(?<abbr>(?:\p{L}\.){2,})`,
    // numbers: 1,200.50  2024-08-06  3-2  10:30  1/2  .5
    String.raw`(?<num>\d+(?:[.,:/-]\d+)*|\.\d+)`,
    // clitics split off as their own token: 's n't 're 've 'll 'd 'm
    String.raw`(?<clitic>(?<=\p{L})(?:['’](?:[dmsDMS]|re|ve|ll|RE|VE|LL)(?!\p{L})|n['’]t(?!\p{L})))`,
    // words, with inner hyphens, apostrophes and periods-free letters/digits: Zelenskyy, Anti-Israeli, O'Brien
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:['’](?!(?:[dmsS]|re|ve|ll)(?!\p{L}))|[-‐])[\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(?<ellipsis>\.{2,}|…)`,
    String.raw`(?<dash>-{2,}|[–—])`,
    String.raw`(?<punct>\p{P})`,
    String.raw`(?<symbol>\S)`,
  ].join('|'),
  'uy',
);

// Character classes for the ASCII fast path (see tokenize).
const C_SPACE = 1;
const C_LETTER = 2;
const C_DIGIT = 4;
const C_PUNCT1 = 8; // always a one-character punctuation token: , ; ( ) [ ] { } ! ? "
/** After a plain word or number, these characters may extend the token: the regex decides. */
const C_EXTENDS = 16;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/\s/.test(ch)) ASCII[c]! |= C_SPACE;
  if (/[a-z]/i.test(ch)) ASCII[c]! |= C_LETTER;
  if (/\d/.test(ch)) ASCII[c]! |= C_DIGIT;
  if (',;()[]{}!?"'.includes(ch)) ASCII[c]! |= C_PUNCT1;
  if (".,:/-'@+_".includes(ch)) ASCII[c]! |= C_EXTENDS;
}

/**
 * Splits `text` into tokens with offsets. Whitespace is skipped; every other character lands in a
 * token. Plain ASCII words, numbers and simple punctuation take a fast path (a few array lookups per
 * character); anything else (URLs, initialisms, clitics, hyphens, non-ASCII) goes through TOKEN_RE.
 * Both paths give the same tokens: the fast path only takes cases the regex would match the same way.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let spaceBefore = true;
  let newlineBefore = false;
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c < 128 ? (ASCII[c]! & C_SPACE) !== 0 : /\s/.test(text[pos]!)) {
      spaceBefore = true;
      if (c === 10) newlineBefore = true;
      pos++;
      continue;
    }
    let end = -1;
    let kind: TokenKind = 'punct';
    if (c < 128) {
      const cls = ASCII[c]!;
      if ((cls & C_PUNCT1) !== 0) {
        end = pos + 1;
      } else if ((cls & (C_LETTER | C_DIGIT)) !== 0) {
        const run = (cls & C_LETTER) !== 0 ? C_LETTER | C_DIGIT : C_DIGIT;
        let e = pos + 1;
        while (e < n) {
          const d = text.charCodeAt(e);
          if (d >= 128 || (ASCII[d]! & run) === 0) break;
          e++;
        }
        const next = e < n ? text.charCodeAt(e) : 32;
        // The fast path stops here only when nothing could extend or re-split the token.
        const plain = next < 128 ? (ASCII[next]! & (C_EXTENDS | C_LETTER | C_DIGIT)) === 0 : /\s/.test(text[e]!);
        if (plain && !(run === C_LETTER && isUrlScheme(text, pos, e))) {
          end = e;
          kind = run === C_DIGIT ? 'number' : 'word';
        }
      }
    }
    if (end < 0) {
      TOKEN_RE.lastIndex = pos;
      const m = TOKEN_RE.exec(text);
      // TOKEN_RE ends in \S, so it always matches a non-space character; the guard is for the types.
      const len = m ? m[0].length : 1;
      const g = m?.groups ?? {};
      if (g.num !== undefined) kind = 'number';
      else if (g.word !== undefined || g.abbr !== undefined || g.clitic !== undefined || g.url !== undefined || g.email !== undefined)
        kind = 'word';
      else if (g.symbol !== undefined) kind = 'symbol';
      else kind = 'punct';
      end = pos + len;
      // A single-letter word followed by "." is an initial ("J. Smith", "George W. Bush"): keep the period.
      if (kind === 'word' && len === 1 && text[end] === '.' && /\p{Lu}/u.test(text[pos] ?? '')) end += 1;
      // Known abbreviations keep their period too: "Mr.", "Gen.", "Jan.", "No.".
      else if (kind === 'word' && text[end] === '.' && len <= 6 && NEVER_FINAL.has(text.slice(pos, end).toLowerCase())) end += 1;
    }
    tokens.push({ start: pos, end, text: text.slice(pos, end), kind, spaceBefore, newlineBefore });
    pos = end;
    spaceBefore = false;
    newlineBefore = false;
  }
  return tokens;
}

/** "http"/"https" right before "://" starts a URL: leave it to the regex. */
function isUrlScheme(text: string, start: number, end: number): boolean {
  return end - start <= 5 && text.charCodeAt(end) === 58 && /^https?$/i.test(text.slice(start, end));
}

/** Abbreviations after which a period never ends a sentence (titles, months, "No.", "vs."). */
const NEVER_FINAL = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
    'maj', 'st', 'rev', 'hon', 'pres', 'supt', 'insp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'v', 'etc', 'approx', 'est', 'fig', 'jr', 'sr',
    'mt', 'ft', 'gens', 'reps', 'sens', 'messrs', 'inc', 'corp', 'ltd', 'co', 'bros', 'dept', 'univ',
  ],
);

/** Words that, capitalised after an initialism like "U.S.", usually start a new sentence. */
const SENTENCE_STARTERS = new Set(
  ['the', 'he', 'she', 'it', 'they', 'we', 'i', 'in', 'but', 'and', 'a', 'an', 'this', 'that', 'there', 'his', 'her', 'its', 'their', 'on', 'at', 'as', 'if', 'when', 'after', 'while', 'some', 'many', 'officials', 'meanwhile', 'however'],
);

const FINAL_PUNCT = new Set(['.', '!', '?', '…', '...']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * Groups tokens into sentences. A sentence ends at . ! ? (plus closing quotes/brackets) before a
 * token that can start a sentence, at a blank line, and at a line break after a line that reads
 * as complete (ends in final punctuation) or as a heading (no lowercase letters).
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (lastExclusive: number): void => {
    if (lastExclusive <= first) return;
    const a = tokens[first];
    const b = tokens[lastExclusive - 1];
    if (a && b) sentences.push({ start: a.start, end: b.end, tokenStart: first, tokenEnd: lastExclusive });
    first = lastExclusive;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    // Line-break boundaries.
    if (next.newlineBefore) {
      const gap = text.slice(t.end, next.start);
      const blankLine = /\n[^\S\n]*\n/.test(gap);
      if (blankLine || FINAL_PUNCT.has(t.text) || CLOSERS.has(t.text) || t.text === ':' || lineHasNoLowercase(text, t.end)) {
        close(i + 1);
        continue;
      }
    }
    if (!FINAL_PUNCT.has(t.text) && !(t.kind === 'word' && t.text.endsWith('.'))) continue;
    // Absorb closing quotes/brackets after the final punctuation.
    let j = i;
    while (tokens[j + 1] && CLOSERS.has(tokens[j + 1]!.text) && !tokens[j + 1]!.spaceBefore) j++;
    const after = tokens[j + 1];
    if (!after) break;
    if (!after.spaceBefore) continue;
    if (t.kind === 'word') {
      // "Mr." never ends a sentence; "U.S." does only before a typical sentence opener.
      const bare = t.text.slice(0, -1).toLowerCase();
      if (NEVER_FINAL.has(bare) || bare.length === 1) continue;
      if (bare.includes('.') && !SENTENCE_STARTERS.has(after.text.toLowerCase())) continue;
    } else if (t.text === '.') {
      const prev = tokens[i - 1];
      if (prev && !t.spaceBefore && NEVER_FINAL.has(prev.text.toLowerCase())) continue;
      // tokenised decimals "6 . 2 %": a spaced period between two numbers
      if (prev && t.spaceBefore && prev.kind === 'number' && after.kind === 'number') continue;
    }
    const c = after.text[0] ?? '';
    if (/[\p{Lu}\p{N}"“‘'([—–-]/u.test(c)) {
      close(j + 1);
      i = j;
    }
  }
  close(tokens.length);
  return sentences;
}

function lineHasNoLowercase(text: string, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const line = text.slice(lineStart, end);
  return !/\p{Ll}/u.test(line) && /\p{Lu}/u.test(line);
}

/** Builds the shared `Doc` for the extractors. */
export function prepareDoc(input: { id: string; text: string; title?: string; source?: string; url?: string; lang?: string }): Doc {
  const tokens = tokenize(input.text);
  const sentences = splitSentences(input.text, tokens);
  return {
    id: input.id,
    text: input.text,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.lang !== undefined ? { lang: input.lang } : {}),
    tokens,
    sentences,
  };
}

/** Index of the sentence holding offset `pos` (binary search), or -1. */
export function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Makes a span of `text` from offsets. */
export function span(text: string, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: text.slice(start, end) };
}

/** Index of the first token that ends after offset `pos` (binary search): the token holding `pos`, or the next one. */
export function tokenIndexAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
