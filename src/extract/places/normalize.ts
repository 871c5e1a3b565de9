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
  // Fast path: plain ASCII letters, digits and hyphens only need lowercasing.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) {
      plain = false;
      break;
    }
  }
  if (plain) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(DROPPED, '').replace(DASHES, '-');
}
