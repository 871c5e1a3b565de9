/**
 * Analysis of stored articles: runs the extraction pipeline on articles that have none yet, assigns
 * unassigned articles to stories in ingestion order (the clusterer's state persists in the store, so
 * `tri ingest` and `tri report` share it), and builds the per-story report data.
 */
import { crossCheck, type CrossArticle } from '../crosscheck/index.js';
import { createPipeline, type ExtractInput, type Pipeline } from '../extract/pipeline.js';
import type { Report, ReportArticle, ReportPlace, StoryReport } from '../report/types.js';
import type { Store } from '../store/types.js';
import { loadIdfPrior, StoryClusterer } from '../stories/index.js';
import type { Article, Extraction, PublishedRef, Story } from '../types.js';

/** Key of the story clusterer's state in `Store.getState`. */
export const CLUSTERER_STATE_KEY = 'stories.clusterer.v1';

export interface AnalyzeResult {
  extracted: number;
  failed: Array<{ articleId: string; error: string }>;
  /** Articles given a story by this run. */
  assigned?: number;
}

const PAGE = 500;

/**
 * Pages through the articles matching `opts` while the caller changes what matches (an article
 * leaves the set once it is analysed): `skip` counts the ones that stay (failures, not articles),
 * so each pass starts after them. Cost is proportional to the work left, not to the store.
 */
async function* pending(store: Store, opts: { withoutExtraction?: boolean; withoutStory?: boolean }, stays: (a: Article) => boolean): AsyncGenerator<Article> {
  let skip = 0;
  for (;;) {
    const page = await store.listArticles({ ...opts, limit: PAGE, offset: skip });
    if (page.length === 0) return;
    for (const a of page) {
      yield a;
      if (stays(a)) skip++;
    }
  }
}

