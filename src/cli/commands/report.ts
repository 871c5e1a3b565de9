/**
 * `tri report [STORY] [--format md|html|json|csv] [--db PATH] [--out FILE]`: stories, briefs with
 * citations, claims with verdicts and independent-source counts, timeline, entities and places.
 * Assigns stories to any stored article that has none first (the same step `tri ingest` runs).
 */
import { assignStories, buildReport } from '../../core/analyze.js';
import { claimsToCSV, toHTML, toJSON, toMarkdown } from '../../report/index.js';
import { openSink, parseCommandArgs, UsageError, type CliIO } from '../io.js';
import { DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, intOption, openStore } from './_db.js';

export const summary = 'stories, briefs, claims with verdicts, timeline (--format md|html|json|csv)';

const USAGE = `usage: tri report [STORY] [--format md|html|json|csv] [--db PATH] [--out FILE] [--brief-words N]

  STORY          one story id (default: every story)
  --format       md (default), html (self-contained page), json, csv (claims table)
  --db PATH      store file (default ./${DEFAULT_DB})
  --out FILE     write there instead of standard output
  --brief-words  length of each brief in words (default 150)`;

const FORMATS = ['md', 'markdown', 'html', 'json', 'csv'] as const;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...DB_OPTION,
    format: { type: 'string', default: 'md' },
    out: { type: 'string', default: '-' },
    'brief-words': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const format = values.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of md, html, json, csv; got "${format}"`);
  if (positionals.length > 1) throw new UsageError(`give at most one STORY id, got ${positionals.length}`);
  const briefWords = intOption(values['brief-words'], 'brief-words', 150);
  if (briefWords === 0) throw new UsageError('--brief-words must be > 0');
  const store = await openStore(values.db, 'report', io);
  if (store === null) return EXIT_NO_STORE;
  try {
    await assignStories(store);
    const storyId = positionals[0];
    let report;
    try {
      report = await buildReport(store, { ...(storyId !== undefined ? { storyId } : {}), briefWords });
    } catch (err) {
      io.err(`tri report: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    const text = format === 'html' ? toHTML(report) : format === 'json' ? toJSON(report) : format === 'csv' ? claimsToCSV(report) : toMarkdown(report);
    const sink = openSink(values.out ?? '-', io);
    await sink.write(text);
    await sink.close();
    return 0;
  } finally {
    await store.close();
  }
}
