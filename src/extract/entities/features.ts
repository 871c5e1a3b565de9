/**
 * NER features: the one featuriser shared by the training script and the runtime tagger, so both
 * see exactly the same strings. Pure functions over token texts; no I/O.
 *
 * Static features (word, shape, affixes, context window, clusters, gazetteer, document casing) are
 * computed once per sequence; tag-history features are added by the decoder (`tagFeatures`).
 */

/** BIO tags over the CoNLL types. Index order is part of the model file format. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NTAGS = TAGS.length;

/** Gazetteer type bits. */
export const GAZ_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Longest gazetteer phrase tried, in tokens. */
export const GAZ_MAX_LEN = 6;

/** Resources the features read: induced word clusters and a phrase gazetteer. */
export interface FeatureResources {
  /** word (exact form, then lowercase) -> cluster ids at several granularities, e.g. ["c64:3","c256:17"]. */
  clusters: ReadonlyMap<string, readonly string[]>;
  /** lowercased phrase (tokens joined by one space) -> bit mask over GAZ_TYPES. */
  gazetteer: ReadonlyMap<string, number>;
  /** lowercased first token -> longest phrase length starting with it. */
  gazFirst: ReadonlyMap<string, number>;
}

/** What the rest of the document says about a word's casing (headlines and sentence starts are ambiguous). */
export interface DocStats {
  /** Lowercased forms seen written all-lowercase somewhere in the document. */
  lower: Set<string>;
  /** Lowercased forms seen capitalised in the middle of a mixed-case sentence. */
  capMid: Set<string>;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/** "Zelenskyy" -> "Xxxxx"-style shape: X upper, x lower, d digit, other kept; runs longer than 2 cut. */
export function shape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (UPPER.test(ch)) c = 'X';
    else if (LOWER.test(ch)) c = 'x';
    else if (LETTER.test(ch)) c = 'x';
    else c = ch;
    if (c === last) {
      run++;
      if (run > 2) continue;
    } else {
      run = 1;
      last = c;
    }
    out += c;
  }
  return out;
}

/** Shape with every run collapsed to one character: "Xxxxx" -> "Xx", "dd-dd" -> "d-d". */
export function shortShape(sh: string): string {
  let out = '';
  let last = '';
  for (const c of sh) {
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function isAllCapsWord(w: string): boolean {
  return UPPER.test(w) && !LOWER.test(w);
}

function isCap(w: string): boolean {
  const c = w[0] ?? '';
  return c !== c.toLowerCase();
}

/** True when the sequence has letters and none is lowercase (a headline or all-caps line). */
export function isAllCapsSeq(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    if (LOWER.test(w)) return false;
    if (UPPER.test(w)) letters++;
  }
  return letters > 0;
}

/** Collects document casing statistics from all its sequences. */
export function docStats(seqs: readonly (readonly string[])[]): DocStats {
  const lower = new Set<string>();
  const capMid = new Set<string>();
  for (const words of seqs) {
    const caps = isAllCapsSeq(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!LETTER.test(w[0] ?? '')) continue;
      if (!UPPER.test(w)) lower.add(w.toLowerCase());
      else if (!caps && i > 0 && isCap(w) && !isAllCapsWord(w)) capMid.add(w.toLowerCase());
    }
  }
  return { lower, capMid };
}

function clusterOf(res: FeatureResources, w: string): readonly string[] | undefined {
  return res.clusters.get(w) ?? res.clusters.get(w.toLowerCase());
}

/**
 * Gazetteer features per token: for the longest phrase match starting at each position, each type
 * bit yields "g:B:PER" on the first token and "g:I:PER" on the rest ("g:U:PER" for one token).
 */
function gazetteerFeatures(words: readonly string[], lowers: readonly string[], res: FeatureResources, out: string[][]): void {
  let i = 0;
  while (i < words.length) {
    const max = res.gazFirst.get(lowers[i]!);
    let matched = 0;
    let mask = 0;
    if (max !== undefined) {
      let phrase = lowers[i]!;
      const found: Array<[number, number]> = [];
      const m1 = res.gazetteer.get(phrase);
      if (m1 !== undefined) found.push([1, m1]);
      for (let len = 2; len <= max && i + len <= words.length; len++) {
        phrase += ' ' + lowers[i + len - 1]!;
        const m = res.gazetteer.get(phrase);
        if (m !== undefined) found.push([len, m]);
      }
      const best = found[found.length - 1];
      if (best) [matched, mask] = best;
    }
    if (matched === 0) {
      i++;
      continue;
    }
    for (let b = 0; b < GAZ_TYPES.length; b++) {
      if ((mask & (1 << b)) === 0) continue;
      const t = GAZ_TYPES[b]!;
      if (matched === 1) out[i]!.push(`g:U:${t}`);
      else {
        out[i]!.push(`g:B:${t}`);
        for (let k = 1; k < matched; k++) out[i + k]!.push(`g:I:${t}`);
      }
    }
    i += matched;
  }
}

