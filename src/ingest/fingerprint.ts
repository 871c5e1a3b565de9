/**
 * Fingerprints: a normalised content hash for exact duplicates and word-shingle MinHash with LSH
 * banding for near-duplicates (syndicated copies with other boilerplate, trimmed, re-wrapped or
 * re-headlined). Candidates from the LSH index are verified on the real shingle sets, so the
 * similarity reported is exact, not an estimate.
 */
import { createHash } from 'node:crypto';

/** Words per shingle. 5 keeps shared stock phrases ("said on Tuesday that the") from matching across outlets. */
export const SHINGLE_WORDS = 5;
/** MinHash values kept per article (LSH_BANDS * LSH_ROWS). */
export const MINHASH_SIZE = 120;
/**
 * 60 bands of 2 rows: a pair with shingle Jaccard 0.2 becomes a candidate with p = 0.92, 0.3 with
 * p = 0.996 (a short text with a long boilerplate tail has a low Jaccard but a high containment);
 * unrelated articles (Jaccard < 0.02) rarely do. Candidates are verified exactly, so a low band
 * threshold costs time, not precision. (40 x 3 missed 2.4% of heavily perturbed copies.)
 */
export const LSH_BANDS = 60;
export const LSH_ROWS = 2;
/**
 * A copy is a near-duplicate when this share of the shorter text's shingles occurs in the other
 * (containment). Measured by eval/neardup.eval.mjs: recall on perturbed copies is .999 anywhere in
 * 0.3-0.6; articles of other outlets on the same story reach at most ~0.41 (except pairs that are
 * real syndicated copies at 0.72 and 1.0). 0.5 leaves a margin on both sides.
 */
export const NEAR_DUP_THRESHOLD = 0.5;
/** Texts with fewer shingles than this are too short to call copies (a one-line brief). */
export const MIN_SHINGLES = 8;
/** Candidates verified per lookup, best estimated first (bounds work on highly templated corpora). */
export const MAX_VERIFIED = 8;
/**
 * Entries kept per LSH bucket. Templated texts (weather bulletins, market reports) all land in the
 * same buckets; past this size a bucket keeps its first members as representatives, so a lookup
 * stays O(bands * MAX_BUCKET) instead of growing with the store.
 */
export const MAX_BUCKET = 64;

const FP_VERSION = 3;
const HEADER_BYTES = 8; // u8 version, 3 reserved, u32 shingle count
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Words of a text for hashing and shingling: NFKC, lower case, letters and digits only, so that
 * re-wrapped lines, curly vs straight quotes and punctuation changes do not matter.
 * Example: "The  Mayor's\noffice SAID." -> ["the", "mayor", "s", "office", "said"].
 */
export function normalizedWords(text: string): string[] {
  // Fast path (most English news): ASCII plus general punctuation (curly quotes, dashes, ellipsis,
  // no-break space). Those characters are neither letters nor digits before or after NFKC, so the
  // ASCII split gives the same words without NFKC and Unicode classes.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f\u00a0\u00ab\u00bb\u2010-\u2027\u2030-\u205e]*$/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** SHA-256 (hex) of the normalised words: identical for texts that differ only in spacing, case or punctuation. */
export function contentHash(text: string): string {
  return hashWords(normalizedWords(text));
}

function hashWords(words: string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex');
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of the distinct word shingles of a text (short texts: one shingle of all their words). */
export function shingleSet(text: string): Set<number> {
  return shinglesOfWords(normalizedWords(text));
}

function shinglesOfWords(w: string[]): Set<number> {
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length < SHINGLE_WORDS) {
    out.add(fnv1a(w.join(' ')));
    return out;
  }
  const wh = w.map(fnv1a);
  for (let i = 0; i + SHINGLE_WORDS <= wh.length; i++) {
    // Order-sensitive combination (multiply-xor), mixed once: cheaper than mixing every word.
    let h = 0x2545f491;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ (wh[i + j] as number), 0x01000193) + j;
    out.add(fmix32(h));
  }
  return out;
}

/** A decoded fingerprint: the MinHash signature and the number of distinct shingles. */
export interface Fingerprint {
  minhash: Uint32Array;
  shingles: number;
}

const BIN_SEED = 0x5bd1e995;
const VALUE_SEED = 0x1b873593;

/**
 * MinHash signature of a shingle set by one-permutation hashing with densification (Shrivastava
 * 2017): each shingle is hashed once into one of MINHASH_SIZE bins keeping the minimum per bin;
 * empty bins borrow from the next filled bin to the right, re-hashed by the distance. O(n), not
 * O(n * MINHASH_SIZE), with the same collision probability (= Jaccard) for LSH.
 */
