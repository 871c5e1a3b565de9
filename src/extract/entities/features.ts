/**
 * NER features: the one featuriser shared by the training script and the runtime tagger, so both
 * see exactly the same strings. Pure functions over token texts; no I/O.
 *
 * Static features (word, shape, affixes, context window, clusters, gazetteer, document casing) are
 * computed once per sequence; tag-history features are added by the decoder (`tagFeatures`).
 */

/**
 * BILOU tags over the CoNLL types (Ratinov & Roth 2009: Begin, Inside, Last, Unit-length, Outside).
 * Index order is part of the model file format: the BIO tags first (so a BIO tagging reads the
 * same), then L- and U- per type.
 */
export const TAGS = [
  'O',
  'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC',
  'L-PER', 'U-PER', 'L-ORG', 'U-ORG', 'L-LOC', 'U-LOC', 'L-MISC', 'U-MISC',
] as const;
export type Tag = (typeof TAGS)[number];
export const NTAGS = TAGS.length;

/** Entity types, in the order of their gazetteer bits and document-memory counts. */
export const GAZ_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Gazetteer bits: the four types from training data, then external lists ("xLOC": GeoNames cities). */
export const GAZ_BITS = [...GAZ_TYPES, 'xLOC'] as const;

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
  /**
   * Common English words (lowercase) -> frequency tier ("10" most common, then "20", "35"): a
   * capitalised "Governor" or "Director" is a common word, "Marchuk" is not.
   */
  lexicon?: ReadonlyMap<string, string>;
}

/** What the rest of the document says about a word's casing (headlines and sentence starts are ambiguous). */
export interface DocStats {
  /** Lowercased forms seen written all-lowercase somewhere in the document. */
  lower: Set<string>;
  /** Lowercased forms seen capitalised in the middle of a mixed-case sentence. */
  capMid: Set<string>;
  /**
   * Context aggregation (Ratinov & Roth 2009): per lowercased capitalised word, the lowercase words
   * next to any of its occurrences in the document, as features ("ca-1=coach", "ca+1=said") and
   * their hashes. Absent when the document was read without it.
   */
  agg?: Map<string, { feats: string[]; hashes: number[] }>;
}

/** At most this many distinct neighbours per side in context aggregation. */
const AGG_MAX = 6;
const LOWER_WORD = /^\p{Ll}[\p{Ll}'-]*$/u;

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

/**
 * Collects document casing statistics from all its sequences, and with `withAgg` the context
 * aggregation of its capitalised words.
 */
export function docStats(seqs: readonly (readonly string[])[], withAgg = false): DocStats {
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
  if (!withAgg) return { lower, capMid };
  const sides = new Map<string, [Set<string>, Set<string>]>();
  for (const words of seqs) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isCap(w) || !LETTER.test(w[0] ?? '')) continue;
      const key = w.toLowerCase();
      let sd = sides.get(key);
      if (!sd) sides.set(key, (sd = [new Set(), new Set()]));
      const l = words[i - 1];
      const r = words[i + 1];
      if (l !== undefined && sd[0].size < AGG_MAX && LOWER_WORD.test(l)) sd[0].add(l);
      if (r !== undefined && sd[1].size < AGG_MAX && LOWER_WORD.test(r)) sd[1].add(r);
    }
  }
  const agg = new Map<string, { feats: string[]; hashes: number[] }>();
  for (const [key, [l, r]] of sides) {
    if (l.size + r.size === 0) continue;
    const feats = [...[...l].map((x) => `ca-1=${x}`), ...[...r].map((x) => `ca+1=${x}`)];
    agg.set(key, { feats, hashes: feats.map(hashFeature) });
  }
  return { lower, capMid, agg };
}

function clusterOf(res: FeatureResources, w: string): readonly string[] | undefined {
  return res.clusters.get(w) ?? res.clusters.get(w.toLowerCase());
}

/**
 * Gazetteer features per token: for the longest phrase match starting at each position, each type
 * bit yields "g:B:PER" on the first token and "g:I:PER" on the rest ("g:U:PER" for one token).
 */
