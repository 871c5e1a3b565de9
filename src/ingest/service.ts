/**
 * The ingest service: sources -> parse -> fingerprint -> store, one article (one transaction) at a
 * time, then extraction for the new articles. One bad input is recorded and never stops the batch.
 */
import type { Readable } from 'node:stream';
import { analyzeNew, type AnalyzeResult } from '../core/analyze.js';
import type { Store } from '../store/types.js';
import type { ParsedArticle } from '../types.js';
import { analyzeText, encodeFingerprint, NearDupIndex } from './fingerprint.js';
import { parseDocument as parseAny } from './parse.js';
import { readSources as readFromSources } from './sources.js';
import type { RawDocument, SourceItem, SourceOptions } from './types.js';

export type ReadSources = (inputs: string[], opts: SourceOptions & { stdin?: Readable }) => AsyncIterable<SourceItem>;
export type ParseDocument = (doc: RawDocument) => ParsedArticle;

/** What happened to one input. */
export type IngestOutcome = 'new' | 'near_duplicate' | 'exact_duplicate' | 'not_article' | 'failed';

export interface IngestEvent {
  input: string;
  outcome: IngestOutcome;
  /** The stored article (new) or the one it duplicates. */
  articleId?: string;
  /** For near-duplicates: the original and the containment similarity. */
  duplicateOf?: string;
  similarity?: number;
  error?: string;
}

export interface IngestProgress {
  /** Inputs processed so far (documents, feed items, JSONL lines, failures). */
  done: number;
  last: IngestEvent;
  counts: IngestCounts;
}

export interface IngestCounts {
  new: number;
  nearDuplicates: number;
  exactDuplicates: number;
  notArticles: number;
  failed: number;
}

export interface IngestSummary extends IngestCounts {
  /** Every input that failed or was not an article, with the reason. */
  problems: Array<{ input: string; status: 'failed' | 'not_article'; error: string }>;
  /** Near-duplicates stored: copy -> original. */
  duplicates: Array<{ input: string; id: string; duplicateOf: string; similarity: number }>;
  /** Extraction run over the new articles (null when disabled or when it could not run). */
  analysis: AnalyzeResult | null;
  /** Set when the analysis step itself crashed (the articles are stored regardless). */
  analysisError?: string;
}

