/**
 * A cheap language guess for pages that do not declare one: the script decides for non-Latin
 * alphabets, and for Latin text the language whose most frequent function words are most common.
 * Example: "the police said that the fire was out" -> "en".
 */

/** Twelve very frequent function words per language; distinctive ones only (no "a", "e", "la" shared). */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'was', 'for', 'with', 'said', 'are', 'have', 'this', 'from'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'auf', 'auch', 'wird', 'ein', 'eine', 'dem'],
  fr: ['le', 'les', 'des', 'est', 'et', 'une', 'dans', 'pour', 'que', 'qui', 'sur', 'pas', 'du', 'au'],
  es: ['el', 'los', 'las', 'y', 'del', 'por', 'con', 'una', 'para', 'que', 'es', 'se', 'su', 'al'],
  it: ['il', 'di', 'che', 'è', 'per', 'una', 'sono', 'della', 'non', 'con', 'gli', 'del', 'nel', 'anche'],
  pt: ['o', 'os', 'não', 'uma', 'do', 'da', 'dos', 'das', 'em', 'com', 'para', 'que', 'mais', 'ao'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'niet', 'op', 'dat', 'met', 'voor', 'zijn', 'ook', 'werd'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'dari', 'tidak', 'akan', 'pada', 'juga', 'ke', 'adalah'],
  pl: ['nie', 'się', 'jest', 'na', 'że', 'w', 'z', 'do', 'to', 'jak', 'ale', 'przez', 'oraz', 'który'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'olarak', 'çok', 'daha', 'gibi', 'olan', 'ancak', 'ise'],
  sv: ['och', 'att', 'det', 'som', 'är', 'för', 'på', 'med', 'inte', 'till', 'av', 'har', 'om', 'den'],
};

const INDEX = new Map<string, Array<[string, number]>>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) {
    const list = INDEX.get(w) ?? [];
    list.push([lang, 1]);
    INDEX.set(w, list);
  }
}

/** Guesses a primary language subtag from text, or null when there is too little to tell. */
export function guessLanguage(text: string): string | null {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const lower = sample.toLowerCase();
  // ASCII text, possibly with curly quotes, dashes and ellipses (most English news): every letter is
  // Latin, and those punctuation marks are not letters, so the script count can be skipped and the
  // ASCII word split gives the same words as the Unicode one, several times faster.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f\u00a0\u00ab\u00bb\u2010-\u2027\u2030-\u205e]*$/.test(lower)) {
    const words = lower.match(/[a-z]+/g) ?? [];
    let letters = 0;
    for (const w of words) letters += w.length;
    return letters < 20 ? null : bestByStopwords(words);
  }
  const counts: Record<string, number> = {};
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    let s: string | null = null;
    if (c >= 0x0400 && c <= 0x04ff) s = c === 0x0456 || c === 0x0457 || c === 0x0454 || c === 0x0491 ? 'uk' : 'cyr';
    else if (c >= 0xac00 && c <= 0xd7af) s = 'ko';
    else if (c >= 0x3040 && c <= 0x30ff) s = 'ja';
    else if (c >= 0x4e00 && c <= 0x9fff) s = 'han';
    else if (c >= 0x0600 && c <= 0x06ff) s = 'ar';
    else if (c >= 0x0590 && c <= 0x05ff) s = 'he';
    else if (c >= 0x0900 && c <= 0x097f) s = 'hi';
    else if (c >= 0x0e00 && c <= 0x0e7f) s = 'th';
    else if (c >= 0x0370 && c <= 0x03ff) s = 'el';
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) s = 'latin';
    if (s !== null) {
      counts[s] = (counts[s] ?? 0) + 1;
      letters++;
    }
  }
  if (letters < 20) return null;
  const share = (k: string): number => (counts[k] ?? 0) / letters;
  if (share('ja') > 0.05) return 'ja';
  if (share('ko') > 0.3) return 'ko';
  if (share('han') > 0.3) return 'zh';
  if (share('cyr') + share('uk') > 0.4) return (counts.uk ?? 0) > 0.003 * letters ? 'uk' : 'ru';
  for (const k of ['ar', 'he', 'hi', 'th', 'el']) if (share(k) > 0.4) return k;
  if (share('latin') < 0.4) return null;
  return bestByStopwords(lower.split(/\P{L}+/u));
}

/** The language whose function words are most frequent among `tokens`, if frequent enough. */
function bestByStopwords(tokens: readonly string[]): string | null {
  const scores: Record<string, number> = {};
  let words = 0;
  for (const w of tokens) {
    if (w === '') continue;
    words++;
    const hits = INDEX.get(w);
    if (hits) for (const [lang] of hits) scores[lang] = (scores[lang] ?? 0) + 1;
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [lang, n] of Object.entries(scores)) {
    if (n > bestN) {
      best = lang;
      bestN = n;
    }
  }
  return best !== null && bestN >= Math.max(3, words * 0.05) ? best : null;
}