function gazetteerFeatures(words: readonly string[], lowers: readonly string[], res: FeatureResources, out: string[][]): void {
  gazetteerMatches(lowers, res, (i, matched, mask) => {
    for (let b = 0; b < GAZ_BITS.length; b++) {
      if ((mask & (1 << b)) === 0) continue;
      const t = GAZ_BITS[b]!;
      if (matched === 1) out[i]!.push(`g:U:${t}`);
      else {
        out[i]!.push(`g:B:${t}`);
        for (let k = 1; k < matched; k++) out[i + k]!.push(`g:I:${t}`);
      }
    }
  });
}

/** Hashes of "g:U:T", "g:B:T", "g:I:T" per gazetteer bit (GAZ_BITS order). */
const H_GAZ = { U: GAZ_BITS.map((t) => hashFeature(`g:U:${t}`)), B: GAZ_BITS.map((t) => hashFeature(`g:B:${t}`)), I: GAZ_BITS.map((t) => hashFeature(`g:I:${t}`)) };

/** The hashes of `gazetteerFeatures` (same values, same order per token), pushed onto `out[i]`. */
export function gazetteerHashes(
  lowers: readonly string[],
  res: FeatureResources,
  visit: (i: number, hash: number) => void,
  firsts?: ArrayLike<number>,
): void {
  gazetteerMatches(lowers, res, (i, matched, mask) => {
    for (let b = 0; b < GAZ_BITS.length; b++) {
      if ((mask & (1 << b)) === 0) continue;
      if (matched === 1) visit(i, H_GAZ.U[b]!);
      else {
        visit(i, H_GAZ.B[b]!);
        for (let k = 1; k < matched; k++) visit(i + k, H_GAZ.I[b]!);
      }
    }
  }, firsts);
}

/** A gazetteer trie node: the phrase's type mask (-1 when only a prefix) and the next words. */
interface GazNode {
  mask: number;
  next: Map<string, GazNode> | null;
}
const TRIES = new WeakMap<FeatureResources, Map<string, GazNode>>();

/** The gazetteer's phrases as a trie over their words, built once per resources object. */
function gazetteerTrie(res: FeatureResources): Map<string, GazNode> {
  let root = TRIES.get(res);
  if (root) return root;
  root = new Map();
  for (const [phrase, mask] of res.gazetteer) {
    let node: GazNode | undefined;
    for (const part of phrase.split(' ')) {
      const level: Map<string, GazNode> = node ? (node.next ??= new Map()) : root;
      node = level.get(part);
      if (!node) level.set(part, (node = { mask: -1, next: null }));
    }
    if (node) node.mask = mask;
  }
  TRIES.set(res, root);
  return root;
}

/**
 * The longest gazetteer phrase starting at each position, left to right: `found(start, length, mask)`.
 * `firsts[i]`, when given, is `res.gazFirst.get(lowers[i]) ?? 0` (looked up once per word by a cache).
 */
function gazetteerMatches(
  lowers: readonly string[],
  res: FeatureResources,
  found: (i: number, matched: number, mask: number) => void,
  firsts?: ArrayLike<number>,
): void {
  const trie = gazetteerTrie(res);
  const n = lowers.length;
  let i = 0;
  while (i < n) {
    let matched = 0;
    let mask = 0;
    // The longest phrase found wins (a trie walk: no phrase strings built).
    let node = firsts && firsts[i] === 0 ? undefined : trie.get(lowers[i]!);
    for (let len = 1; node !== undefined; len++) {
      if (node.mask >= 0) {
        matched = len;
        mask = node.mask;
      }
      if (node.next === null || i + len >= n) break;
      node = node.next.get(lowers[i + len]!);
    }
    if (matched === 0) {
      i++;
      continue;
    }
    found(i, matched, mask);
    i += matched;
  }
}

/** What a word contributes on its own, independent of position: cached per word at run time. */
export interface WordInfo {
  lw: string;
  sh: string;
  /** Mid-granularity cluster id, or "-". */
  c1: string;
  /** Finest cluster id, or "-". */
  c2: string;
  /** The word's intrinsic feature strings (see `intrinsicFeatures`). */
  feats: string[];
  /** Their hashes. */
  hashes: number[];
  /** Partial hashes of the context features this word takes part in (see `neighbourHashes`). */
  nb: Int32Array;
  /** Hashes of "t-1|lw=<prev>|<lw>" then "t-1|sh=<prev>|<sh>" per previous tag index (TAGS, then "<s>"). */
  th: Uint32Array;
}

