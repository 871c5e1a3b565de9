/**
 * Places of the stored articles as GeoJSON (for `tri export --format geojson` and the API): every
 * place mention of every analysed article, merged by place (src/report/geojson.ts).
 */
import type { Store } from '../store/types.js';
import { toGeoJSON, type GeoJSONFeatureCollection, type GeoPlace } from '../report/geojson.js';

const PAGE = 500;

/** Example: `await placesGeoJSON(store, { storyId: 's1' })` -> a FeatureCollection of Points. */
export async function placesGeoJSON(store: Store, opts: { storyId?: string } = {}): Promise<GeoJSONFeatureCollection> {
  const rows: GeoPlace[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listArticles({ limit: PAGE, offset, ...(opts.storyId ? { storyId: opts.storyId } : {}) });
    for (const a of page) {
      const x = await store.getExtraction(a.id);
      if (!x) continue;
      for (const p of x.places) {
        rows.push({ name: p.name, lat: p.lat, lon: p.lon, country: p.country ?? null, precision: p.precision, geonameid: p.geonameid ?? null, articleId: a.id, storyId: a.storyId });
      }
    }
    if (page.length < PAGE) break;
  }
  return toGeoJSON(rows);
}
