/** Binds the app to a port (the only place that does: CONVENTIONS 11). */
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppDeps } from './app.js';

export interface ServeOptions {
  port: number;
  host: string;
}

export function startServer(deps: AppDeps, opts: ServeOptions): Promise<{ server: ServerType; url: string }> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({ server, url: `http://${host}:${info.port}` });
    });
    server.once('error', reject);
  });
}