function wordInfo(w: string, res: FeatureResources): WordInfo {
  const lw = w.toLowerCase();
  const sh = shape(w);
  const f: string[] = ['b', `w=${w}`, `lw=${lw}`, `sh=${sh}`, `ss=${shortShape(sh)}`];
  const len = lw.length;
  for (let k = 1; k <= 4 && k <= len; k++) f.push(`pre${k}=${lw.slice(0, k)}`, `suf${k}=${lw.slice(len - k)}`);
  if (w.length > 1 && w.endsWith('.')) f.push('dot-end');
  if (len > 12) f.push('long');
  const cl = clusterOf(res, w);
  if (cl) for (let g = 0; g < cl.length; g++) f.push(`c${g}=${cl[g]!}`);
  else f.push('c=none');
  const lx = res.lexicon?.get(lw);
  if (lx !== undefined) f.push(`lex=${lx}`, `lex=${lx}|${isCap(w) ? 'cap' : 'low'}`);
  const c1 = cl?.[1] ?? '-';
  const c2 = cl?.[2] ?? '-';
  return { lw, sh, c1, c2, feats: f, hashes: f.map(hashFeature), nb: neighbourHashes(lw, sh, c1, c2), th: wordTagHashes(lw, sh) };
}

/**
 * A per-model memo of `wordInfo` (words repeat: most tokens of a text are cache hits). Bounded:
 * cleared when it grows past `max` entries. Results never depend on the cache's state.
 */
export class WordCache {
  private map = new Map<string, WordInfo>();
  private sums = new Map<string, Float64Array>();
  private sumsOwner: object | null = null;
  constructor(private readonly max = 200_000) {}
  /**
   * Memo of per-word score vectors computed under `owner` (a weight source whose weights do not
   * change while this cache is used with it): emptied when the owner changes or it grows past `max`.
   */
  scoreMemo(owner: object): Map<string, Float64Array> {
    if (this.sumsOwner !== owner || this.sums.size >= this.max) {
      this.sums = new Map();
      this.sumsOwner = owner;
    }
    return this.sums;
  }
  get(w: string, res: FeatureResources): WordInfo {
    let info = this.map.get(w);
    if (info) return info;
    info = wordInfo(w, res);
    if (this.map.size >= this.max) this.map = new Map();
    this.map.set(w, info);
    return info;
  }
}

/** Position-dependent features of token i: sentence position, document casing, context window. */
function contextFeatures(i: number, infos: readonly WordInfo[], words: readonly string[], caps: boolean, doc: DocStats): string[] {
  const n = infos.length;
  const { lw, sh } = infos[i]!;
  const W = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : infos[k]!.lw);
  const S = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : infos[k]!.sh);
  const C = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : infos[k]!.c1);
  const F = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : infos[k]!.c2);
  const f: string[] = [];
  if (i === 0) f.push('first', `first|sh=${sh}`);
  if (caps) f.push('caps-seq', `caps-seq|lw=${lw}`);
  // Document casing: does this word appear lowercase (a common word) or capitalised mid-sentence
  // (a name) elsewhere in the document? Decisive for headlines and sentence starts.
  if (isCap(words[i]!)) {
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
    `c-1=${C(i - 1)}`,
    `c+1=${C(i + 1)}`,
    `c-1|c=${C(i - 1)}|${C(i)}`,
    `c|c+1=${C(i)}|${C(i + 1)}`,
    `f-1=${F(i - 1)}`,
    `f+1=${F(i + 1)}`,
    `w-1|w+1=${W(i - 1)}|${W(i + 1)}`,
  );
  const ag = doc.agg && isCap(words[i]!) ? doc.agg.get(lw) : undefined;
  if (ag) f.push(...ag.feats);
  return f;
}

/**
 * Static features of every token of one sequence (a sentence or a line), as strings: the
 * reference definition (training uses it; `staticHashes` must produce the same hashes).
 * Example: in ["Peter", "Blackburn", "said"], token 1 gets "w=Blackburn", "sh=Xx", "w-1=peter", ...
 */
export function staticFeatures(words: readonly string[], res: FeatureResources, doc: DocStats): string[][] {
  const infos = words.map((w) => wordInfo(w, res));
  const caps = isAllCapsSeq(words);
  const out = infos.map((info, i) => info.feats.concat(contextFeatures(i, infos, words, caps, doc)));
  gazetteerFeatures(words, infos.map((x) => x.lw), res, out);
  return out;
}

