/** The built web UI: a fixed list of files from the web root (no path from the request reaches the disk). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../app.js';

/** Where the UI lives: hand-written files in web/, the compiled script in dist/web/. */
export interface WebRoot {
  sourceDir: string;
  buildDir: string;
}

const FILES: Record<string, { file: string; type: string; built: boolean }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8', built: false },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8', built: false },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8', built: false },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8', built: true },
};

export function staticRoutes(root: WebRoot): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const cache = new Map<string, string>();
  for (const [path, { file, type, built }] of Object.entries(FILES)) {
    r.get(path, (c) => {
      let body = cache.get(file);
      if (body === undefined) {
        body = readFileSync(join(built ? root.buildDir : root.sourceDir, file), 'utf8');
        cache.set(file, body);
      }
      c.header('Content-Type', type);
      return c.body(body);
    });
  }
  return r;
}
