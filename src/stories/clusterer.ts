/**
 * Streaming story clustering: each article joins the most similar live story or starts a new one,
 * decided once when it arrives (single pass, never revised). Similarity is TF-IDF cosine over
 * content words plus cosine over name phrases, with IDF learned online from the stream and a time
 * decay between dated articles. A candidate index (inverted index over each story's top terms, with
 * capped posting lists) and expiry of idle stories keep the cost per article flat as the stream grows.
 * The whole state is plain JSON (`toState` / `fromState`) so a store can persist it between runs.
 */
import { articleFeatures, type ArticleFeatures } from './features.js';

/** Tuning of the clusterer. Defaults are named and documented (CONVENTIONS 9). */
export interface ClustererOptions {
  /** Minimum combined similarity to join a story (below it a new story starts). */
  threshold: number;
  /** Minimum similarity to join when the article or the story has no date (no time evidence). */
  undatedThreshold: number;
  /** Weight of the name-phrase cosine in the combined similarity (words get 1 - this). */
  nameWeight: number;
  /** Days over which time distance halves the similarity between dated articles. */
  halfLifeDays: number;
  /** A dated story with no article for this many days (stream time) is closed. */
  maxIdleDays: number;
  /**
   * A story with no article for this many arrivals is closed, dated or not: on a dense feed this
   * bounds the live state (and memory) whatever the span of stream time.
   */
  maxIdleArticles: number;
  /** How many of a story's top terms go into the candidate index. */
  indexTerms: number;
  /** How many of an article's top terms query the candidate index. */
  queryTerms: number;
  /** Longest posting list per term (oldest stories drop out first). */
  maxPosting: number;
  /** Most candidate stories scored in full per article (those sharing the most query weight). */
  maxCandidates: number;
  /**
   * Candidates whose index support (summed query weight of the terms they are indexed under) is
   * below this fraction of the best candidate's are not scored.
   */
  minSupport: number;
  /** Most terms (the heaviest by TF-IDF) in an article's word vector; half as many names. */
  articleTerms: number;
  /** Most terms kept per story centroid (the lightest are pruned beyond it). */
  maxCentroidTerms: number;
  /** Characters of the opening whose words count twice. */
  leadChars: number;
  /**
   * Whether adjacent content-word pairs count as terms beside single words. Off: on the dev stream
   * pairs split reports of one story that word it differently more than they keep stories apart.
   */
  bigrams: boolean;
  /** Weight of the best single-member similarity against the centroid similarity (0 = centroid only). */
  memberWeight: number;
  /** Recent members kept per story for the member similarity. */
  keepMembers: number;
  /**
   * How much the joining bar rises as a story grows: the bar for a story of n members is
   * `threshold * (1 + sizeGrowth * (1 - 1/n))`. A centroid of many reports is smoother than one
   * article, so it scores higher against anything; without this a big story draws in its neighbours.
   */
  sizeGrowth: number;
  /** Prefix of story ids. */
  idPrefix: string;
}

export const DEFAULT_CLUSTERER_OPTIONS: Readonly<ClustererOptions> = Object.freeze({
  threshold: 0.11,
  undatedThreshold: 0.32,
  nameWeight: 0.1,
  halfLifeDays: 60,
  maxIdleDays: 120,
  maxIdleArticles: 50_000,
  indexTerms: 24,
  queryTerms: 24,
  maxPosting: 32,
  maxCandidates: 8,
  minSupport: 0.5,
  articleTerms: 1000,
  maxCentroidTerms: 300,
  leadChars: 400,
  bigrams: false,
  memberWeight: 0,
  keepMembers: 6,
  sizeGrowth: 0.43,
  idPrefix: 's',
});

/** One article as the clusterer needs it. */
export interface StoryInput {
  id: string;
  text: string;
  title?: string | null;
  /** ISO date or datetime of publication, when known. */
  published?: string | null;
  /** Canonical entity names from extraction, when available (used beside the light name phrases). */
  names?: readonly string[];
}