/** Continues an FNV-1a hash over `s`: fnv(fnv(h0, a), b) === fnv(h0, a + b). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const FNV0 = 0x811c9dc5;

/** Hash of parts joined by "|" after a prefix: hashFeature(prefix + parts.join("|")) without building it. */
function hashJoin(prefix: number, a: string, b?: string, c?: string): number {
  let h = fnv(prefix, a);
  if (b !== undefined) h = fnv(fnv(h, '|'), b);
  if (c !== undefined) h = fnv(fnv(h, '|'), c);
  return h >>> 0;
}

const P = (s: string): number => fnv(FNV0, s);
const PRE = {
  wm1: P('w-1='), wp1: P('w+1='), wm2: P('w-2='), wp2: P('w+2='), wm1w: P('w-1|w='), wwp1: P('w|w+1='),
  sm1: P('s-1='), sp1: P('s+1='), sm1s: P('s-1|s='), ssp1: P('s|s+1='), sm1ssp1: P('s-1|s|s+1='),
  cm1: P('c-1='), cp1: P('c+1='), cm1c: P('c-1|c='), ccp1: P('c|c+1='),
  tm1: P('t-1='), tm2tm1: P('t-2|t-1='), tm1lw: P('t-1|lw='), tm1sh: P('t-1|sh='),
  fm1: P('f-1='), fp1: P('f+1='), wm1wp1: P('w-1|w+1='),
  firstSh: P('first|sh='), capsLw: P('caps-seq|lw='), d: P('d:'), d0: P('d0:'),
};
const H_FIRST = hashFeature('first');
const H_CAPS = hashFeature('caps-seq');

/**
 * FNV states of the context features a word takes part in, by slot (NB_*): whole hashes where the
 * word is the feature's only part ("w-1=<lw>"), and prefix states ending in "|" where it is the first
 * part of a pair ("w-1|w=<lw>|"), to be continued over the other part.
 */
function neighbourHashes(lw: string, sh: string, c1: string, c2: string): Int32Array {
  const bar = (h: number): number => fnv(h, '|');
  return Int32Array.from([
    fnv(PRE.wm1, lw), fnv(PRE.wp1, lw), fnv(PRE.wm2, lw), fnv(PRE.wp2, lw), bar(fnv(PRE.wm1w, lw)), bar(fnv(PRE.wwp1, lw)),
    fnv(PRE.sm1, sh), fnv(PRE.sp1, sh), bar(fnv(PRE.sm1s, sh)), bar(fnv(PRE.ssp1, sh)), bar(fnv(PRE.sm1ssp1, sh)),
    fnv(PRE.cm1, c1), fnv(PRE.cp1, c1), bar(fnv(PRE.cm1c, c1)), bar(fnv(PRE.ccp1, c1)),
    fnv(PRE.fm1, c2), fnv(PRE.fp1, c2), bar(fnv(PRE.wm1wp1, lw)),
  ]);
}
const NB_WM1 = 0, NB_WP1 = 1, NB_WM2 = 2, NB_WP2 = 3, NB_WM1W = 4, NB_WWP1 = 5, NB_SM1 = 6, NB_SP1 = 7, NB_SM1S = 8, NB_SSP1 = 9, NB_SM1SSP1 = 10;
const NB_CM1 = 11, NB_CP1 = 12, NB_CM1C = 13, NB_CCP1 = 14, NB_FM1 = 15, NB_FP1 = 16, NB_WM1WP1 = 17;
export type NbInfo = Pick<WordInfo, 'lw' | 'sh' | 'c1' | 'c2' | 'nb'>;
const boundary = (t: string): NbInfo => ({ lw: t, sh: t, c1: t, c2: t, nb: neighbourHashes(t, t, t, t) });
const START = boundary('<s>');
const END = boundary('</s>');

/** "d:lo=L|cm=C" and "d0:..." hashes indexed by 2 * L + C. */
const H_D = [0, 1, 2, 3].map((k) => hashJoin(PRE.d, `lo=${k >> 1}|cm=${k & 1}`));
const H_D0 = [0, 1, 2, 3].map((k) => hashJoin(PRE.d0, `lo=${k >> 1}|cm=${k & 1}`));

