/** `tri list [--limit N] [--offset N] [--story ID] [--no-duplicates] [--json] [--db PATH]`: stored articles, oldest first. */
import type { Article } from '../../types.js';
import { parseCommandArgs, UsageError, type CliIO } from '../io.js';
import { cell, DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, intOption, openStore } from './_db.js';

export const summary = 'list stored articles';

const USAGE = `usage: tri list [--limit N] [--offset N] [--story ID] [--no-duplicates] [--json] [--db PATH]
       tri list --inputs [--status ok|duplicate|not_article|failed] [--limit N] [--offset N] [--json]

Lists stored articles in ingestion order (default 50): id, published, source, title; near-duplicates
are marked "copy of ID". --json prints a JSON array of the articles' metadata (no text).
--inputs lists the ingest log instead: every input processed, its status and error.
--db PATH chooses the store (default ./${DEFAULT_DB}).`;

/** An article's metadata without its text (list and search output). */
export function articleMeta(a: Article): Record<string, unknown> {
  const { text, ...rest } = a;
  return { ...rest, chars: text.length };
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...DB_OPTION,
    limit: { type: 'string' },
    offset: { type: 'string' },
    story: { type: 'string' },
    'no-duplicates': { type: 'boolean' },
    inputs: { type: 'boolean' },
    status: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const limit = intOption(values.limit, 'limit', 50);
  const offset = intOption(values.offset, 'offset', 0);
  const status = values.status;
  if (status !== undefined && status !== 'ok' && status !== 'duplicate' && status !== 'not_article' && status !== 'failed') {
    throw new UsageError(`--status must be ok, duplicate, not_article or failed, got ${JSON.stringify(status)}`);
  }
  const store = await openStore(values.db, 'list', io);
  if (store === null) return EXIT_NO_STORE;
  try {
    if (values.inputs) {
      const log = await store.listInputs({ limit, offset, ...(status !== undefined ? { status } : {}) });
      if (values.json) io.out(JSON.stringify(log, null, 2) + '\n');
      else for (const r of log) io.out(`${r.at}  ${r.status.padEnd(11)}  ${(r.articleId ?? '').padEnd(12)}  ${r.input}${r.error ? `: ${r.error}` : ''}\n`);
      return 0;
    }
    const articles = await store.listArticles({
      limit,
      offset,
      ...(values.story !== undefined ? { storyId: values.story } : {}),
      ...(values['no-duplicates'] ? { includeDuplicates: false } : {}),
    });
    if (values.json) {
      io.out(JSON.stringify(articles.map(articleMeta), null, 2) + '\n');
      return 0;
    }
    const total = await store.countArticles();
    for (const a of articles) {
      const dup = a.duplicateOf ? `  [copy of ${a.duplicateOf}, ${(a.similarity ?? 0).toFixed(2)}]` : '';
      io.out(`${a.id}  ${cell(a.published?.slice(0, 10) ?? '', 10).padEnd(10)}  ${cell(a.source, 24).padEnd(24)}  ${cell(a.title ?? a.input, 70)}${dup}\n`);
    }
    io.err(`${articles.length} of ${total} articles${offset > 0 ? ` from #${offset + 1}` : ''}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
