/** `tri show ID [--json] [--db PATH]`: one stored article with its metadata, text and extraction counts. */
import { parseCommandArgs, UsageError, type CliIO } from '../io.js';
import { DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, openStore } from './_db.js';
import { serializeExtraction } from './extract.js';

export const summary = 'show one stored article';

const USAGE = `usage: tri show ID [--json] [--db PATH]

Prints the article's metadata and text (ID as shown by tri list / tri search). --json prints the
article and its extraction (the tri extract shape) as one JSON object. Exit code 1 when no article
has that id. --db PATH chooses the store (default ./${DEFAULT_DB}).`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTION, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give exactly one article id, got ${positionals.length}`);
  const id = positionals[0] as string;
  const store = await openStore(values.db, 'show', io);
  if (store === null) return EXIT_NO_STORE;
  try {
    const a = await store.getArticle(id);
    if (a === null) {
      io.err(`tri show: no article with id ${JSON.stringify(id)} in ${values.db ?? DEFAULT_DB}\n`);
      return 1;
    }
    const x = await store.getExtraction(a.id);
    if (values.json) {
      io.out(JSON.stringify({ article: a, extraction: x ? serializeExtraction(x) : null }, null, 2) + '\n');
      return 0;
    }
    const field = (k: string, v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '' : `${k.padEnd(12)}${v}\n`);
    io.out(
      field('id', a.id) +
        field('title', a.title) +
        field('source', a.source) +
        field('byline', a.byline) +
        field('published', a.published ? `${a.published}${a.publishedFrom ? ` (${a.publishedFrom})` : ''}` : null) +
        field('url', a.url) +
        field('lang', a.lang) +
        field('input', a.input) +
        field('ingested', a.ingestedAt) +
        field('story', a.storyId) +
        field('copy of', a.duplicateOf ? `${a.duplicateOf} (similarity ${(a.similarity ?? 0).toFixed(2)})` : null) +
        field(
          'extracted',
          x
            ? `${x.entities.length} entities, ${x.timexes.length} dates/times, ${x.places.length} places, ${x.quantities.length} figures, ${x.attributions.length} attributions`
            : null,
        ) +
        '\n' +
        a.text +
        '\n',
    );
    return 0;
  } finally {
    await store.close();
  }
}