export interface IngestOptions extends SourceOptions {
  store: Store;
  onProgress?: (p: IngestProgress) => void;
  /** Standard input for the "-" input. */
  stdin?: Readable;
  /** Run extraction on the new articles when done (default true). */
  analyze?: boolean;
  /** Clock for `ingested_at` (default: the system clock). */
  now?: () => string;
  /** A near-duplicate index already built from this store (long-running servers keep one). */
  index?: NearDupIndex;
  /** Replace the source reader / parser (tests; defaults: ./sources.ts and ./parse.ts). */
  readSources?: ReadSources;
  parseDocument?: ParseDocument;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Builds the near-duplicate index from the fingerprints already stored, verifying candidates on stored text. */
export async function buildNearDupIndex(store: Store): Promise<NearDupIndex> {
  const index = new NearDupIndex({ loadText: async (id) => (await store.getArticle(id))?.text ?? null });
  for (const f of await store.fingerprints()) index.add(f.id, f.fingerprint);
  return index;
}

/**
 * Ingests paths, URLs and "-" into the store. Example:
 * `await ingest(['examples/'], { store })` -> `{ new: 6, nearDuplicates: 1, exactDuplicates: 0, ... }`.
 */
export async function ingest(inputs: string[], opts: IngestOptions): Promise<IngestSummary> {
  const readSources = opts.readSources ?? readFromSources;
  const parseDocument = opts.parseDocument ?? parseAny;
  const srcOpts: SourceOptions & { stdin?: Readable } = {
    ...(opts.allowPrivate !== undefined ? { allowPrivate: opts.allowPrivate } : {}),
    ...(opts.fetchFeedLinks !== undefined ? { fetchFeedLinks: opts.fetchFeedLinks } : {}),
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
  };
  return ingestItems(readSources(inputs, srcOpts), { ...opts, parseDocument });
}

/** Ingests already-read source items (the part of `ingest` after the sources; usable with in-memory sources). */
export async function ingestItems(items: AsyncIterable<SourceItem>, opts: IngestOptions & { parseDocument: ParseDocument }): Promise<IngestSummary> {
  const { store, parseDocument } = opts;
  const now = opts.now ?? (() => new Date().toISOString());
  const index = opts.index ?? (await buildNearDupIndex(store));
  const summary: IngestSummary = { new: 0, nearDuplicates: 0, exactDuplicates: 0, notArticles: 0, failed: 0, problems: [], duplicates: [], analysis: null };
  let done = 0;

  const report = async (ev: IngestEvent): Promise<void> => {
    done++;
    switch (ev.outcome) {
      case 'new':
        summary.new++;
        break;
      case 'near_duplicate':
        summary.nearDuplicates++;
        summary.duplicates.push({ input: ev.input, id: ev.articleId ?? '', duplicateOf: ev.duplicateOf ?? '', similarity: ev.similarity ?? 0 });
        break;
      case 'exact_duplicate':
        summary.exactDuplicates++;
        break;
      case 'not_article':
        summary.notArticles++;
        summary.problems.push({ input: ev.input, status: 'not_article', error: ev.error ?? 'not an article' });
        break;
      case 'failed':
        summary.failed++;
        summary.problems.push({ input: ev.input, status: 'failed', error: ev.error ?? 'failed' });
        break;
    }
    const status = ev.outcome === 'new' || ev.outcome === 'near_duplicate' ? 'ok' : ev.outcome === 'exact_duplicate' ? 'duplicate' : ev.outcome;
    try {
      await store.recordInput({ input: ev.input, status, error: ev.error ?? null, articleId: ev.articleId ?? null, at: now() });
    } catch {
      // The log is informational: a failure to write it must not turn a stored article into a failure.
    }
    opts.onProgress?.({ done, last: ev, counts: { new: summary.new, nearDuplicates: summary.nearDuplicates, exactDuplicates: summary.exactDuplicates, notArticles: summary.notArticles, failed: summary.failed } });
  };

  const iterator = items[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<SourceItem>;
    try {
      next = await iterator.next();
    } catch (err) {
      // A source that throws instead of yielding a failure ends its own stream, not the summary.
      await report({ input: 'sources', outcome: 'failed', error: `source reader: ${message(err)}` });
      break;
    }
    if (next.done) break;
    const item = next.value;
    if (!item.ok) {
      await report({ input: item.input, outcome: item.status === 'not_article' ? 'not_article' : 'failed', error: item.error });
      continue;
    }
    await report(await storeOne(item.doc, { store, parseDocument, index, now }));
  }

  if (opts.analyze ?? true) {
    try {
      summary.analysis = await analyzeNew(store);
    } catch (err) {
      summary.analysisError = message(err);
    }
  }
  return summary;
}

/** Parses, fingerprints and stores one document; every failure becomes an event naming the input. */
async function storeOne(
  doc: RawDocument,
  deps: { store: Store; parseDocument: ParseDocument; index: NearDupIndex; now: () => string },
): Promise<IngestEvent> {
  const input = doc.input;
  let parsed: ParsedArticle;
  try {
    parsed = deps.parseDocument(doc);
  } catch (err) {
    return { input, outcome: 'failed', error: `parse: ${message(err)}` };
  }
  if (parsed.status !== 'ok') {
    return { input, outcome: parsed.status, error: parsed.error ?? (parsed.status === 'not_article' ? 'not an article' : 'failed') };
  }
  if (parsed.text.trim() === '') return { input, outcome: 'not_article', error: 'no text' };
  try {
    const { hash, shingles, fingerprint: fp } = analyzeText(parsed.text);
    const near = await deps.index.find(parsed.text, shingles, fp);
    // Copies of copies point at the original, so a story's syndication forms one star, not a chain.
    const root = near ? ((await deps.store.getArticle(near.id))?.duplicateOf ?? near.id) : null;
    const outcome = await deps.store.addArticle(
      { ...parsed, contentHash: hash, fingerprint: encodeFingerprint(fp), duplicateOf: root, similarity: near ? round(near.similarity) : null },
      deps.now(),
    );
    if (outcome.kind === 'exact_duplicate') return { input, outcome: 'exact_duplicate', articleId: outcome.existingId };
    deps.index.add(outcome.id, fp);
    if (near && root !== null) return { input, outcome: 'near_duplicate', articleId: outcome.id, duplicateOf: root, similarity: round(near.similarity) };
    return { input, outcome: 'new', articleId: outcome.id };
  } catch (err) {
    return { input, outcome: 'failed', error: `store: ${message(err)}` };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