/** Extracts mentions for every stored article without an extraction, then assigns stories. One bad article never stops the rest. */
export async function analyzeNew(store: Store, pipeline: Pipeline = createPipeline()): Promise<AnalyzeResult> {
  const result: AnalyzeResult = { extracted: 0, failed: [] };
  const done = new Set<string>();
  for await (const a of pending(store, { withoutExtraction: true }, (x) => !done.has(x.id))) {
    if (a.status !== 'ok') continue;
    try {
      const x = pipeline.extract(extractInput(a));
      await store.saveExtraction(a.id, x);
      done.add(a.id);
      result.extracted++;
    } catch (err) {
      result.failed.push({ articleId: a.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const { assigned, stories } = await assignStories(store);
  result.assigned = assigned;
  await datesFromStories(store, stories, pipeline, result);
  return result;
}

/** Reason prefix of a reference taken from the article's story (see datesFromStories). */
export const STORY_REFERENCE = 'story ';
/** Confidence of a story reference: below 0.5, so what rests on it is shown as approximate. */
const STORY_REFERENCE_CONFIDENCE = 0.3;

/**
 * An article with no publication date, given or inferable from its text, resolves nothing relative
 * ("on Tuesday", "last week"). Once it has joined a story, the story's other articles date it
 * approximately: it is re-extracted against the median of their dates (given dates when there are
 * any, else dates inferred from their own texts), as a low-confidence inferred reference named in
 * its reasons. Re-checked whenever the story grows, so a story dated later dates its earlier undated
 * articles; a date taken from a story never dates another article.
 */
async function datesFromStories(store: Store, storyIds: ReadonlySet<string>, pipeline: Pipeline, result: AnalyzeResult): Promise<void> {
  for (const storyId of storyIds) {
    const articles = (await store.listArticles({ storyId, limit: 100_000 })).filter((a) => a.status === 'ok');
    const undated = articles.filter((a) => !a.published);
    if (undated.length === 0) continue;
    const given = articles.filter((a) => a.published).map((a) => a.published!.slice(0, 10));
    const fromText: string[] = [];
    const weak: Array<{ a: Article; current: PublishedRef | null }> = [];
    for (const a of undated) {
      const ref = (await store.getExtraction(a.id))?.published ?? null;
      if (ref && !ref.reasons?.some((r) => r.startsWith(STORY_REFERENCE))) fromText.push(ref.value.slice(0, 10));
      else weak.push({ a, current: ref });
    }
    const dates = (given.length > 0 ? given : fromText).sort();
    if (dates.length === 0 || weak.length === 0) continue;
    const median = dates[(dates.length - 1) >> 1]!;
    const basis = given.length > 0 ? 'given' : 'inferred';
    for (const { a, current } of weak) {
      if (current?.value === median) continue;
      const fallbackReference: PublishedRef = {
        value: median,
        inferred: true,
        confidence: STORY_REFERENCE_CONFIDENCE,
        reasons: [`${STORY_REFERENCE}${storyId}: median of ${dates.length} ${basis} publication date${dates.length === 1 ? '' : 's'} of its articles`],
      };
      try {
        const x = pipeline.extract({ ...extractInput(a), fallbackReference });
        await store.saveExtraction(a.id, x);
      } catch (err) {
        result.failed.push({ articleId: a.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}

function extractInput(a: Article): ExtractInput {
  return {
    id: a.id,
    text: a.text,
    published: a.published,
    ...(a.title ? { title: a.title } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.source ? { source: a.source } : {}),
  };
}

/** The persisted clusterer, or a fresh one (with the background IDF table) when none is stored. */
async function loadClusterer(store: Store): Promise<StoryClusterer> {
  const state = await store.getState(CLUSTERER_STATE_KEY);
  const k = state == null ? new StoryClusterer() : StoryClusterer.fromState(state);
  const prior = loadIdfPrior();
  if (prior) k.setPrior(prior.docs, prior.words, prior.names);
  return k;
}

/**
 * Gives every stored article without a story one, in ingestion order, online (earlier decisions are
 * never revised). A near-duplicate joins the story of the article it copies. The clusterer state is
 * saved after the batch.
 */
export async function assignStories(store: Store): Promise<{ assigned: number; stories: Set<string> }> {
  let k: StoryClusterer | null = null;
  let assigned = 0;
  const stories = new Set<string>();
  const storyOf = new Map<string, string>();
  const done = new Set<string>();
  for await (const a of pending(store, { withoutStory: true }, (x) => !done.has(x.id))) {
    if (a.status !== 'ok') continue;
    const original = a.duplicateOf ? (storyOf.get(a.duplicateOf) ?? (await store.getArticle(a.duplicateOf))?.storyId ?? undefined) : undefined;
    let story: string;
    let label: string;
    if (original) {
      story = original;
      label = (await store.getStory(original))?.label ?? original;
    } else {
      k ??= await loadClusterer(store);
      const x = await store.getExtraction(a.id);
      const names = x ? x.entities.filter((e) => e.type !== 'MISC').map((e) => e.canonical) : [];
      const r = k.assign({ id: a.id, text: a.text, title: a.title, published: a.published, names });
      story = r.story;
      label = r.label || a.title || story;
    }
    await store.assignStory(a.id, story, label);
    storyOf.set(a.id, story);
    stories.add(story);
    done.add(a.id);
    assigned++;
  }
  if (k) await store.setState(CLUSTERER_STATE_KEY, k.toState());
  return { assigned, stories };
}

export interface ReportOptions {
  /** One story only (else all, in creation order). */
  storyId?: string;
  /** Word budget of each brief. */
  briefWords?: number;
  /** Top entities listed per story. */
  maxEntities?: number;
}

/** Report data for one story: brief, claims with verdicts, timeline, entities, places. */
export async function storyReport(store: Store, story: Story, opts: ReportOptions = {}): Promise<StoryReport> {
  const articles = await store.listArticles({ storyId: story.id, limit: 100_000 });
  const cross: CrossArticle[] = [];
  const extractions: Extraction[] = [];
  for (const a of articles) {
    const x = await store.getExtraction(a.id);
    if (x) extractions.push(x);
    cross.push({ id: a.id, text: a.text, title: a.title, source: a.source, published: a.published, url: a.url, duplicateOf: a.duplicateOf, extraction: x });
  }
  const cc = crossCheck(cross, opts.briefWords ?? 150);
  const xById = new Map(extractions.map((x) => [x.id, x]));
  const reportArticles: ReportArticle[] = articles.map((a) => {
    const inferred = a.published ? null : xById.get(a.id)?.published ?? null;
    const fromStory = inferred?.reasons?.some((r) => r.startsWith(STORY_REFERENCE)) ?? false;
    return {
      id: a.id, title: a.title, source: a.source, published: a.published ?? inferred?.value ?? null,
      ...(inferred ? { publishedInferred: true } : {}), ...(fromStory ? { publishedFromStory: true } : {}), url: a.url, duplicateOf: a.duplicateOf,
    };
  });
  const range = storyDates(reportArticles);
  const places = new Map<string, ReportPlace>();
  for (const x of extractions) {
    for (const p of x.places) {
      const key = `${p.name}|${p.lat.toFixed(4)}|${p.lon.toFixed(4)}`;
      const v: ReportPlace = places.get(key) ?? { name: p.name, lat: p.lat, lon: p.lon, ...(p.country ? { country: p.country } : {}), precision: p.precision, count: 0, articleIds: [] };
      v.count++;
      if (!v.articleIds.includes(x.id)) v.articleIds.push(x.id);
      places.set(key, v);
    }
  }
  return {
    story: range ? { ...story, firstSeen: range.first, lastSeen: range.last } : story,
    ...(range?.inferred ? { datesInferred: true } : {}),
    ...(range === null ? { undated: true } : {}),
    articles: reportArticles,
    brief: cc.brief,
    groups: cc.groups,
    timeline: cc.timeline,
    entities: storyEntities(extractions, articles.map((a) => a.source).filter((x): x is string => x !== null)).slice(0, opts.maxEntities ?? 20),
    places: [...places.values()].sort((a, b) => b.count - a.count),
  };
}

/**
 * The story's date range from its articles' publication dates: given dates when any article has one,
 * else inferred ones (flagged); null when no article is dated (the store's ingestion times stand).
 */
function storyDates(articles: readonly ReportArticle[]): { first: string; last: string; inferred: boolean } | null {
  const given = articles.filter((a) => a.published && !a.publishedInferred).map((a) => a.published!);
  // a date taken from the story itself adds nothing to its range
  const dates = given.length > 0 ? given : articles.filter((a) => a.published && !a.publishedFromStory).map((a) => a.published!);
  if (dates.length === 0) return null;
  dates.sort();
  return { first: dates[0]!, last: dates[dates.length - 1]!, inferred: given.length === 0 };
}

/**
 * The story's entities, one row per real thing: mentions are pooled by canonical name (case- and
 * punctuation-insensitive, so "U.S." and "US" meet), and the row takes the type most mentions carry
 * (a tagger that calls "Kyiv" LOC 40 times and PER twice lists one LOC row); a name that is one of the
 * story's outlets is an ORG. Ties go to the first seen.
 */
export function storyEntities(extractions: readonly Extraction[], outlets: readonly string[] = []): Array<{ name: string; type: string; count: number }> {
  const outletKeys = new Set(outlets.map(entityKey));
  const rows = new Map<string, { names: Map<string, number>; types: Map<string, number>; count: number }>();
  for (const x of extractions) {
    for (const e of x.entities) {
      const key = entityKey(e.canonical);
      if (!key) continue;
      const r = rows.get(key) ?? { names: new Map(), types: new Map(), count: 0 };
      r.count++;
      r.names.set(e.canonical, (r.names.get(e.canonical) ?? 0) + 1);
      r.types.set(e.type, (r.types.get(e.type) ?? 0) + 1);
      rows.set(key, r);
    }
  }
  const top = (m: Map<string, number>): string => [...m].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return [...rows.entries()]
    .map(([key, r]) => ({ name: displayName(r.names), type: outletKeys.has(key) ? 'ORG' : top(r.types), count: r.count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

function entityKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const ALL_CAPS = /^\P{Ll}*$/u;

/**
 * The name to show for an entity: the most used spelling, preferring one in mixed case to a
 * dateline's capitals ("Kestrel Falls" over "KESTREL FALLS"); capitals of several words with no
 * other spelling are title-cased ("PORT ALDER" -> "Port Alder"), acronyms ("ATACMS", "US") kept, also over a
 * rarer mixed-case spelling of the same word ("Atacms").
 */
function displayName(names: Map<string, number>): string {
  const ranked = [...names].sort((a, b) => b[1] - a[1]);
  const mixed = ranked.find(([n]) => !ALL_CAPS.test(n));
  const [name, uses] = ranked[0]!;
  // One word in capitals used well over twice as often as any mixed-case spelling is an acronym
  // ("ATACMS" six times, "Atacms" once), not a dateline's capitals ("LORRIN" twice, "Lorrin" once).
  const acronym = !/\s/.test(name) && mixed !== undefined && uses > 2 * mixed[1];
  if (mixed && !acronym) return mixed[0];
  const words = name.split(/\s+/);
  if (words.length < 2) return name;
  return words.map((w) => (w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w)).join(' ');
}

/** Report data for all stories (or one). Throws naming the id when the story does not exist. */
export async function buildReport(store: Store, opts: ReportOptions = {}): Promise<Report> {
  let stories: Story[];
  if (opts.storyId !== undefined) {
    const s = await store.getStory(opts.storyId);
    if (!s) throw new Error(`report: no story with id ${JSON.stringify(opts.storyId)}`);
    stories = [s];
  } else stories = await store.listStories();
  const out: StoryReport[] = [];
  for (const s of stories) out.push(await storyReport(store, s, opts));
  return { stories: out };
}
