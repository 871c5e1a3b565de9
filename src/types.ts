/**
 * Domain types of Triangulate: the contract between ingest, extract, stories, crosscheck, store and
 * the shells. Every other module depends on this file; it depends on nothing.
 *
 * Offsets are JavaScript string indices (UTF-16 code units) into the text as given, end exclusive.
 */

/** A stretch of a text: `text === source.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

/** What ingest decided about one input. */
export type ArticleStatus = 'ok' | 'not_article' | 'failed';

/** Where an article's publication date came from. */
export type DateSource = 'given' | 'metadata' | 'url' | 'text' | 'inferred';

/**
 * A document turned into an article: clean main text plus metadata. This is the `tri parse` line
 * (DESIGN.md) and the shape ingest hands to the store.
 */
export interface ParsedArticle {
  /** The path, URL or `file:line` the article came from. */
  input: string;
  status: ArticleStatus;
  error?: string;
  title: string | null;
  byline: string | null;
  /** ISO 8601 date or datetime. */
  published: string | null;
  /** Outlet or site name ("Reuters", "The Kyiv Independent"). */
  source: string | null;
  /** Canonical URL when known. */
  url: string | null;
  /** BCP 47 primary language subtag ("en"). */
  lang: string | null;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  /** How `published` was found, when it was. */
  publishedFrom?: DateSource;
  /** Caller-supplied id (JSONL `id`). */
  externalId?: string;
}

/** An article as stored. */
export interface Article extends ParsedArticle {
  id: string;
  /** Normalised-content hash (exact duplicates share it). */
  contentHash: string;
  /** Set when this article is a near-duplicate (syndicated copy) of an earlier one. */
  duplicateOf: string | null;
  similarity: number | null;
  /** When the store received it (ISO datetime). */
  ingestedAt: string;
  storyId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Mentions: what extractors find. Every mention is a span with provenance (CONVENTIONS 3).
// ---------------------------------------------------------------------------------------------

export type MentionKind = 'entity' | 'time' | 'place' | 'quantity' | 'attribution';

interface MentionBase extends Span {
  /** Name of the extractor that produced it (as registered). */
  extractor: string;
  /** Why: short human-readable reasons ("pattern: weekday", "model: p=0.97", "gazetteer: cities1000"). */
  reasons: string[];
  confidence?: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'NORP' | 'MISC';

export interface EntityMention extends MentionBase {
  kind: 'entity';
  type: EntityType;
  /** Canonical name of the real thing ("Volodymyr Zelensky" for "Zelenskyy"). */
  canonical: string;
  /** Finer kind where known: "outlet" for news organisations, "country", "city", ... */
  subtype?: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** Parts of a date or time (chrono's assign/imply). */
export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'week' | 'quarter' | 'season' | 'part_of_day';

export interface TimexMention extends MentionBase {
  kind: 'time';
  type: TimexType;
  /** TIMEX3 value: 2024-08-06, 2024-W33, P3D, PRESENT_REF, XXXX-05, ... */
  value: string;
  /** Parts the text states ("Tuesday" states weekday). */
  stated: DatePart[];
  /** Parts filled from the reference or an anchor ("Tuesday" implies year, month, day). */
  implied: DatePart[];
  /** TIMEX3 mod (BEFORE, AFTER, ON_OR_AFTER, START, MID, END, APPROX, ...). */
  mod?: string;
  /** Value of the anchor a relative expression resolved against. */
  anchor?: string;
}

export type PlacePrecision = 'landmark' | 'city' | 'admin2' | 'admin1' | 'country' | 'region' | 'continent';

export interface PlaceMention extends MentionBase {
  kind: 'place';
  name: string;
  lat: number;
  lon: number;
  geonameid?: number;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  precision: PlacePrecision;
  /** True where the place stands for its government or people ("Moscow said"). */
  metonymy?: boolean;
}

/** `=` exact, `~` about, `>` more than / at least, `<` up to / fewer than, `up`/`down` changes. */
export type Qualifier = '=' | '~' | '>' | '<' | 'up' | 'down';

export interface QuantityMention extends MentionBase {
  kind: 'quantity';
  /** Number, or [low, high] for a range. */
  value: number | [number, number];
  /** Unit as written, normalised ("km", "mi", "USD", "%", "" for counts). */
  unit: string;
  qualifier?: Qualifier;
  /** What is counted or measured ("Ukrainian troops", "range"). */
  counted?: Span;
  /** The value in SI / a canonical unit for comparison (mi -> km, sq mi -> km2). */
  normalized?: { value: number | [number, number]; unit: string };
}

export interface AttributionMention extends MentionBase {
  kind: 'attribution';
  speaker: Span | null;
  cue: Span | null;
  content: Span | null;
  /** Extra content segments for quotes split by "he said". */
  contentSegments?: Span[];
  /** Canonical outlet or person named as the origin ("The Wall Street Journal"). */
  cites?: string;
  /** Canonical speaker entity, after pronoun resolution. */
  speakerCanonical?: string;
}

export type Mention = EntityMention | TimexMention | PlaceMention | QuantityMention | AttributionMention;

/** The reference date an article's relative expressions resolve against. */
export interface PublishedRef {
  /** ISO date (YYYY-MM-DD) or datetime. */
  value: string;
  inferred: boolean;
  /** 0..1, for inferred values. */
  confidence?: number;
  /** How it was inferred ("dateline", "copyright", "latest absolute date", ...). */
  reasons?: string[];
}

/** Everything extracted from one document. */
export interface Extraction {
  id: string;
  entities: EntityMention[];
  timexes: TimexMention[];
  places: PlaceMention[];
  quantities: QuantityMention[];
  attributions: AttributionMention[];
  published: PublishedRef | null;
}

// ---------------------------------------------------------------------------------------------
// Stories and cross-checking
// ---------------------------------------------------------------------------------------------

export interface Story {
  id: string;
  /** Short label (top entities / title of the first article). */
  label: string;
  articleIds: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

export type Verdict = 'agree' | 'refine' | 'contradict' | 'consistent-aggregate' | 'single';

/** A figure as stated by one article, with who said it. */
export interface Claim {
  id: string;
  articleId: string;
  /** What is measured ("range of ATACMS", "Russian settlements taken"). */
  measure: string;
  value: number | [number, number];
  unit: string;
  qualifier: Qualifier;
  normalized: { value: number | [number, number]; unit: string } | null;
  /** TIMEX3 value of the time the figure refers to, where known. */
  time: string | null;
  speaker: string | null;
  cites: string | null;
  /** The quantity span in the article and the sentence holding it. */
  span: Span;
  sentence: Span;
}

/** Claims on the same measure across articles, judged. */
export interface ClaimGroup {
  measure: string;
  verdict: Verdict;
  claims: Claim[];
  /** Independent origins supporting the group (copies and citation chains collapsed). */
  independentSources: string[];
  explanation: string;
}

export interface TimelineEvent {
  /** TIMEX3 value (resolved) or the expression itself when unresolved. */
  when: string;
  resolved: boolean;
  /**
   * The date fills parts the text does not state ("Tuesday") from a reference inferred with low
   * confidence (below 0.5, e.g. the date of the article's story): read it as "about".
   */
  approximate?: boolean;
  what: string;
  citations: Array<{ articleId: string; start: number; end: number }>;
}

export interface BriefSentence {
  text: string;
  articleId: string;
  start: number;
  end: number;
}
