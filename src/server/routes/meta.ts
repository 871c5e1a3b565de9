/** Health, the OpenAPI document and the offline world map. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { WorldGeoJSON } from '../api-types.js';
import type { AppEnv } from '../app.js';
import { OPENAPI } from '../openapi.js';

let world: WorldGeoJSON | null = null;

/** Natural Earth 1:110m countries (world-atlas, ISC), converted from TopoJSON once per process. */
export function worldGeoJSON(): WorldGeoJSON {
  if (world) return world;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  world = feature(topo, topo.objects.countries) as unknown as WorldGeoJSON;
  return world;
}

export function metaRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/health', (c) => c.json({ ok: true }));
  r.get('/openapi.json', (c) => c.json(OPENAPI));
  r.get('/map/world', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json(worldGeoJSON());
  });
  return r;
}
