/**
 * Light text features for story clustering: content-word stems and name phrases, computed without
 * the extraction pipeline (so `tri stories` works on raw text and stays fast). Linear time: one
 * tokenizer pass, no regex with nested quantifiers.
 */
import { tokenize, type Token } from '../extract/common/text.js';

/** English function words and news boilerplate that say nothing about which story an article tells. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although always am among an and another any are around as at ' +
    'back be became because become been before being below between both but by can cannot could did do does doing done down ' +
    'during each either else even ever every few for from further get gets got had has have having he her here hers herself him ' +
    'himself his how however i if in into is it its itself just last least less like made make many may me might more most much ' +
    'must my myself near neither never new next no nor not now of off often on once one only or other others our ours ourselves ' +
    'out over own per perhaps put rather said same say says see seen several shall she should since so some still such than that ' +
    'the their theirs them themselves then there these they this those though three through thus to too two under until up upon ' +
    'us very was we were what when where whether which while who whom whose why will with within without would yet you your ' +
    'yours yourself told tell according added including asked called percent year years week weeks day days time times monday ' +
    'tuesday wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms dr people first second going way well ' +
    'back want wanted take took think known news report reported reports reporting reuters ap associated press copyright rights ' +
    'reserved photo image video click read story stories s t don didn isn wasn aren doesn won can couldn wouldn shouldn'
  ).split(' '),
);

/** Light suffix stripping ("missiles" -> "missil", "attacked" -> "attack"): enough to merge inflections. */
export function stem(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

/** Characters of an article's opening counted twice (about its first two or three sentences). */
export const LEAD_CHARS = 400;

/** Term counts of one article, split by kind. */
export interface ArticleFeatures {
  /** Stemmed content words (lowercase) -> count; title words counted extra. */
  words: Map<string, number>;
  /** Name phrases (lowercase, e.g. "boris yeltsin", "kursk") -> count. */
  names: Map<string, number>;
  /**
   * Name phrase -> the spelling most seen in the article ("us" -> "US", "atacms" -> "ATACMS",
   * "mcdonald" -> "McDonald"), for story labels. Optional: features built elsewhere may omit it.
   */
  surface?: Map<string, string>;
}

/** Counts one spelling of a name phrase under its lowercase key. */
function addSurface(m: Map<string, Map<string, number>>, key: string, spelled: string, n: number): void {
  let forms = m.get(key);
  if (!forms) m.set(key, (forms = new Map()));
  forms.set(spelled, (forms.get(spelled) ?? 0) + n);
}

/** The most seen spelling of each key (ties: the first seen). */
function mostSeen(m: Map<string, Map<string, number>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, forms] of m) {
    let best = '';
    let n = 0;
    for (const [f, c] of forms) if (c > n) [best, n] = [f, c];
    out.set(k, best);
  }
  return out;
}

function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return t.kind === 'word' && c >= 65 && c <= 90;
}

function add(m: Map<string, number>, k: string, n = 1): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

/** Folds curly apostrophes and drops a possessive "'s" so "Ukraine’s" and "Ukraine's" match. */
function normWord(w: string): string {
  return w.toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * Features of one article. Name phrases are runs of capitalised words (a sentence-initial capital
 * alone counts only when the word is not a stopword): "Boris Yeltsin", "Kursk", "Wall Street Journal".
 * `names` (canonical entity names from the extraction pipeline), when given, are used in addition.
 * Only the first `maxChars` characters are read: the lead holds the story, and cost stays bounded.
 */
export function articleFeatures(text: string, title = '', names: readonly string[] = [], maxChars = 20_000, bigrams = true, leadChars = LEAD_CHARS): ArticleFeatures {
  const words = new Map<string, number>();
  const nameCounts = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  const addText = (s: string, weight: number): void => {
    const toks = tokenize(s);
    let run: string[] = [];
    let spelled: string[] = [];
    const flush = (): void => {
      if (run.length > 0) {
        const phrase = run.join(' ');
        if (!(run.length === 1 && STOPWORDS.has(phrase))) {
          add(nameCounts, phrase, weight);
          addSurface(spellings, phrase, spelled.join(' '), weight);
        }
        run = [];
        spelled = [];
      }
    };
    let prev: string | null = null;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.kind !== 'word') {
        flush();
        prev = null;
        continue;
      }
      const w = normWord(t.text);
      if (isCapitalised(t) && !(run.length === 0 && STOPWORDS.has(w)) && t.text !== t.text.toUpperCase()) {
        run.push(w.replace(/\.$/, ''));
        spelled.push(t.text.replace(/[’‘]/g, "'").replace(/\.$/, ''));
      } else flush();
      if (w.length < 2 || STOPWORDS.has(w) || w.includes('://') || w.includes('@')) {
        prev = null;
        continue;
      }
      const st = stem(w.replace(/\.$/, ''));
      add(words, st, weight);
      // Adjacent content-word pairs ("north korean", "long-range missil") are far more story-specific.
      if (bigrams && prev !== null) add(words, prev + ' ' + st, weight);
      prev = st;
    }
    flush();
  };
  if (title) addText(title, 2);
  addText(text.length > maxChars ? text.slice(0, maxChars) : text, 1);
  // The lead tells the story: its words count again (cut at a space so no word is split).
  if (leadChars > 0) {
    const cut = text.length > leadChars ? text.lastIndexOf(' ', leadChars) : text.length;
    if (cut > 0) addText(text.slice(0, cut), 1);
  }
  for (const n of names) {
    add(nameCounts, n.toLowerCase(), 1);
    addSurface(spellings, n.toLowerCase(), n, 1);
  }
  return { words, names: nameCounts, surface: mostSeen(spellings) };
}
