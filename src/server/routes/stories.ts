/**
 * Stories: the list (size, outlets, first/last seen, contradictions) and one story in full (brief,
 * claims, timeline, entities, places). Story details are cached per story and size: a story only
 * changes when an article joins it.
 */
import { Hono } from 'hono';
import type { Story } from '../../types.js';
import type { Page, StoryDetail, StoryListItem } from '../api-types.js';
import { type AppDeps, type AppEnv, pageParams } from '../app.js';
import { ApiError } from '../errors.js';

/** How long the story list may be served without checking the store for new articles. */
export const LIST_TTL_MS = 1000;

export function storyRoutes(deps: AppDeps, writes: { n: number } = { n: 0 }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const details = new Map<string, { size: number; detail: StoryDetail }>();
  let list: { token: string; items: StoryListItem[] } | null = null;

  const detailOf = async (id: string): Promise<StoryDetail | null> => {
    const story = await deps.store.getStory(id);
    if (!story) return null;
    const cached = details.get(id);
    if (cached && cached.size === story.articleIds.length) return cached.detail;
    const detail = await deps.storyDetail(id);
    if (detail) details.set(id, { size: story.articleIds.length, detail });
    return detail;
  };

  const listItem = async (s: Story): Promise<StoryListItem> => {
    const cached = details.get(s.id);
    const outlets = new Set<string>();
    const fresh = cached && cached.size === s.articleIds.length ? cached.detail : null;
    if (fresh) for (const a of fresh.articles) if (a.source) outlets.add(a.source);
    return {
      id: s.id,
      label: s.label,
      size: s.articleIds.length,
      outlets: [...outlets].sort(),
      firstSeen: s.firstSeen,
      lastSeen: s.lastSeen,
      contradictions: fresh ? fresh.groups.filter((g) => g.verdict === 'contradict').length : null,
    };
  };

  // The list is rebuilt when the store's change token moves (a new article, a story assignment, from
  // this process or another; the token is read in microseconds, where counting 100k articles took
  // milliseconds on the request thread), checked at most once per LIST_TTL_MS: under
  // load every request then costs a cache lookup, and a new article shows within a second.
  let checkedAt = -Infinity;
  let seenWrites = writes.n;
  const bodies = new Map<string, string>();

  r.get('/stories', async (c) => {
    const { limit, offset } = pageParams(c);
    const now = performance.now();
    const key = `${limit}:${offset}`;
    // A write through this server (POST /api/ingest) makes the next request check at once.
    if (now - checkedAt < LIST_TTL_MS && list && seenWrites === writes.n) {
      const cached = bodies.get(key);
      if (cached !== undefined) return c.body(cached, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
    } else {
      checkedAt = now;
      seenWrites = writes.n;
      const token = await deps.store.changeToken();
      if (list && list.token !== token) {
        list = null;
        bodies.clear();
      }
    }
    if (!list) {
      const token = await deps.store.changeToken();
      const stories = await deps.store.listStories();
      // largest and most recent first
      stories.sort((a, b) => b.articleIds.length - a.articleIds.length || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
      list = { token, items: await Promise.all(stories.map(listItem)) };
    }
    const page = list.items.slice(offset, offset + limit);
    // Fill outlets and contradictions for the page being shown (cheap once cached).
    const items = await Promise.all(
      page.map(async (it) => {
        if (it.contradictions !== null) return it;
        const d = await detailOf(it.id);
        if (!d) return it;
        const outlets = [...new Set(d.articles.map((a) => a.source).filter((s): s is string => !!s))].sort();
        const filled = { ...it, outlets, contradictions: d.groups.filter((g) => g.verdict === 'contradict').length };
        const idx = list!.items.findIndex((x) => x.id === it.id);
        if (idx >= 0) list!.items[idx] = filled;
        return filled;
      }),
    );
    const body: Page<StoryListItem> = { items, total: list.items.length, offset, limit };
    const json = JSON.stringify(body);
    bodies.set(key, json);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  r.get('/stories/:id', async (c) => {
    const id = c.req.param('id');
    const d = await detailOf(id);
    if (!d) throw new ApiError(404, 'not_found', `no story with id ${JSON.stringify(id)}`);
    return c.json(d);
  });

  return r;
}
