/**
 * The Store contract (CONVENTIONS 7): one interface, an embedded SQLite implementation by default,
 * PostgreSQL later, one contract test suite for both. Async so that a networked store fits.
 */
import type { Article, ArticleStatus, Extraction, ParsedArticle, Story } from '../types.js';

/** An article ready to be stored: parsed, fingerprinted, with its near-duplicate decision. */
export interface NewArticle extends ParsedArticle {
  contentHash: string;
  /** Near-duplicate fingerprint (e.g. MinHash signature / SimHash), opaque to the store. */
  fingerprint?: Uint8Array | null;
  duplicateOf?: string | null;
  similarity?: number | null;
}

export type AddOutcome =
  | { kind: 'new'; id: string }
  /** Same normalised content or same URL as an article already stored: nothing written. */
  | { kind: 'exact_duplicate'; id: string; existingId: string };

/** One record per input processed (file, URL, feed item, JSONL line): the ingest log. */
export interface InputRecord {
  input: string;
  status: ArticleStatus | 'duplicate';
  error?: string | null;
  articleId?: string | null;
  at: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  storyId?: string;
  /** Include near-duplicates (default true). */
  includeDuplicates?: boolean;
  /** Only articles that have no saved extraction yet (what analysis still has to do). */
  withoutExtraction?: boolean;
  /** Only articles not yet assigned to a story (what story assignment still has to do). */
  withoutStory?: boolean;
}

export interface SearchHit {
  article: Article;
  /** Snippet around the match with the matched terms wrapped in [ ]. */
  snippet: string;
  rank: number;
}

export interface Store {
  /** Adds an article in one transaction; exact duplicates (hash or URL) are not stored twice. */
  addArticle(a: NewArticle, ingestedAt: string): Promise<AddOutcome>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(opts?: ListOptions): Promise<Article[]>;
  countArticles(): Promise<number>;
  /**
   * Full-text search over title and text: every word must occur (case-insensitive, punctuation
   * ignored), `word*` matches a prefix. Best first: a lower `rank` is a better match (an
   * implementation may bound the ranking to the newest matches, and list prefix queries newest
   * first with rank 0, as the SQLite store does).
   */
  search(query: string, opts?: { limit?: number; offset?: number }): Promise<SearchHit[]>;
  /**
   * Optional: run searches on `threads` background threads from now on, so that a server's
   * concurrent searches do not queue behind one another. Stores without threads leave it out.
   */
  useSearchThreads?(threads: number): void;
  /** Candidates for near-duplicate comparison: recent articles' fingerprints. */
  fingerprints(opts?: { limit?: number }): Promise<Array<{ id: string; fingerprint: Uint8Array }>>;
  /** Records what happened to one input. */
  recordInput(r: InputRecord): Promise<void>;
  listInputs(opts?: { limit?: number; offset?: number; status?: InputRecord['status'] }): Promise<InputRecord[]>;

  saveExtraction(articleId: string, x: Extraction): Promise<void>;
  getExtraction(articleId: string): Promise<Extraction | null>;

  /** Assigns an article to a story (creates the story when new). Assignments never change. */
  assignStory(articleId: string, storyId: string, label: string): Promise<void>;
  listStories(): Promise<Story[]>;
  getStory(id: string): Promise<Story | null>;

  /**
   * A token that changes whenever the stored data may have changed, through this connection or any
   * other (another process ingesting into the same store): caches of query results compare it.
   * Cheap enough to call per request. Example: `"12:3"`; only equality is meaningful.
   */
  changeToken(): Promise<string>;

  /** Arbitrary JSON state for streaming components (e.g. the story clusterer's centroids). */
  getState(key: string): Promise<unknown>;
  setState(key: string, value: unknown): Promise<void>;

  close(): Promise<void>;
}