/**
 * The context features whose hash depends on one neighbour alone, by the neighbour's role: NB slots
 * of the word at i-1, i+1, i-2 and i+2. A decoder that sums integer weights (order-free) can keep
 * one score row per word and role instead of looking these up at every position.
 */
export const NEIGHBOUR_ROLES: readonly (readonly number[])[] = [
  [NB_WM1, NB_SM1, NB_CM1, NB_FM1],
  [NB_WP1, NB_SP1, NB_CP1, NB_FP1],
  [NB_WM2],
  [NB_WP2],
];
/** The sequence boundaries as neighbours (before the start, after the end). */
export const BOUNDARY_NB = { start: START.nb, end: END.nb };

/**
 * The hashes of `contextFeatures` except the single-neighbour ones (`NEIGHBOUR_ROLES`): position,
 * casing, the pair features and context aggregation. `contextHashes` = these + the role hashes
 * (as multisets).
 */
export function contextPairHashes(i: number, infos: readonly NbInfo[], words: readonly string[], caps: boolean, doc: DocStats, visit: (hash: number) => void): void {
  const n = infos.length;
  const cur = infos[i]!;
  const { lw, sh } = cur;
  if (i === 0) {
    visit(H_FIRST);
    visit(hashJoin(PRE.firstSh, sh));
  }
  if (caps) {
    visit(H_CAPS);
    visit(hashJoin(PRE.capsLw, lw));
  }
  const cap = isCap(words[i]!);
  if (cap) {
    const d = (doc.lower.has(lw) ? 2 : 0) + (doc.capMid.has(lw) ? 1 : 0);
    visit(H_D[d]!);
    if (i === 0 || caps) visit(H_D0[d]!);
  }
  const l = i > 0 ? infos[i - 1]!.nb : START.nb;
  const r = i + 1 < n ? infos[i + 1]! : END;
  const c = cur.nb;
  visit(fnv(l[NB_WM1W]!, lw) >>> 0);
  visit(fnv(c[NB_WWP1]!, r.lw) >>> 0);
  visit(fnv(l[NB_SM1S]!, sh) >>> 0);
  visit(fnv(c[NB_SSP1]!, r.sh) >>> 0);
  visit(fnv(fnv(fnv(l[NB_SM1SSP1]!, sh), '|'), r.sh) >>> 0);
  visit(fnv(l[NB_CM1C]!, cur.c1) >>> 0);
  visit(fnv(c[NB_CCP1]!, r.c1) >>> 0);
  visit(fnv(l[NB_WM1WP1]!, r.lw) >>> 0);
  const ag = doc.agg && cap ? doc.agg.get(lw) : undefined;
  if (ag) for (const h of ag.hashes) visit(h);
}

/** The hashes of `contextFeatures`, computed without building the strings (same values, same order). */
function contextHashes(i: number, infos: readonly WordInfo[], words: readonly string[], caps: boolean, doc: DocStats, out: number[]): void {
  const n = infos.length;
  const cur = infos[i]!;
  const { lw, sh } = cur;
  const at = (k: number): NbInfo => (k < 0 ? START : k >= n ? END : infos[k]!);
  if (i === 0) out.push(H_FIRST, hashJoin(PRE.firstSh, sh));
  if (caps) out.push(H_CAPS, hashJoin(PRE.capsLw, lw));
  if (isCap(words[i]!)) {
    const d = (doc.lower.has(lw) ? 2 : 0) + (doc.capMid.has(lw) ? 1 : 0);
    out.push(H_D[d]!);
    if (i === 0 || caps) out.push(H_D0[d]!);
  }
  const l = at(i - 1).nb;
  const r = at(i + 1);
  const rn = r.nb;
  const c = cur.nb;
  out.push(
    l[NB_WM1]! >>> 0,
    rn[NB_WP1]! >>> 0,
    at(i - 2).nb[NB_WM2]! >>> 0,
    at(i + 2).nb[NB_WP2]! >>> 0,
    fnv(l[NB_WM1W]!, lw) >>> 0,
    fnv(c[NB_WWP1]!, r.lw) >>> 0,
    l[NB_SM1]! >>> 0,
    rn[NB_SP1]! >>> 0,
    fnv(l[NB_SM1S]!, sh) >>> 0,
    fnv(c[NB_SSP1]!, r.sh) >>> 0,
    fnv(fnv(fnv(l[NB_SM1SSP1]!, sh), '|'), r.sh) >>> 0,
    l[NB_CM1]! >>> 0,
    rn[NB_CP1]! >>> 0,
    fnv(l[NB_CM1C]!, cur.c1) >>> 0,
    fnv(c[NB_CCP1]!, r.c1) >>> 0,
    l[NB_FM1]! >>> 0,
    rn[NB_FP1]! >>> 0,
    fnv(l[NB_WM1WP1]!, r.lw) >>> 0,
  );
  const ag = doc.agg && isCap(words[i]!) ? doc.agg.get(lw) : undefined;
  if (ag) for (const h of ag.hashes) out.push(h);
}

