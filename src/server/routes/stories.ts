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

export function storyRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const details = new Map<string, { size: number; detail: StoryDetail }>();
  let list: { articles: number; items: StoryListItem[] } | null = null;

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

  r.get('/stories', async (c) => {
    const { limit, offset } = pageParams(c);
    const count = await deps.store.countArticles();
    if (!list || list.articles !== count) {
      const stories = await deps.store.listStories();
      // largest and most recent first
      stories.sort((a, b) => b.articleIds.length - a.articleIds.length || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
      list = { articles: count, items: await Promise.all(stories.map(listItem)) };
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
    return c.json(body);
  });

  r.get('/stories/:id', async (c) => {
    const id = c.req.param('id');
    const d = await detailOf(id);
    if (!d) throw new ApiError(404, 'not_found', `no story with id ${JSON.stringify(id)}`);
    return c.json(d);
  });

  return r;
}
