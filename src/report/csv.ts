/** CSV of the claims table (one row per claim, with its group's verdict). RFC 4180 quoting. Pure. */
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