export function minhash(shingles: Set<number>): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const filled = new Uint8Array(MINHASH_SIZE);
  for (const x of shingles) {
    const bin = fmix32(x ^ BIN_SEED) % MINHASH_SIZE;
    const v = fmix32(x ^ VALUE_SEED);
    if (v <= (sig[bin] as number)) {
      sig[bin] = v;
      filled[bin] = 1;
    }
  }
  if (shingles.size === 0) return sig;
  const raw = sig.slice();
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (filled[i]) continue;
    let d = 1;
    while (!filled[(i + d) % MINHASH_SIZE]) d++;
    sig[i] = fmix32(((raw[(i + d) % MINHASH_SIZE] as number) + Math.imul(d, 0x9e3779b9)) >>> 0);
  }
  return sig;
}

/** Fingerprint of a text. */
export function fingerprint(text: string): Fingerprint {
  const s = shingleSet(text);
  return { minhash: minhash(s), shingles: s.size };
}

/** Everything ingest needs from one text, normalising it once: content hash, shingles, fingerprint. */
export function analyzeText(text: string): { hash: string; shingles: Set<number>; fingerprint: Fingerprint } {
  const words = normalizedWords(text);
  const shingles = shinglesOfWords(words);
  return { hash: hashWords(words), shingles, fingerprint: { minhash: minhash(shingles), shingles: shingles.size } };
}

/** Serialises a fingerprint for the store (opaque BLOB: version, shingle count, signature, little-endian). */
export function encodeFingerprint(fp: Fingerprint): Uint8Array {
  const buf = new Uint8Array(HEADER_BYTES + MINHASH_SIZE * 4);
  const dv = new DataView(buf.buffer);
  dv.setUint8(0, FP_VERSION);
  dv.setUint32(4, fp.shingles, true);
  for (let i = 0; i < MINHASH_SIZE; i++) dv.setUint32(HEADER_BYTES + i * 4, fp.minhash[i] as number, true);
  return buf;
}

/** Decodes a stored fingerprint, or null when it is of another version or size (it is then ignored). */
export function decodeFingerprint(bytes: Uint8Array): Fingerprint | null {
  if (bytes.byteLength !== HEADER_BYTES + MINHASH_SIZE * 4) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint8(0) !== FP_VERSION) return null;
  let minhashArr: Uint32Array;
  if (LITTLE_ENDIAN) {
    // One copy into an aligned buffer instead of MINHASH_SIZE DataView reads.
    minhashArr = new Uint32Array(bytes.slice(HEADER_BYTES).buffer);
  } else {
    minhashArr = new Uint32Array(MINHASH_SIZE);
    for (let i = 0; i < MINHASH_SIZE; i++) minhashArr[i] = dv.getUint32(HEADER_BYTES + i * 4, true);
  }
  return { minhash: minhashArr, shingles: dv.getUint32(4, true) };
}

