/**
 * `tri ingest PATH|URL|- ... [--db PATH] [--allow-private] [--fetch-links] [--no-analyze] [--json]`:
 * reads articles into the store; progress on stderr when it is a terminal, a summary at the end.
 * Exit codes: 0 all inputs handled; 1 some inputs failed; 2 usage; 3 every input failed or the
 * store could not be opened.
 */
import { ingest, type IngestProgress, type IngestSummary } from '../../ingest/service.js';
import { parseCommandArgs, UsageError, type CliIO } from '../io.js';
import { DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, openStore } from './_db.js';

export const summary = 'read articles into the store (files, folders, feeds, JSONL, URLs, stdin)';

const USAGE = `usage: tri ingest PATH|URL|- ... [options]

  PATH        a file (.txt .md .html .htm .html.gz .jsonl .xml/.rss/.atom feed) or a folder (recursive)
  URL         an http(s) page or feed
  -           standard input

options:
  --db PATH        store file (default ./${DEFAULT_DB})
  --allow-private  allow fetching private, loopback and link-local addresses
  --fetch-links    fetch feed items' links even when the feed carries their content
  --no-analyze     store only; skip extraction of the new articles
  --json           print the summary as JSON on stdout
  --quiet          no progress line

exit codes: 0 ok, 1 some inputs failed, 2 usage error, 3 nothing could be processed / no store`;

/** Milliseconds between progress redraws on a terminal. */
const PROGRESS_EVERY_MS = 100;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...DB_OPTION,
    'allow-private': { type: 'boolean' },
    'fetch-links': { type: 'boolean' },
    'no-analyze': { type: 'boolean' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give at least one PATH, URL or "-" (see tri ingest --help)');
  const store = await openStore(values.db, 'ingest', io);
  if (store === null) return EXIT_NO_STORE;

  const showProgress = io.isTTY && !values.quiet;
  let lastDraw = 0;
  let drawn = false;
  const onProgress = (p: IngestProgress): void => {
    if (p.last.outcome === 'failed') {
      if (drawn) io.err('\r\x1b[K');
      io.err(`tri ingest: ${p.last.input}: ${p.last.error ?? 'failed'}\n`);
      drawn = false;
    }
    if (!showProgress) return;
    const t = Date.now();
    if (t - lastDraw < PROGRESS_EVERY_MS) return;
    lastDraw = t;
    const c = p.counts;
    io.err(`\r\x1b[K${p.done} inputs: ${c.new} new, ${c.nearDuplicates} near-dup, ${c.exactDuplicates} dup, ${c.notArticles} not articles, ${c.failed} failed`);
    drawn = true;
  };

  let result: IngestSummary;
  try {
    result = await ingest(positionals, {
      store,
      onProgress,
      stdin: io.stdin,
      analyze: !values['no-analyze'],
      ...(values['allow-private'] ? { allowPrivate: true } : {}),
      ...(values['fetch-links'] ? { fetchFeedLinks: true } : {}),
    });
  } catch (err) {
    io.err(`${drawn ? '\n' : ''}tri ingest: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_NO_STORE;
  } finally {
    await store.close();
  }
  if (drawn) io.err('\r\x1b[K');

  if (values.json) io.out(JSON.stringify({ db: values.db ?? DEFAULT_DB, ...result }, null, 2) + '\n');
  else io.out(formatSummary(result, values.db ?? DEFAULT_DB));

  const handled = result.new + result.nearDuplicates + result.exactDuplicates + result.notArticles;
  if (result.failed > 0 && handled === 0) return 3;
  return result.failed > 0 ? 1 : 0;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The human summary: counts, then one line per problem and per near-duplicate. */
export function formatSummary(s: IngestSummary, db: string): string {
  const lines = [
    `ingested into ${db}: ${plural(s.new, 'new article')}, ${plural(s.nearDuplicates, 'near-duplicate')}, ` +
      `${plural(s.exactDuplicates, 'exact duplicate')} (not stored again), ${plural(s.notArticles, 'not an article', 'not articles')}, ${s.failed} failed`,
  ];
  for (const d of s.duplicates) lines.push(`  near-duplicate  ${d.input} -> copy of ${d.duplicateOf} (similarity ${d.similarity.toFixed(2)}), stored as ${d.id}`);
  for (const p of s.problems) lines.push(`  ${p.status === 'failed' ? 'failed        ' : 'not an article'}  ${p.input}: ${p.error}`);
  if (s.analysis) {
    lines.push(`extraction: ${s.analysis.extracted} articles analysed${s.analysis.failed.length ? `, ${s.analysis.failed.length} failed` : ''}`);
    for (const f of s.analysis.failed) lines.push(`  extraction failed  ${f.articleId}: ${f.error}`);
  }
  if (s.analysisError) lines.push(`extraction could not run: ${s.analysisError}`);
  return lines.join('\n') + '\n';
}