export interface Assignment {
  id: string;
  story: string;
  isNew: boolean;
  /** Similarity to the story joined (0 for a new story). */
  similarity: number;
  /** Label of the story (its first article's title or top names). */
  label: string;
}

interface Cluster {
  id: string;
  label: string;
  size: number;
  words: Map<string, number>;
  names: Map<string, number>;
  wordNorm: number;
  nameNorm: number;
  /** Day numbers (days since 1970-01-01) of the first and last dated member, or null. */
  firstDay: number | null;
  lastDay: number | null;
  /** Arrival number of the last member. */
  lastSeq: number;
  indexed: string[];
  /** Recent members' unit word vectors (heaviest terms only), for the member similarity. */
  members: Array<Map<string, number>>;
}

/** JSON form of the clusterer (what `Store.setState` keeps). */
export interface ClustererState {
  version: 1;
  options: ClustererOptions;
  seq: number;
  nextId: number;
  clockDay: number | null;
  dfWords: Array<[string, number]>;
  dfNames: Array<[string, number]>;
  nWords: number;
  clusters: Array<{
    id: string;
    label: string;
    size: number;
    words: Array<[string, number]>;
    names: Array<[string, number]>;
    firstDay: number | null;
    lastDay: number | null;
    lastSeq: number;
    members?: Array<Array<[string, number]>>;
  }>;
}

const DAY_MS = 86_400_000;
/** Arrivals between two halvings of the DF tables (a recent-window IDF, see assignFeatures). */
const DF_DECAY_EVERY = 20_000;
/** Terms kept per member vector (the heaviest), for the member similarity. */
const MEMBER_TERMS = 80;

