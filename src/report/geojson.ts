/**
 * GeoJSON for places (RFC 7946): one Point feature per distinct place (name + coordinates), with
 * how often it is mentioned and by which articles. Pure: data in, object out.
 * Example: toGeoJSON([{ name: 'Kursk', lat: 51.73, lon: 36.19, articleId: 'a1' }]) ->
 * { type: 'FeatureCollection', features: [{ geometry: { type: 'Point', coordinates: [36.19, 51.73] }, ... }] }
 */

/** A place as any caller has it: a PlaceMention, a ReportPlace, or a row of the store. */
export interface GeoPlace {
  name: string;
  lat: number;
  lon: number;
  country?: string | null;
  precision?: string | null;
  geonameid?: number | null;
  articleId?: string | null;
  articleIds?: readonly string[];
  storyId?: string | null;
  /** Mentions this row stands for (default 1). */
  count?: number;
}

export interface GeoJSONFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    name: string;
    country: string | null;
    precision: string | null;
    geonameid: number | null;
    mentions: number;
    articles: string[];
    stories: string[];
  };
}

export interface GeoJSONFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJSONFeature[];
}

/** Merges places by name and rounded coordinates; skips rows without finite coordinates. */
export function toGeoJSON(places: Iterable<GeoPlace>): GeoJSONFeatureCollection {
  const byKey = new Map<string, GeoJSONFeature>();
  for (const p of places) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) continue;
    const key = `${p.name}|${p.lat.toFixed(4)}|${p.lon.toFixed(4)}`;
    let f = byKey.get(key);
    if (!f) {
      f = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { name: p.name, country: p.country ?? null, precision: p.precision ?? null, geonameid: p.geonameid ?? null, mentions: 0, articles: [], stories: [] },
      };
      byKey.set(key, f);
    }
    f.properties.mentions += p.count ?? 1;
    for (const a of [...(p.articleIds ?? []), ...(p.articleId ? [p.articleId] : [])]) if (!f.properties.articles.includes(a)) f.properties.articles.push(a);
    if (p.storyId && !f.properties.stories.includes(p.storyId)) f.properties.stories.push(p.storyId);
  }
  return { type: 'FeatureCollection', features: [...byKey.values()] };
}