/**
 * Static features of every token of one sequence (a sentence or a line).
 * Example: in ["Peter", "Blackburn", "said"], token 1 gets "w=Blackburn", "sh=Xxx", "p1=peter", ...
 */
export function staticFeatures(words: readonly string[], res: FeatureResources, doc: DocStats): string[][] {
  const n = words.length;
  const lowers = words.map((w) => w.toLowerCase());
  const shapes = words.map(shape);
  const caps = isAllCapsSeq(words);
  const out: string[][] = [];
  const W = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : lowers[k]!);
  const S = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : shapes[k]!);
  const C = (k: number, g: number): string => {
    if (k < 0) return '<s>';
    if (k >= n) return '</s>';
    return clusterOf(res, words[k]!)?.[g] ?? '-';
  };
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const lw = lowers[i]!;
    const sh = shapes[i]!;
    const f: string[] = ['b', `w=${w}`, `lw=${lw}`, `sh=${sh}`, `ss=${shortShape(sh)}`];
    const len = lw.length;
    for (let k = 1; k <= 4 && k <= len; k++) {
      f.push(`pre${k}=${lw.slice(0, k)}`, `suf${k}=${lw.slice(len - k)}`);
    }
    if (i === 0) f.push('first', `first|sh=${sh}`);
    if (caps) f.push('caps-seq', `caps-seq|lw=${lw}`);
    if (w.length > 1 && w.endsWith('.')) f.push('dot-end');
    if (len > 12) f.push('long');
    // Document casing: does this word appear lowercase (a common word) or capitalised mid-sentence
    // (a name) elsewhere in the document? Decisive for headlines and sentence starts.
    const capital = isCap(w);
    if (capital) {
      const lo = doc.lower.has(lw);
      const cm = doc.capMid.has(lw);
      f.push(`d:lo=${lo ? 1 : 0}|cm=${cm ? 1 : 0}`);
      if (i === 0 || caps) f.push(`d0:lo=${lo ? 1 : 0}|cm=${cm ? 1 : 0}`);
    }
    f.push(
      `w-1=${W(i - 1)}`,
      `w+1=${W(i + 1)}`,
      `w-2=${W(i - 2)}`,
      `w+2=${W(i + 2)}`,
      `w-1|w=${W(i - 1)}|${lw}`,
      `w|w+1=${lw}|${W(i + 1)}`,
      `s-1=${S(i - 1)}`,
      `s+1=${S(i + 1)}`,
      `s-1|s=${S(i - 1)}|${sh}`,
      `s|s+1=${sh}|${S(i + 1)}`,
      `s-1|s|s+1=${S(i - 1)}|${sh}|${S(i + 1)}`,
    );
    const cl = clusterOf(res, w);
    if (cl) for (let g = 0; g < cl.length; g++) f.push(`c${g}=${cl[g]!}`);
    else f.push('c=none');
    f.push(`c-1=${C(i - 1, 1)}`, `c+1=${C(i + 1, 1)}`, `c-1|c=${C(i - 1, 1)}|${C(i, 1)}`, `c|c+1=${C(i, 1)}|${C(i + 1, 1)}`);
    out.push(f);
  }
  gazetteerFeatures(words, lowers, res, out);
  return out;
}

/** Tag-history features, added by the decoder at position i given the two previous tags. */
export function tagFeatures(prev: string, prev2: string, lw: string, sh: string): string[] {
  return [`t-1=${prev}`, `t-2|t-1=${prev2}|${prev}`, `t-1|lw=${prev}|${lw}`, `t-1|sh=${prev}|${sh}`];
}

/** 32-bit FNV-1a hash of a feature string. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whether tag `next` may follow `prev` in BIO: I-X only after B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  if (next === 0 || next % 2 === 1) return true;
  return prev === next || prev === next - 1;
}
