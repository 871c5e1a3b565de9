/** Binds the app to a port (the only place that does: CONVENTIONS 11). */
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppDeps } from './app.js';

export interface ServeOptions {
  port: number;
  host: string;
}

/**
 * Worker threads for full-text search (each with its own read-only connection): a slow search runs
 * beside the request loop instead of stalling every other request. Two: a slow search does not hold
 * up the next one either (bench/api.bench.mjs).
 */
export const SEARCH_THREADS = 2;

export function startServer(deps: AppDeps, opts: ServeOptions): Promise<{ server: ServerType; url: string }> {
  deps.store.useSearchThreads?.(SEARCH_THREADS);
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({ server, url: `http://${host}:${info.port}` });
    });
    server.once('error', reject);
  });
}