/** Day number of an ISO date(time), or null when absent or unparseable. */
export function dayNumber(published: string | null | undefined): number | null {
  if (!published) return null;
  const t = Date.parse(published.length === 10 ? published + 'T00:00:00Z' : published);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** Euclidean norm of weighted terms. */
function norm(v: ReadonlyArray<[string, number]>): number {
  let s = 0;
  for (const [, x] of v) s += x * x;
  return Math.sqrt(s);
}

export class StoryClusterer {
  readonly options: ClustererOptions;
  private seq = 0;
  private nextId = 1;
  private clockDay: number | null = null;
  private readonly dfWords = new Map<string, number>();
  private readonly dfNames = new Map<string, number>();
  private nDocs = 0;
  private readonly clusters = new Map<string, Cluster>();
  /** term -> story ids (most recent last). Word terms are prefixed "w:", names "n:". */
  private readonly index = new Map<string, string[]>();

  constructor(options: Partial<ClustererOptions> = {}) {
    const o = { ...DEFAULT_CLUSTERER_OPTIONS, ...options };
    if (!(o.threshold >= 0 && o.threshold <= 1)) throw new Error(`StoryClusterer: threshold must be in [0, 1], got ${o.threshold}`);
    if (!(o.undatedThreshold >= 0 && o.undatedThreshold <= 1)) throw new Error(`StoryClusterer: undatedThreshold must be in [0, 1], got ${o.undatedThreshold}`);
    if (!(o.nameWeight >= 0 && o.nameWeight <= 1)) throw new Error(`StoryClusterer: nameWeight must be in [0, 1], got ${o.nameWeight}`);
    if (!(o.sizeGrowth >= 0)) throw new Error(`StoryClusterer: sizeGrowth must be >= 0, got ${o.sizeGrowth}`);
    if (!(o.halfLifeDays > 0)) throw new Error(`StoryClusterer: halfLifeDays must be > 0, got ${o.halfLifeDays}`);
    this.options = o;
  }

  /** Number of live (not yet closed) stories. */
  get liveStories(): number {
    return this.clusters.size;
  }

  /** Optional background document frequencies (a table trained offline), blended with the stream's. */
  private prior: { docs: number; words: Map<string, number>; names: Map<string, number> } | null = null;

  /** Sets background document frequencies so IDF is sensible from the first article of a stream. */
  setPrior(docs: number, words: Iterable<[string, number]>, names: Iterable<[string, number]> = []): void {
    if (!(docs > 0)) throw new Error(`StoryClusterer.setPrior: docs must be > 0, got ${docs}`);
    this.prior = { docs, words: new Map(words), names: new Map(names) };
  }

  private idf(df: Map<string, number>, t: string): number {
    const p = this.prior;
    if (p) {
      const pd = df === this.dfWords ? p.words : p.names;
      return Math.log((this.nDocs + p.docs + 1) / ((df.get(t) ?? 0) + (pd.get(t) ?? 0) + 1)) + 1;
    }
    return Math.log((this.nDocs + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  }

  /** Sublinear term frequency times IDF: `(1 + ln tf) * idf` for each term. */
  private weigh(counts: Map<string, number>, df: Map<string, number>): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const [t, v] of counts) out.push([t, (1 + Math.log(v)) * this.idf(df, t)]);
    return out;
  }

  /** Assigns one article to a story. The decision is final: later articles never move it. */
  assign(input: StoryInput): Assignment {
    if (typeof input.text !== 'string') throw new Error(`StoryClusterer: article ${input.id} has no text`);
    const f = articleFeatures(input.text, input.title ?? '', input.names ?? [], undefined, this.options.bigrams, this.options.leadChars);
    return this.assignFeatures(input.id, f, dayNumber(input.published), input.title ?? null);
  }

  /** Same as `assign` for features computed elsewhere. */
  assignFeatures(id: string, f: ArticleFeatures, day: number | null, title: string | null = null): Assignment {
    this.seq++;
    if (day !== null && (this.clockDay === null || day > this.clockDay)) this.clockDay = day;
    this.nDocs++;
    for (const t of f.words.keys()) this.dfWords.set(t, (this.dfWords.get(t) ?? 0) + 1);
    for (const t of f.names.keys()) this.dfNames.set(t, (this.dfNames.get(t) ?? 0) + 1);
    if (this.seq % 1000 === 0) this.expire();
    // Document frequencies are counted over a recent window: every DF_DECAY_EVERY arrivals all counts
    // (and the document total) halve and terms falling below one are dropped. IDF keeps its meaning
    // (ratios are unchanged by the halving) while the tables hold only terms of the recent stream, so
    // names of stories closed long ago are released and the tables stay bounded on an endless stream.
    if (this.seq % DF_DECAY_EVERY === 0) {
      this.nDocs /= 2;
      for (const df of [this.dfWords, this.dfNames])
        for (const [t, v] of df) {
          if (v < 2) df.delete(t);
          else df.set(t, v / 2);
        }
    }

    // Sublinear TF x IDF, one pass per kind (no intermediate maps: this is the per-article hot path).
    // Only an article's heaviest terms form its vector: the rest are background that costs time and
    // centroid memory without telling stories apart.
    const wq = topK(this.weigh(f.words, this.dfWords), this.options.articleTerms);
    const dwNorm = norm(wq);
    const nq = topK(this.weigh(f.names, this.dfNames), this.options.articleTerms >> 1);
    const dnNorm = norm(nq);

    // Candidates: stories indexed under the article's heaviest terms.
    // Each posting adds the query term's weight; only the best-supported candidates are scored in full,
    // so the cost per article is bounded by queryTerms x maxPosting + maxCandidates x article terms.
    const hits = new Map<string, number>();
    const q = this.options.queryTerms;
    const probe = (key: string, w: number): void => {
      const list = this.index.get(key);
      if (list) for (const c of list) hits.set(c, (hits.get(c) ?? 0) + w);
    };
    for (let i = 0; i < Math.min(q, wq.length); i++) probe('w:' + wq[i]![0], wq[i]![1]);
    for (let i = 0; i < Math.min(q >> 1, nq.length); i++) probe('n:' + nq[i]![0], nq[i]![1]);
    // Candidates in order of support; those with much less support than the best are not scored.
    // This keeps the work per article a property of the article, not of how many stories are live:
    // a stream with thousands of live stories scores about as many candidates as one with a hundred.
    const ranked = [...hits].sort((a, b) => b[1] - a[1]);
    const minSupport = ranked.length > 0 ? ranked[0]![1] * this.options.minSupport : 0;
    const cands: string[] = [];
    for (const [cid, sup] of ranked) {
      if (cands.length >= this.options.maxCandidates || sup < minSupport) break;
      cands.push(cid);
    }

    // The story joined is the most similar one among those whose bar the article clears.
    let best: Cluster | null = null;
    let bestSim = 0;
    for (const cid of cands) {
      const c = this.clusters.get(cid);
      if (!c || this.isExpired(c)) continue;
      const s = this.similarity(c, wq, dwNorm, nq, dnNorm, day);
      if (s > bestSim && s >= this.bar(c, day)) {
        bestSim = s;
        best = c;
      }
    }
    // Centroids hold the sum of members' unit-length TF-IDF vectors (IDF as of each member's arrival).
    // (unit vectors in place: wq and nq are not read after this)
    for (const e of wq) e[1] = dwNorm > 0 ? e[1] / dwNorm : 0;
    for (const e of nq) e[1] = dnNorm > 0 ? e[1] / dnNorm : 0;
    if (best) {
      this.addTo(best, wq, nq, day);
      return { id, story: best.id, isNew: false, similarity: bestSim, label: best.label };
    }
    const c: Cluster = {
      id: this.options.idPrefix + String(this.nextId++),
      label: title && title.trim() ? title.trim().slice(0, 120) : topKeys(nq, 3, f.surface).join(', '),
      size: 0,
      words: new Map(),
      names: new Map(),
      wordNorm: 0,
      nameNorm: 0,
      firstDay: null,
      lastDay: null,
      lastSeq: this.seq,
      indexed: [],
      members: [],
    };
    this.clusters.set(c.id, c);
    this.addTo(c, wq, nq, day);
    return { id, story: c.id, isNew: true, similarity: 0, label: c.label };
  }

  /** Similarity an article needs to join story c. */
  private bar(c: Cluster, day: number | null): number {
    // Without dates on both sides there is no time-proximity evidence, so the text must say more.
    const base = day !== null && c.lastDay !== null ? this.options.threshold : this.options.undatedThreshold;
    return base * (1 + this.options.sizeGrowth * (1 - 1 / c.size));
  }

  private similarity(c: Cluster, wq: Array<[string, number]>, dwNorm: number, nq: Array<[string, number]>, dnNorm: number, day: number | null): number {
    let dot = 0;
    for (const [t, x] of wq) {
      const v = c.words.get(t);
      if (v !== undefined) dot += x * v;
    }
    const cw = dwNorm > 0 && c.wordNorm > 0 ? dot / (dwNorm * c.wordNorm) : 0;
    let ndot = 0;
    for (const [t, x] of nq) {
      const v = c.names.get(t);
      if (v !== undefined) ndot += x * v;
    }
    const cn = dnNorm > 0 && c.nameNorm > 0 ? ndot / (dnNorm * c.nameNorm) : 0;
    let best = cw;
    const mw = this.options.memberWeight;
    if (mw > 0 && dwNorm > 0) {
      let nn = 0;
      for (const m of c.members) {
        let d = 0;
        for (const [t, x] of wq) {
          const v = m.get(t);
          if (v !== undefined) d += x * v;
        }
        if (d > nn) nn = d;
      }
      best = (1 - mw) * cw + mw * (nn / dwNorm);
    }
    const a = this.options.nameWeight;
    let s = (1 - a) * best + a * cn;
    if (day !== null && c.firstDay !== null && c.lastDay !== null) {
      const dt = day < c.firstDay ? c.firstDay - day : day > c.lastDay ? day - c.lastDay : 0;
      s *= Math.pow(0.5, dt / this.options.halfLifeDays);
    }
    return s;
  }

  private addTo(c: Cluster, dw: ReadonlyArray<[string, number]>, dn: ReadonlyArray<[string, number]>, day: number | null): void {
    c.size++;
    c.lastSeq = this.seq;
    if (this.options.memberWeight > 0 && this.options.keepMembers > 0) {
      const top = [...dw].sort((x, y) => y[1] - x[1]).slice(0, MEMBER_TERMS);
      c.members.push(new Map(top));
      if (c.members.length > this.options.keepMembers) c.members.shift();
    }
    if (day !== null) {
      c.firstDay = c.firstDay === null ? day : Math.min(c.firstDay, day);
      c.lastDay = c.lastDay === null ? day : Math.max(c.lastDay, day);
    }
    // Norms are kept incrementally: |c + u|^2 = |c|^2 + sum over u's terms of (2 c_t u_t + u_t^2).
    let wn = c.wordNorm * c.wordNorm;
    for (const [t, v] of dw) {
      const old = c.words.get(t) ?? 0;
      wn += 2 * old * v + v * v;
      c.words.set(t, old + v);
    }
    let nn = c.nameNorm * c.nameNorm;
    for (const [t, v] of dn) {
      const old = c.names.get(t) ?? 0;
      nn += 2 * old * v + v * v;
      c.names.set(t, old + v);
    }
    c.wordNorm = Math.sqrt(Math.max(0, wn));
    c.nameNorm = Math.sqrt(Math.max(0, nn));
    const prunedWords = prune(c.words, this.options.maxCentroidTerms);
    const pruned = prune(c.names, this.options.maxCentroidTerms >> 1) || prunedWords;
    // The index entries of a story change little once it has a few members: refresh them while it is
    // small, then about eight times per doubling of its size (every 4th member up to 32, every 8th up
    // to 64, ...) and after pruning, so a story's refreshes cost O(1) amortised per member however big it grows.
    if (pruned || c.size <= 4 || c.size % Math.max(4, 1 << (Math.floor(Math.log2(c.size)) - 3)) === 0) this.refresh(c);
  }

  /** Recomputes a story's norms (with the current IDF) and its entries in the candidate index. */
  private refresh(c: Cluster): void {
    // Index keys are prefixed ("w:", "n:") only for the few terms indexed, not for every centroid term.
    // Reads the centroid maps in place (no copy of every term: refreshes are frequent while stories are small).
    c.wordNorm = mapNorm(c.words);
    c.nameNorm = mapNorm(c.names);
    const k = this.options.indexTerms;
    const terms = [...topOfMap(c.words, k).map((t) => 'w:' + t), ...topOfMap(c.names, k >> 1).map((t) => 'n:' + t)];
    const keep = new Set(terms);
    for (const t of c.indexed) if (!keep.has(t)) this.unindex(t, c.id);
    const had = new Set(c.indexed);
    for (const t of terms) {
      if (had.has(t)) continue;
      let list = this.index.get(t);
      if (!list) this.index.set(t, (list = []));
      list.push(c.id);
      if (list.length > this.options.maxPosting) list.splice(0, list.length - this.options.maxPosting);
    }
    c.indexed = terms;
  }

  private unindex(t: string, id: string): void {
    const list = this.index.get(t);
    if (!list) return;
    const i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.index.delete(t);
  }

  private isExpired(c: Cluster): boolean {
    if (this.seq - c.lastSeq > this.options.maxIdleArticles) return true;
    return c.lastDay !== null && this.clockDay !== null && this.clockDay - c.lastDay > this.options.maxIdleDays;
  }

  /** Closes idle stories: they leave the index and the state (their articles keep their ids). */
  private expire(): void {
    for (const c of this.clusters.values()) {
      if (!this.isExpired(c)) continue;
      for (const t of c.indexed) this.unindex(t, c.id);
      this.clusters.delete(c.id);
    }
  }

  toState(): ClustererState {
    return {
      version: 1,
      options: { ...this.options },
      seq: this.seq,
      nextId: this.nextId,
      clockDay: this.clockDay,
      dfWords: [...this.dfWords],
      dfNames: [...this.dfNames],
      nWords: this.nDocs,
      clusters: [...this.clusters.values()].map((c) => ({
        id: c.id,
        label: c.label,
        size: c.size,
        words: [...c.words],
        names: [...c.names],
        firstDay: c.firstDay,
        lastDay: c.lastDay,
        lastSeq: c.lastSeq,
        members: c.members.map((m) => [...m]),
      })),
    };
  }

  /** Rebuilds a clusterer from `toState()` output; throws naming the problem when it is not one. */
  static fromState(state: unknown): StoryClusterer {
    const s = state as Partial<ClustererState> | null;
    if (!s || s.version !== 1 || !Array.isArray(s.clusters) || !Array.isArray(s.dfWords) || !Array.isArray(s.dfNames))
      throw new Error(`StoryClusterer.fromState: not a clusterer state (version ${JSON.stringify(s?.version)})`);
    const k = new StoryClusterer(s.options ?? {});
    k.seq = s.seq ?? 0;
    k.nextId = s.nextId ?? 1;
    k.clockDay = s.clockDay ?? null;
    k.nDocs = s.nWords ?? 0;
    for (const [t, v] of s.dfWords) k.dfWords.set(t, v);
    for (const [t, v] of s.dfNames) k.dfNames.set(t, v);
    for (const x of s.clusters) {
      const c: Cluster = {
        id: x.id,
        label: x.label,
        size: x.size,
        words: new Map(x.words),
        names: new Map(x.names),
        wordNorm: 0,
        nameNorm: 0,
        firstDay: x.firstDay,
        lastDay: x.lastDay,
        lastSeq: x.lastSeq,
        indexed: [],
        members: (x.members ?? []).map((m) => new Map(m)),
      };
      k.clusters.set(c.id, c);
      k.refresh(c);
    }
    return k;
  }
}

/** Keeps the `max` heaviest terms once a map holds twice that many (amortised O(log) per term). */
function prune(m: Map<string, number>, max: number): boolean {
  if (m.size <= max * 2) return false;
  const cut = kthLargest(m.values(), m.size, max);
  let kept = 0;
  // Ties at the cut keep the earlier (older) terms, up to `max`.
  for (const [k, v] of m) {
    if (v > cut || (v === cut && kept < max)) kept++;
    else m.delete(k);
  }
  return true;
}

/** The k-th largest of n numbers (the smallest when k > n), by a numeric typed-array sort (no comparator calls). */
function kthLargest(values: Iterable<number>, n: number, k: number): number {
  const a = new Float64Array(n);
  let i = 0;
  for (const v of values) a[i++] = v;
  a.sort();
  return a[Math.max(0, n - Math.min(k, n))] ?? 0;
}

/** Euclidean norm of a map's values. */
function mapNorm(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const x of m.values()) s += x * x;
  return Math.sqrt(s);
}