/**
 * The static hashes of a sequence split in two: each token's cached word info (its intrinsic
 * hashes come first in `staticHashes`) and the rest (context window, then gazetteer), in order.
 */
export function positionalHashes(
  words: readonly string[],
  res: FeatureResources,
  doc: DocStats,
  cache: WordCache,
): { infos: WordInfo[]; rest: number[][] } {
  const infos = words.map((w) => cache.get(w, res));
  const caps = isAllCapsSeq(words);
  const gaz: string[][] = words.map(() => []);
  gazetteerFeatures(words, infos.map((x) => x.lw), res, gaz);
  const rest = infos.map((_, i) => {
    const h: number[] = [];
    contextHashes(i, infos, words, caps, doc, h);
    for (const f of gaz[i]!) h.push(hashFeature(f));
    return h;
  });
  return { infos, rest };
}

/** The hashes of `staticFeatures`, faster: intrinsic word features come from the cache. */
export function staticHashes(words: readonly string[], res: FeatureResources, doc: DocStats, cache: WordCache): number[][] {
  const { infos, rest } = positionalHashes(words, res, doc, cache);
  return infos.map((info, i) => info.hashes.concat(rest[i]!));
}

/** The hashes of `tagFeatures` (same values, no strings). */
export function tagHashes(prev: string, prev2: string, lw: string, sh: string, out: number[]): void {
  out.push(hashJoin(PRE.tm1, prev), hashJoin(PRE.tm2tm1, prev2, prev), hashJoin(PRE.tm1lw, prev, lw), hashJoin(PRE.tm1sh, prev, sh));
}

/** Previous-tag names by index: TAGS, then "<s>" (index NTAGS) before the start. */
const PREV_NAMES: readonly string[] = [...TAGS, '<s>'];
/** Index of "<s>" as a previous tag in `tagHashesAt`. */
export const START_TAG = NTAGS;
const NPREV = PREV_NAMES.length;
const TM1 = Uint32Array.from(PREV_NAMES, (p) => hashJoin(PRE.tm1, p));
const TM2TM1 = Uint32Array.from({ length: NPREV * NPREV }, (_, k) => hashJoin(PRE.tm2tm1, PREV_NAMES[Math.floor(k / NPREV)]!, PREV_NAMES[k % NPREV]!));

function wordTagHashes(lw: string, sh: string): Uint32Array {
  const th = new Uint32Array(2 * NPREV);
  for (let p = 0; p < NPREV; p++) {
    th[p] = hashJoin(PRE.tm1lw, PREV_NAMES[p]!, lw);
    th[NPREV + p] = hashJoin(PRE.tm1sh, PREV_NAMES[p]!, sh);
  }
  return th;
}

/** `tagHashes(PREV_NAMES[prev], PREV_NAMES[prev2], info.lw, info.sh, out)` from precomputed values (same hashes, same order). */
export function tagHashesAt(prev: number, prev2: number, info: WordInfo, out: number[]): void {
  out.push(TM1[prev]!, TM2TM1[prev2 * NPREV + prev]!, info.th[prev]!, info.th[NPREV + prev]!);
}