/** Share of equal MinHash positions: an unbiased estimate of the shingle Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) eq++;
  return eq / MINHASH_SIZE;
}

/** Exact similarity of two shingle sets: containment of the smaller in the larger, and Jaccard. */
export function setSimilarity(a: Set<number>, b: Set<number>): { containment: number; jaccard: number } {
  if (a.size === 0 || b.size === 0) return { containment: 0, jaccard: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return { containment: inter / small.size, jaccard: inter / (a.size + b.size - inter) };
}

/** Containment estimated from a Jaccard estimate and the set sizes (used when a text is not available). */
function containmentFromJaccard(j: number, na: number, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  const inter = (j * (na + nb)) / (1 + j);
  return Math.min(1, inter / Math.min(na, nb));
}

export interface NearDupMatch {
  /** The stored article the text copies. */
  id: string;
  /** Containment of the shorter text's shingles in the other, 0..1. */
  similarity: number;
}

export interface NearDupOptions {
  threshold?: number;
  /** Loads a stored article's text for exact verification; without it the MinHash estimate decides. */
  loadText?: (id: string) => Promise<string | null> | string | null;
}

/**
 * A multimap from 30-bit band keys to article numbers in flat typed arrays (chained hashing): no
 * per-entry objects, so 100k articles x LSH_BANDS entries cost ~100 MB and little GC, where a Map
 * of arrays took over 400 MB. Each key keeps at most MAX_BUCKET entries (the first ones).
 */
class BandTable {
  private head: Int32Array = new Int32Array(1 << 16).fill(-1);
  private keys: Int32Array = new Int32Array(1 << 16);
  private vals: Int32Array = new Int32Array(1 << 16);
  private next: Int32Array = new Int32Array(1 << 16);
  private n = 0;

  add(key: number, val: number): void {
    let count = 0;
    const mask = this.head.length - 1;
    for (let e = this.head[key & mask] as number; e !== -1; e = this.next[e] as number) {
      if (this.keys[e] === key && ++count >= MAX_BUCKET) return;
    }
    if (this.n === this.keys.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.keys = grow(this.keys);
      this.vals = grow(this.vals);
      this.next = grow(this.next);
    }
    // Load factor <= 1/2: rehash into a table twice the size.
    if (this.n >= this.head.length >>> 1) this.rehash(this.head.length * 2);
    const e = this.n++;
    this.keys[e] = key;
    this.vals[e] = val;
    const slot = key & (this.head.length - 1);
    this.next[e] = this.head[slot] as number;
    this.head[slot] = e;
  }

  private rehash(size: number): void {
    this.head = new Int32Array(size).fill(-1);
    const mask = size - 1;
    // Oldest first, each pushed at the head: chains stay newest-first as before.
    for (let e = 0; e < this.n; e++) {
      const slot = (this.keys[e] as number) & mask;
      this.next[e] = this.head[slot] as number;
      this.head[slot] = e;
    }
  }

  forEach(key: number, fn: (val: number) => void): void {
    const mask = this.head.length - 1;
    for (let e = this.head[key & mask] as number; e !== -1; e = this.next[e] as number) {
      if (this.keys[e] === key) fn(this.vals[e] as number);
    }
  }
}

/**
 * In-memory LSH index over stored fingerprints. Build it once from `store.fingerprints()` at start,
 * then `find` + `add` per new article. Signatures sit in one flat Uint32Array, band keys in a
 * BandTable, so 100k articles take ~150 MB and a few seconds to load.
 */
export class NearDupIndex {
  private readonly ids: string[] = [];
  private sigs: Uint32Array = new Uint32Array(MINHASH_SIZE * 1024);
  private sizes: Int32Array = new Int32Array(1024);
  private readonly bands = new BandTable();
  private readonly threshold: number;
  private readonly loadText: NearDupOptions['loadText'];

  constructor(opts: NearDupOptions = {}) {
    this.threshold = opts.threshold ?? NEAR_DUP_THRESHOLD;
    if (!(this.threshold > 0 && this.threshold <= 1)) {
      throw new RangeError(`NearDupIndex: threshold must be in (0, 1], got ${String(opts.threshold)}`);
    }
    this.loadText = opts.loadText;
  }

  get size(): number {
    return this.ids.length;
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = 0x27d4eb2f ^ band;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32(h ^ (sig[band * LSH_ROWS + r] as number));
    // Mixing the band number in keeps equal rows in different bands apart.
    return fmix32(h + band) & 0x3fffffff;
  }

  /** Adds a stored article's fingerprint (encoded or decoded). Undecodable fingerprints are skipped. */
  add(id: string, fp: Fingerprint | Uint8Array): void {
    const f = fp instanceof Uint8Array ? decodeFingerprint(fp) : fp;
    if (f === null || f.shingles < MIN_SHINGLES) return;
    const n = this.ids.length;
    if (n === this.sizes.length) {
      const sizes = new Int32Array(n * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
      const sigs = new Uint32Array(this.sigs.length * 2);
      sigs.set(this.sigs);
      this.sigs = sigs;
    }
    this.ids.push(id);
    this.sigs.set(f.minhash, n * MINHASH_SIZE);
    this.sizes[n] = f.shingles;
    for (let b = 0; b < LSH_BANDS; b++) this.bands.add(this.bandKey(f.minhash, b), n);
  }

  /** Stored articles sharing at least one LSH band with the fingerprint, best estimated Jaccard first. */
  candidates(fp: Fingerprint): Array<{ id: string; jaccard: number; shingles: number }> {
    const seen = new Set<number>();
    const addSeen = (n: number): void => void seen.add(n);
    for (let b = 0; b < LSH_BANDS; b++) this.bands.forEach(this.bandKey(fp.minhash, b), addSeen);
    const out: Array<{ id: string; jaccard: number; shingles: number }> = [];
    for (const n of seen) {
      const sig = this.sigs.subarray(n * MINHASH_SIZE, (n + 1) * MINHASH_SIZE);
      out.push({ id: this.ids[n] as string, jaccard: estimateJaccard(fp.minhash, sig), shingles: this.sizes[n] as number });
    }
    return out.sort((a, b) => b.jaccard - a.jaccard);
  }

  /**
   * The stored article this text is a near-duplicate of, or null. Example: an AP story re-run by
   * another outlet with its own headline and a "Copyright 2024" footer matches the AP original.
   */
  async find(text: string, shingles: Set<number> = shingleSet(text), fp: Fingerprint = { minhash: minhash(shingles), shingles: shingles.size }): Promise<NearDupMatch | null> {
    if (shingles.size < MIN_SHINGLES) return null;
    let best: NearDupMatch | null = null;
    for (const c of this.candidates(fp).slice(0, MAX_VERIFIED)) {
      let sim: number;
      const other = this.loadText ? await this.loadText(c.id) : null;
      if (other !== null && other !== undefined) {
        const os = shingleSet(other);
        if (os.size < MIN_SHINGLES) continue;
        sim = setSimilarity(shingles, os).containment;
      } else {
        sim = containmentFromJaccard(c.jaccard, shingles.size, c.shingles);
      }
      if (sim >= this.threshold && (best === null || sim > best.similarity)) best = { id: c.id, similarity: sim };
    }
    return best;
  }
}
