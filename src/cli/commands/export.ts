/**
 * `tri export --format jsonl|csv|geojson [--out FILE|-] [--no-duplicates] [--db PATH]`: every stored
 * article, in ingestion order, streamed page by page. CSV follows RFC 4180 (fields with commas,
 * quotes or line breaks are quoted, quotes doubled). GeoJSON: the places of the stored extractions,
 * through src/core/geo.ts.
 */
import type { Store } from '../../store/types.js';
import type { Article } from '../../types.js';
import { articleCsvHeader, articleCsvRow } from '../../report/csv.js';
import { jsonLine, openSink, parseCommandArgs, UsageError, type CliIO, type Sink } from '../io.js';
import { DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, openStore } from './_db.js';
import { serializeExtraction } from './extract.js';
import { placesGeoJSON } from '../../core/geo.js';

export const summary = 'export stored articles as JSONL or CSV (GeoJSON: places)';

const USAGE = `usage: tri export --format jsonl|csv|geojson [--out FILE|-] [--no-duplicates] [--with-extractions] [--story ID] [--db PATH]

jsonl: one article per line (all fields, with its extraction when --with-extractions)
csv:   one row per article, header first, RFC 4180 quoting, UTF-8
geojson: one Point feature per place mentioned in the stored articles (RFC 7946); --story ID limits it
--db PATH chooses the store (default ./${DEFAULT_DB}).`;

const PAGE = 500;

async function* allArticles(store: Store, includeDuplicates: boolean): AsyncGenerator<Article> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listArticles({ limit: PAGE, offset, includeDuplicates });
    for (const a of page) yield a;
    if (page.length < PAGE) return;
  }
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...DB_OPTION,
    format: { type: 'string' },
    out: { type: 'string', default: '-' },
    'no-duplicates': { type: 'boolean' },
    'with-extractions': { type: 'boolean' },
    story: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const format = values.format;
  if (format !== 'jsonl' && format !== 'csv' && format !== 'geojson') {
    throw new UsageError(`--format must be jsonl, csv or geojson, got ${format === undefined ? 'nothing' : JSON.stringify(format)}`);
  }
  const store = await openStore(values.db, 'export', io);
  if (store === null) return EXIT_NO_STORE;
  let sink: Sink | null = null;
  try {
    sink = openSink(values.out ?? '-', io);
    if (format === 'geojson') {
      const fc = await placesGeoJSON(store, values.story !== undefined ? { storyId: values.story } : {});
      await sink.write(JSON.stringify(fc) + '\n');
      if (values.out !== '-') io.err(`exported ${fc.features.length} places to ${values.out}\n`);
      return 0;
    }
    let n = 0;
    if (format === 'csv') await sink.write(articleCsvHeader());
    for await (const a of allArticles(store, !values['no-duplicates'])) {
      if (format === 'csv') await sink.write(articleCsvRow(a));
      else {
        const x = values['with-extractions'] ? await store.getExtraction(a.id) : null;
        await sink.write(jsonLine(values['with-extractions'] ? { ...a, extraction: x ? serializeExtraction(x) : null } : a));
      }
      n++;
    }
    if (values.out !== '-') io.err(`exported ${n} articles to ${values.out}\n`);
    return 0;
  } finally {
    await sink?.close();
    await store.close();
  }
}