/** The word-independent half of `tagHashesAt` ("t-1", "t-2|t-1"): the same first two hashes. */
export function tagPairHashes(prev: number, prev2: number, out: number[]): void {
  out.push(TM1[prev]!, TM2TM1[prev2 * NPREV + prev]!);
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

/** Number of BIO tags at the head of TAGS (O, then B-/I- per type). */
const NBIO = 9;

/** Entity type index (into GAZ_TYPES) of tag `t`, or -1 for O. */
export function typeIndex(t: number): number {
  if (t === 0) return -1;
  return t < NBIO ? (t - 1) >> 1 : (t - NBIO) >> 1;
}

/** Position of tag `t` in its entity: 'B', 'I', 'L', 'U', or 'O'. */
export function tagPart(t: number): 'B' | 'I' | 'L' | 'U' | 'O' {
  if (t === 0) return 'O';
  if (t < NBIO) return t % 2 === 1 ? 'B' : 'I';
  return (t - NBIO) % 2 === 0 ? 'L' : 'U';
}

/** Tag index of part `part` ('B', 'I', 'L', 'U') of entity type `type` (index into GAZ_TYPES). */
export function tagOf(part: 'B' | 'I' | 'L' | 'U', type: number): number {
  if (part === 'B') return 1 + 2 * type;
  if (part === 'I') return 2 + 2 * type;
  return NBIO + 2 * type + (part === 'L' ? 0 : 1);
}

/** Whether tag `next` may follow `prev`: inside tags (I-X, L-X) only continue a B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  const np = tagPart(next);
  if (np !== 'I' && np !== 'L') return true;
  const pp = tagPart(prev);
  return (pp === 'B' || pp === 'I') && typeIndex(prev) === typeIndex(next);
}

/** Whether `prev` is an open entity (B-X or I-X) that `next` must continue with I-X or L-X (BILOU). */
export function mustContinue(prev: number, next: number): boolean {
  const pp = tagPart(prev);
  if (pp !== 'B' && pp !== 'I') return false;
  const np = tagPart(next);
  return np !== 'I' && np !== 'L';
}

/**
 * Tags the decoder may choose at a position: `allowed` after `prev`, an open entity continued, and
 * no entity left open at the end of the sequence (`last`).
 */
export function validNext(prev: number, next: number, last: boolean): boolean {
  if (!allowed(prev, next) || mustContinue(prev, next)) return false;
  if (last) {
    const np = tagPart(next);
    return np !== 'B' && np !== 'I';
  }
  return true;
}

/**
 * Entity spans [start, end, type index] of a tag sequence. Reads BILOU and BIO alike: an entity
 * starts at B-/U- (or a stray I-/L-) and runs over I-/L- of its type, ending after an L- or U-.
 * Example: [B-PER, L-PER, O, U-LOC] -> [[0, 2, 0], [3, 4, 2]].
 */
export function spansOf(tags: readonly number[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let i = 0;
  while (i < tags.length) {
    const t = tags[i]!;
    if (t === 0) {
      i++;
      continue;
    }
    const type = typeIndex(t);
    let j = i + 1;
    let part = tagPart(t);
    while (part !== 'U' && part !== 'L' && j < tags.length) {
      const n = tags[j]!;
      const np = tagPart(n);
      if ((np !== 'I' && np !== 'L') || typeIndex(n) !== type) break;
      part = np;
      j++;
    }
    out.push([i, j, type]);
    i = j;
  }
  return out;
}

/** BIO or BILOU tags -> BILOU tags (same spans). */
export function toBilou(tags: readonly number[]): number[] {
  const out = new Array<number>(tags.length).fill(0);
  for (const [a, b, type] of spansOf(tags)) {
    if (b - a === 1) out[a] = tagOf('U', type);
    else {
      out[a] = tagOf('B', type);
      for (let k = a + 1; k < b - 1; k++) out[k] = tagOf('I', type);
      out[b - 1] = tagOf('L', type);
    }
  }
  return out;
}

/**
 * Document memory ("extended prediction history", Ratinov & Roth 2009): how earlier sentences of
 * the same document tagged each capitalised word. A later "Blackburn" after "Peter Blackburn"
 * (PER) gets the feature "h=PER". Filled in document order by the decoder with its own predictions.
 */
export class DocHistory {
  /** Counts per lowercased word, so an all-caps headline word meets its mixed-case mentions. */
  private readonly counts = new Map<string, Int32Array>();

  /**
   * History features of `words` given the sentences recorded so far; in an all-caps line each
   * feature also comes marked "hc" (headline casing makes the word itself less informative).
   */
  features(words: readonly string[]): string[][] {
    const caps = isAllCapsSeq(words);
    return words.map((w) => {
      if (!isCap(w) || !LETTER.test(w[0] ?? '')) return [];
      const c = this.counts.get(w.toLowerCase());
      if (!c) return caps ? ['h=new', 'hc=new'] : ['h=new'];
      let best = 0;
      for (let t = 1; t < c.length; t++) if (c[t]! > c[best]!) best = t;
      const label = best === 0 ? 'O' : GAZ_TYPES[best - 1]!;
      let total = 0;
      for (const x of c) total += x;
      const f = [`h=${label}`, `h=${label}|${c[best] === total ? 'all' : 'mixed'}`];
      if (caps) f.push(`hc=${label}`);
      return f;
    });
  }

  /** The hashes of `features(words)` (same values, same order), without building strings. */
  hashes(words: readonly string[]): number[][] {
    const caps = isAllCapsSeq(words);
    return words.map((w) => {
      if (!isCap(w) || !LETTER.test(w[0] ?? '')) return [];
      const c = this.counts.get(w.toLowerCase());
      if (!c) return caps ? [H_HIST.new, H_HIST.hcNew] : [H_HIST.new];
      let best = 0;
      let total = 0;
      for (let t = 0; t < c.length; t++) {
        if (c[t]! > c[best]!) best = t;
        total += c[t]!;
      }
      const hs = H_HIST.label[best]!;
      const out = [hs[0]!, c[best] === total ? hs[1]! : hs[2]!];
      if (caps) out.push(hs[3]!);
      return out;
    });
  }

  /** `hashes(words)` visited in place (same hashes, same order per token), without arrays. */
  visitHashes(words: readonly string[], visit: (i: number, hash: number) => void): void {
    const caps = isAllCapsSeq(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isCap(w) || !LETTER.test(w[0] ?? '')) continue;
      const c = this.counts.get(w.toLowerCase());
      if (!c) {
        visit(i, H_HIST.new);
        if (caps) visit(i, H_HIST.hcNew);
        continue;
      }
      let best = 0;
      let total = 0;
      for (let t = 0; t < c.length; t++) {
        if (c[t]! > c[best]!) best = t;
        total += c[t]!;
      }
      const hs = H_HIST.label[best]!;
      visit(i, hs[0]!);
      visit(i, c[best] === total ? hs[1]! : hs[2]!);
      if (caps) visit(i, hs[3]!);
    }
  }

  /** Records a tagged sentence (tags are indices into TAGS). */
  record(words: readonly string[], tags: readonly number[]): void {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isCap(w) || !LETTER.test(w[0] ?? '')) continue;
      const key = w.toLowerCase();
      let c = this.counts.get(key);
      if (!c) {
        c = new Int32Array(GAZ_TYPES.length + 1);
        this.counts.set(key, c);
      }
      // 0 for O, 1 + type index otherwise.
      c[typeIndex(tags[i]!) + 1]!++;
    }
  }
}

