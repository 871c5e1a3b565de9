/**
 * One story as the analyst's workbench shows it: its articles, the cross-check (brief with citations,
 * claims with verdicts, timeline) and the entities and places its articles mention, aggregated.
 */
import type { Store } from '../store/types.js';
import type { Article, Extraction } from '../types.js';
import type { StoryDetail, StoryEntity, StoryPlace } from '../server/api-types.js';

export interface CrossCheckResult {
  brief: StoryDetail['brief'];
  claims: StoryDetail['claims'];
  timeline: StoryDetail['timeline'];
}

/** Cross-checks a story's articles (src/crosscheck); passed in so that core stays testable. */
export type CrossCheck = (articles: readonly Article[], extractions: ReadonlyMap<string, Extraction>) => CrossCheckResult;

export async function buildStoryDetail(store: Store, storyId: string, crossCheck: CrossCheck): Promise<StoryDetail | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const articles: Article[] = [];
  const extractions = new Map<string, Extraction>();
  for (const id of story.articleIds) {
    const a = await store.getArticle(id);
    if (!a) continue;
    articles.push(a);
    const x = await store.getExtraction(id);
    if (x) extractions.set(id, x);
  }
  const { brief, claims, timeline } = crossCheck(articles, extractions);
  return {
    story,
    articles: articles.map(({ text, ...rest }) => ({ ...rest, chars: text.length })),
    brief,
    claims,
    timeline,
    entities: aggregateEntities(extractions),
    places: aggregatePlaces(extractions),
  };
}

/** Entities by canonical name and type, most mentioned first. */
export function aggregateEntities(extractions: ReadonlyMap<string, Extraction>): StoryEntity[] {
  const by = new Map<string, StoryEntity & { ids: Set<string> }>();
  for (const [id, x] of extractions) {
    for (const e of x.entities) {
      const key = `${e.type}\u0000${e.canonical}`;
      let agg = by.get(key);
      if (!agg) by.set(key, (agg = { canonical: e.canonical, type: e.type, mentions: 0, articles: 0, ids: new Set() }));
      agg.mentions++;
      agg.ids.add(id);
    }
  }
  return [...by.values()]
    .map(({ ids, ...e }) => ({ ...e, articles: ids.size }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.canonical.localeCompare(b.canonical));
}

/** Places by resolved name and coordinates, most mentioned first. */
export function aggregatePlaces(extractions: ReadonlyMap<string, Extraction>): StoryPlace[] {
  const by = new Map<string, StoryPlace & { ids: Set<string> }>();
  for (const [id, x] of extractions) {
    for (const p of x.places) {
      const key = `${p.name}\u0000${p.lat.toFixed(3)}\u0000${p.lon.toFixed(3)}`;
      let agg = by.get(key);
      if (!agg) {
        agg = { name: p.name, lat: p.lat, lon: p.lon, precision: p.precision, mentions: 0, articleIds: [], ids: new Set() };
        if (p.country) agg.country = p.country;
        by.set(key, agg);
      }
      agg.mentions++;
      agg.ids.add(id);
    }
  }
  return [...by.values()]
    .map(({ ids, ...p }) => ({ ...p, articleIds: [...ids] }))
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions - a.mentions || a.name.localeCompare(b.name));
}