/** The up to k heaviest keys of a map, heaviest first (ties in insertion order, as `topK`). */
function topOfMap(m: ReadonlyMap<string, number>, k: number): string[] {
  const cut = m.size > k ? kthLargest(m.values(), m.size, k) : -Infinity;
  const sel: Array<[string, number]> = [];
  for (const e of m) if (e[1] >= cut) sel.push(e);
  return sel.sort((a, b) => b[1] - a[1]).slice(0, k).map((x) => x[0]);
}

/** The up to k heaviest of weighted terms, heaviest first. */
function topK(v: Array<[string, number]>, k: number): Array<[string, number]> {
  if (v.length > 4 * k) {
    const cut = kthLargest(v.map((x) => x[1]), v.length, k);
    v = v.filter((x) => x[1] >= cut);
  }
  return v.sort((a, b) => b[1] - a[1]).slice(0, k);
}

/**
 * The n heaviest names (TF-IDF: distinctive, not merely frequent) in the spelling most seen in the
 * article ("Kursk, US, ATACMS"); title-cased when no spelling is known ("Kursk, Syrskiy").
 */
function topKeys(weighted: ReadonlyArray<[string, number]>, n: number, surface?: ReadonlyMap<string, string>): string[] {
  return [...weighted]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k]) => surface?.get(k) || k.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase()));
}
