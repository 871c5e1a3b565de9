/**
 * Name normalisation shared by the gazetteer keys and text lookups (kept identical to `normKey` in
 * scripts/build-gazetteer.mjs): NFD, strip combining marks, lowercase, drop periods and apostrophes,
 * unify dashes. "Kyiv" = "Kyїv", "U.S." = "US", "L'viv" = "Lviv", "São Paulo" = "Sao Paulo".
 */
const MARKS = /\p{M}/gu;
const DROPPED = /[.'’‘`ʼ]/g;
const DASHES = /[‐–—]/g;

/** Normalises one token's text (no spaces inside). */
export function normToken(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(DROPPED, '').replace(DASHES, '-');
}
