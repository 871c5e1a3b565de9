/** `tri search QUERY... [--limit N] [--json] [--db PATH]`: full-text search over titles and texts. */
import { parseCommandArgs, UsageError, type CliIO } from '../io.js';
import { cell, DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, intOption, openStore } from './_db.js';
import { articleMeta } from './list.js';

export const summary = 'full-text search over stored articles';

const USAGE = `usage: tri search QUERY... [--limit N] [--offset N] [--json] [--db PATH]

Finds articles containing every word of QUERY in the title or text (word* matches a prefix), best
first, with a snippet where matches are [bracketed]. --json prints [{article, snippet, rank}].
Exit code 1 when nothing matches. --db PATH chooses the store (default ./${DEFAULT_DB}).`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...DB_OPTION,
    limit: { type: 'string' },
    offset: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('give a search query (see tri search --help)');
  const limit = intOption(values.limit, 'limit', 20);
  const offset = intOption(values.offset, 'offset', 0);
  const store = await openStore(values.db, 'search', io);
  if (store === null) return EXIT_NO_STORE;
  try {
    const hits = await store.search(query, { limit, offset });
    if (values.json) io.out(JSON.stringify(hits.map((h) => ({ article: articleMeta(h.article), snippet: h.snippet, rank: h.rank })), null, 2) + '\n');
    else {
      for (const h of hits) {
        io.out(`${h.article.id}  ${cell(h.article.source, 24).padEnd(24)}  ${cell(h.article.title ?? h.article.input, 70)}\n    ${cell(h.snippet, 200)}\n`);
      }
      io.err(`${hits.length} match${hits.length === 1 ? '' : 'es'} for ${JSON.stringify(query)}\n`);
    }
    return hits.length > 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}
