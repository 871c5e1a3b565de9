/**
 * CSV exports (RFC 4180 quoting, formula-safe): the claims table (one row per claim, with its
 * group's verdict) and the stored articles (one row per article). Pure.
 */
import type { Article } from '../types.js';
import type { Report } from './types.js';

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('-') : String(v);
  // Cells starting with = + - @ are quoted with a leading apostrophe so spreadsheets do not run them.
  const safe = /^[=+\-@]/.test(s) ? "'" + s : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function claimsToCSV(report: Report): string {
  const rows: unknown[][] = [['story', 'measure', 'verdict', 'independent_sources', 'article', 'value', 'unit', 'qualifier', 'speaker', 'cites', 'start', 'end', 'sentence']];
  for (const r of report.stories)
    for (const g of r.groups)
      for (const c of g.claims)
        rows.push([r.story.id, g.measure, g.verdict, g.independentSources.length, c.articleId, c.value, c.unit, c.qualifier, c.speaker, c.cites, c.span.start, c.span.end, c.sentence.text.replace(/\s+/g, ' ')]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Columns of the article export (`tri export --format csv`, GET /api/export?format=csv). */
export const ARTICLE_CSV_COLUMNS = [
  'id', 'title', 'source', 'byline', 'published', 'published_from', 'url', 'lang', 'input', 'external_id',
  'content_hash', 'duplicate_of', 'similarity', 'story_id', 'ingested_at', 'text',
] as const;

export const articleCsvHeader = (): string => ARTICLE_CSV_COLUMNS.join(',') + '\r\n';

/** One article as a CSV row (CRLF-terminated). */
export function articleCsvRow(a: Article): string {
  const vals: Record<(typeof ARTICLE_CSV_COLUMNS)[number], unknown> = {
    id: a.id, title: a.title, source: a.source, byline: a.byline, published: a.published, published_from: a.publishedFrom,
    url: a.url, lang: a.lang, input: a.input, external_id: a.externalId, content_hash: a.contentHash,
    duplicate_of: a.duplicateOf, similarity: a.similarity, story_id: a.storyId, ingested_at: a.ingestedAt, text: a.text,
  };
  return ARTICLE_CSV_COLUMNS.map((c) => csvCell(vals[c])).join(',') + '\r\n';
}
