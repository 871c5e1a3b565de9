/**
 * Contracts inside ingest: sources yield raw documents (files, folders, stdin, URLs, feed items,
 * JSONL lines); parsers turn one raw document into a ParsedArticle; the ingest service fingerprints
 * and stores it.
 */
import type { ArticleStatus, ParsedArticle } from '../types.js';

export type RawKind = 'html' | 'text' | 'markdown' | 'structured';

/** One document read from a source, decoded to a string, not yet parsed. */
export interface RawDocument {
  /** Path, URL, `path:line` for JSONL, `feed#n` for feed items: names the input in every message. */
  input: string;
  kind: RawKind;
  /** Decoded body: HTML, plain text or Markdown (for `structured`, the article text itself). */
  body: string;
  /** Where the document lives on the web, when known (fetched URL, feed item link, JSONL `url`). */
  url?: string;
  /** Metadata supplied alongside the body (JSONL fields, feed item fields, front matter). */
  meta?: Partial<Pick<ParsedArticle, 'title' | 'byline' | 'published' | 'source' | 'url' | 'lang' | 'externalId'>>;
  /** Problems met while reading that did not stop it ("invalid UTF-8: 2 byte(s) replaced", "feed truncated"). */
  warnings?: string[];
}

/** What a source yields: a document, or a failure that names the input and the reason. */
export type SourceItem =
  | { ok: true; doc: RawDocument }
  | { ok: false; input: string; status: Exclude<ArticleStatus, 'ok'>; error: string };

/** Options every source reader and fetcher understands. */
export interface SourceOptions {
  /** Allow fetching private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Follow feed items' links instead of using their inline content when both exist. */
  fetchFeedLinks?: boolean;
}
