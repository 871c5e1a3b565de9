/** Datelines ("KESTREL FALLS, Brenmark (Northern Wire) — ") at the start of a line, which brief and timeline leave out. */

/**
 * A dateline opening an article or paragraph: capitals, an optional ", Region" and "(Outlet)", then a
 * dash: "KESTREL FALLS, Brenmark (Northern Wire) — ", "WASHINGTON (Reuters) - ". The brief and the
 * timeline quote the sentence without it (the citation's offsets start after it).
 */
const DATELINE = /^\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?(?:\s*\([^)\n]{1,40}\))?\s*(?:[—–_]|-{1,2})\s+(?=\S)/u;

/**
 * Length of a dateline at the start of `text` (0 when none). What follows may be short ("PORT ALDER —
 * The tram is coming."): callers judge the rest on its own.
 */
export function datelineLength(text: string): number {
  const m = DATELINE.exec(text);
  return m ? m[0].length : 0;
}

/** Whether only blanks stand between `at` and the previous line break (or the text's start). */
export function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}