/** Hashes of the history features: per label (O, then GAZ_TYPES) [h=L, h=L|all, h=L|mixed, hc=L]. */
const H_HIST = {
  new: hashFeature('h=new'),
  hcNew: hashFeature('hc=new'),
  label: ['O', ...GAZ_TYPES].map((l) => [`h=${l}`, `h=${l}|all`, `h=${l}|mixed`, `hc=${l}`].map(hashFeature)),
};

/** Every feature string `DocHistory.features` can produce (the trainer always keeps them). */
export const HISTORY_FEATURES: readonly string[] = ['O', ...GAZ_TYPES, 'new'].flatMap((l) =>
  l === 'new' ? ['h=new', 'hc=new'] : [`h=${l}`, `h=${l}|all`, `h=${l}|mixed`, `hc=${l}`],
);

/**
 * The order in which a document's sequences are decoded (so the document memory fills): mixed-case
 * sentences in text order, then all-caps lines (headlines), which then see how the body tagged
 * their words. Example: ["FLOODS HIT KHARKIV", "Floods hit Kharkiv on Monday."] -> [1, 0].
 */
export function decodeOrder(seqs: readonly (readonly string[])[]): number[] {
  const body: number[] = [];
  const caps: number[] = [];
  seqs.forEach((w, k) => (isAllCapsSeq(w) ? caps : body).push(k));
  return body.concat(caps);
}
