/**
 * `tri serve [--db PATH] [--port N] [--host H] [--allow-remote] [--allow-private]`: the HTTP API and
 * the web UI. Writes need TRI_TOKEN (read here, in the shell, never in core code).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storyReport } from '../../core/analyze.js';
import { buildNearDupIndex, ingestItems } from '../../ingest/service.js';
import { parseDocument } from '../../ingest/parse.js';
import { readSources } from '../../ingest/sources.js';
import { startServer } from '../../server/main.js';
import { withArticleIds } from '../../server/app.js';
import { parseCommandArgs, UsageError, type CliIO } from '../io.js';
import { DB_OPTION, DEFAULT_DB, EXIT_NO_STORE, intOption, openStore } from './_db.js';

export const summary = 'HTTP API and web UI';

/** Default port: unprivileged and unlikely to clash with development servers. */
export const DEFAULT_PORT = 8787;

const USAGE = `usage: tri serve [--db PATH] [--port N] [--host HOST] [--allow-remote] [--allow-private]

Serves the API under /api (OpenAPI at /api/openapi.json) and the web UI at /.
  --db PATH        the store (default ./${DEFAULT_DB})
  --port N         port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST      address to bind (default 127.0.0.1)
  --allow-remote   serve reads to clients other than localhost
  --allow-private  let POST /api/ingest fetch URLs on private and loopback addresses
Writes (POST /api/ingest) need "Authorization: Bearer $TRI_TOKEN"; without TRI_TOKEN they are refused.`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...DB_OPTION,
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'allow-remote': { type: 'boolean' },
    'allow-private': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const port = intOption(values.port, 'port', DEFAULT_PORT);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const store = await openStore(values.db, 'serve', io);
  if (store === null) return EXIT_NO_STORE;
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..', '..', '..');
  const webRoot = { sourceDir: join(root, 'web'), buildDir: join(root, 'dist', 'ui', 'web') };
  const hasUi = existsSync(join(webRoot.sourceDir, 'index.html')) && existsSync(join(webRoot.buildDir, 'app.js'));
  const index = await buildNearDupIndex(store);
  const allowPrivate = values['allow-private'] ?? false;
  const token = process.env.TRI_TOKEN ?? null;
  const { server, url } = await startServer(
    {
      store,
      storyDetail: async (id) => {
        const story = await store.getStory(id);
        return story ? storyReport(store, story) : null;
      },
      ingestItems: withArticleIds((items, onProgress) => ingestItems(items, { store, index, parseDocument, onProgress })),
      readUrls: (urls) => readSources(urls, { allowPrivate }),
      token: token === '' ? null : token,
      allowRemoteReads: values['allow-remote'] ?? false,
      webRoot: hasUi ? webRoot : null,
      log: (m) => io.err(m + '\n'),
    },
    { port, host: values.host ?? '127.0.0.1' },
  );
  io.err(`tri serve: listening on ${url}${hasUi ? '' : ' (API only: the web UI is not built)'}${token ? '' : ' (read-only: set TRI_TOKEN to allow ingest)'}\n`);
  // Runs until the process is stopped; on SIGINT/SIGTERM stop listening, drop open connections
  // (keep-alive clients would hold the process) and close the store cleanly.
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  await store.close();
  io.err('tri serve: stopped\n');
  return 0;
}
