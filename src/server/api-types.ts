/**
 * Request and response types of the HTTP API, shared with the web UI (web/app.ts imports them:
 * CONVENTIONS 10). Plain data only; no runtime code.
 */
import type { Article, Extraction } from '../types.js';
import type { StoryReport } from '../report/types.js';

/** Every error response: `{ "error": { "code", "message" } }` with the HTTP status. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface Page<T> {
  items: T[];
  /** Total matching items, or null when counting them would cost a second query (search). */
  total: number | null;
  offset: number;
  limit: number;
}

/** An article without its text, for lists. */
export type ArticleSummary = Omit<Article, 'text'> & { chars: number };

export interface ArticleDetail {
  article: Article;
  /** Mentions found in the text (null until the article has been analysed). */
  extraction: Extraction | null;
}

export interface SearchResult {
  article: ArticleSummary;
  snippet: string;
  rank: number;
}

export interface StoryListItem {
  id: string;
  label: string;
  size: number;
  outlets: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** Claim groups judged "contradict" (null while the story has not been cross-checked). */
  contradictions: number | null;
}

/**
 * One story in full: its articles, the cited brief, claim groups with verdicts and independent
 * sources, the timeline, entities and places (the same data `tri report --format json` prints).
 */
export type StoryDetail = StoryReport;

/** POST /api/ingest body (application/json). Raw text/html/JSONL bodies are accepted too. */
export interface IngestRequest {
  documents?: Array<{ text?: string; html?: string; title?: string; url?: string; published?: string; source?: string; lang?: string; id?: string }>;
  urls?: string[];
}

export interface IngestResponse {
  new: number;
  nearDuplicates: number;
  exactDuplicates: number;
  notArticles: number;
  failed: number;
  problems: Array<{ input: string; status: 'failed' | 'not_article'; error: string }>;
  articleIds: string[];
}

/** GeoJSON of the world's countries for the offline map (Natural Earth via world-atlas). */
export interface WorldGeoJSON {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { name?: string }; geometry: { type: string; coordinates: unknown } }>;
}
