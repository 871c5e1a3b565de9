import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { ingestItems } from '../ingest/service.js';
import { parseDocument } from '../ingest/parse.js';
import { articleFromJson } from '../ingest/sources.js';
import type { SourceItem } from '../ingest/types.js';
import type { ApiErrorBody, ArticleDetail, IngestResponse, Page, SearchResult, StoryDetail, StoryListItem } from './api-types.js';
import { createApp, withArticleIds, type AppDeps } from './app.js';

const TOKEN = 'test-token-0123456789';
let dir: string;
let store: Store;
let ids: string[] = [];

async function* items(docs: object[]): AsyncGenerator<SourceItem> {
  for (const [i, d] of docs.entries()) yield articleFromJson(`test:${i}`, d);
}

function deps(over: Partial<AppDeps> = {}): AppDeps {
  return {
    store,
    // A fixed cross-check over the stored articles: the API's job is to serve it, not to compute it.
    storyDetail: async (id) => {
      const story = await store.getStory(id);
      if (!story) return null;
      const articles = await store.listArticles({ storyId: id });
      return {
        story,
        articles: articles.map((a) => ({ id: a.id, title: a.title, source: a.source, published: a.published, url: a.url, duplicateOf: a.duplicateOf })),
        brief: articles.slice(0, 1).map((a) => ({ text: a.text.slice(0, 20), articleId: a.id, start: 0, end: 20 })),
        groups: [{ measure: 'range of the Kestrel rocket', verdict: 'contradict', claims: [], independentSources: ['Daily Ledger', 'Harbor Post'], explanation: '300 km vs 100 km' }],
        timeline: [],
        entities: [],
        places: [],
      };
    },
    ingestItems: withArticleIds((it, onProgress) => ingestItems(it, { store, parseDocument, analyze: false, onProgress })),
    readUrls: () => items([]),
    token: TOKEN,
    webRoot: null,
    log: () => {},
    ...over,
  };
}

const TEXT_A =
  'ORLEN, Vantia — The Kestrel rocket has a range of about 300 kilometers, the defence ministry said on Tuesday.\n\nOfficials said the launch site near Orlen was evacuated overnight.';
const TEXT_B =
  'The Kestrel rocket can strike targets 100 kilometers away, according to the Harbor Post.\n\nThe ministry declined to comment on the evacuation of the launch site.';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tri-api-'));
  store = await openSqliteStore(join(dir, 'api.db'));
  await ingestItems(
    items([
      { id: 'a', title: 'Kestrel range put at 300 km', text: TEXT_A, source: 'Daily Ledger', published: '2031-04-09', url: 'https://ledger.example/kestrel' },
      { id: 'b', title: '<script>alert(1)</script> Kestrel', text: TEXT_B, source: 'Harbor Post', published: '2031-04-10' },
    ]),
    { store, parseDocument, analyze: false },
  );
  ids = (await store.listArticles()).map((a) => a.id);
  for (const id of ids) await store.assignStory(id, 's1', 'Kestrel rocket');
  const at = TEXT_A.indexOf('Orlen');
  await store.saveExtraction(ids[0]!, {
    id: ids[0]!, entities: [], timexes: [], quantities: [], attributions: [], published: null,
    places: [{ kind: 'place', start: at, end: at + 5, text: 'Orlen', name: 'Orlen', lat: 45.5, lon: 12.25, precision: 'city', extractor: 'test', reasons: [] }],
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('read endpoints', () => {
  it('lists articles with a total and no text', async () => {
    const res = await createApp(deps()).request('/api/articles?limit=1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Page<{ id: string; chars: number; text?: string }>;
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]!.text).toBeUndefined();
    expect(body.items[0]!.chars).toBeGreaterThan(50);
  });

  it('shows one article, and 404s with the error shape', async () => {
    const app = createApp(deps());
    const ok = (await (await app.request(`/api/articles/${ids[0]}`)).json()) as ArticleDetail;
    expect(ok.article.text).toContain('Kestrel');
    const res = await app.request('/api/articles/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('not_found');
  });

  it('searches titles and text', async () => {
    const app = createApp(deps());
    const body = (await (await app.request('/api/search?q=evacuated')).json()) as Page<SearchResult>;
    expect(body.items.map((h) => h.article.source)).toEqual(['Daily Ledger']);
    expect((await app.request('/api/search')).status).toBe(400);
    expect((await app.request('/api/search?q=x&limit=abc')).status).toBe(400);
  });

  it('lists stories with outlets and contradictions, and shows one', async () => {
    const app = createApp(deps());
    const list = (await (await app.request('/api/stories')).json()) as Page<StoryListItem>;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: 's1', size: 2, outlets: ['Daily Ledger', 'Harbor Post'], contradictions: 1 });
    const d = (await (await app.request('/api/stories/s1')).json()) as StoryDetail;
    expect(d.articles).toHaveLength(2);
    expect(d.groups[0]!.verdict).toBe('contradict');
    expect((await app.request('/api/stories/none')).status).toBe(404);
  });

  it('exports CSV and JSONL', async () => {
    const app = createApp(deps());
    const csv = await (await app.request('/api/export?format=csv')).text();
    expect(csv.split('\r\n')[0]).toMatch(/^id,title,source/);
    expect(csv).toContain('"<script>alert(1)</script> Kestrel"'.replace(/"/g, '')); // stored as given; the UI renders it inert
    const jsonl = (await (await app.request('/api/export?format=jsonl')).text()).trim().split('\n');
    expect(jsonl).toHaveLength(2);
    expect((await app.request('/api/export?format=xml')).status).toBe(400);
    const geo = (await (await app.request('/api/export?format=geojson')).json()) as { type: string; features: unknown[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toMatchObject([{ geometry: { type: 'Point', coordinates: [12.25, 45.5] }, properties: { name: 'Orlen', mentions: 1, stories: ['s1'] } }]);
  });

  it('serves the OpenAPI document and the world map', async () => {
    const app = createApp(deps());
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/stories/{id}');
    const world = (await (await app.request('/api/map/world')).json()) as { features: unknown[] };
    expect(world.features.length).toBeGreaterThan(100);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const res = await createApp(deps()).request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('search cache', () => {
  /** The store with its search calls counted. */
  function counting(): { store: Store; calls: () => number } {
    let n = 0;
    const wrapped = new Proxy(store, {
      get(target, prop) {
        if (prop === 'search') return (...args: Parameters<Store['search']>) => (n++, target.search(...args));
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    return { store: wrapped, calls: () => n };
  }

  it.each([
    ['Kestrel', 'kestrel'],
    ['kestrel rocket', 'KESTREL, "rocket"'],
    ['launch sit*', 'Launch   sit*'],
  ])('answers %j and %j from one store search, with the same body', async (first, second) => {
    const c = counting();
    const app = createApp(deps({ store: c.store }));
    const a = await app.request(`/api/search?q=${encodeURIComponent(first)}`);
    const b = await app.request(`/api/search?q=${encodeURIComponent(second)}`);
    expect([a.headers.get('x-cache'), b.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    expect(await b.text()).toBe(await a.text());
    expect(c.calls()).toBe(1);
  });

  it('keeps pages apart and shares one search between concurrent identical requests', async () => {
    const c = counting();
    const app = createApp(deps({ store: c.store }));
    const res = await Promise.all([1, 2, 3].map(() => app.request('/api/search?q=evacuation&limit=1')));
    expect(res.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(c.calls()).toBe(1);
    const next = await app.request('/api/search?q=evacuation&limit=1&offset=1');
    expect(next.headers.get('x-cache')).toBe('miss');
    expect(c.calls()).toBe(2);
  });

  it('forgets cached answers when the store changes, also through another connection', async () => {
    const app = createApp(deps());
    const search = async (): Promise<[string | null, string[]]> => {
      const res = await app.request('/api/search?q=quillmoor');
      return [res.headers.get('x-cache'), ((await res.json()) as Page<SearchResult>).items.map((h) => h.article.title ?? '')];
    };
    expect(await search()).toEqual(['miss', []]);
    expect(await search()).toEqual(['hit', []]);
    const other = await openSqliteStore(join(dir, 'api.db'));
    await ingestItems(items([{ title: 'Quillmoor ferry resumes', text: 'The Quillmoor ferry resumed its crossings on Monday after storm repairs, the operator said.' }]), {
      store: other, parseDocument, analyze: false,
    });
    await other.close();
    expect(await search()).toEqual(['miss', ['Quillmoor ferry resumes']]);
    expect(await search()).toEqual(['hit', ['Quillmoor ferry resumes']]);
  });
});

describe('access control', () => {
  const remote = { incoming: { socket: { remoteAddress: '192.0.2.7' } } };
  const local = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

  it('serves reads to loopback clients only by default', async () => {
    const app = createApp(deps());
    expect((await app.request('/api/articles', {}, remote)).status).toBe(403);
    expect((await app.request('/api/articles', {}, local)).status).toBe(200);
    expect((await createApp(deps({ allowRemoteReads: true })).request('/api/articles', {}, remote)).status).toBe(200);
  });

  it('refuses writes without the token, or when no token is configured', async () => {
    const body = JSON.stringify({ documents: [{ text: 'A short invented note about ferries in Orlen harbour.' }] });
    const post = (app: ReturnType<typeof createApp>, auth?: string) =>
      app.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) } });
    expect((await post(createApp(deps()))).status).toBe(401);
    expect((await post(createApp(deps()), 'Bearer wrong')).status).toBe(401);
    expect((await post(createApp(deps({ token: null })), `Bearer ${TOKEN}`)).status).toBe(403);
  });
});

describe('POST /api/ingest', () => {
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('stores JSON documents through the pipeline and reports bad ones', async () => {
    const app = createApp(deps());
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ documents: [{ title: 'Ferry strike ends', text: 'Ferry crews in Orlen returned to work on Monday after a two-day strike over pay.' }, { title: 'no text' }] }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as IngestResponse;
    expect(body.new).toBe(1);
    expect(body.articleIds).toHaveLength(1);
    expect(body.failed).toBe(1);
    expect(body.problems[0]!.error).toContain('missing field "text"');
    const search = (await (await app.request('/api/search?q=ferry')).json()) as Page<SearchResult>;
    expect(search.items.map((h) => h.article.title)).toContain('Ferry strike ends');
    // the story list notices the write at once (no waiting for the list cache to expire)
    const before = (await (await app.request('/api/stories')).json()) as Page<StoryListItem>;
    await store.assignStory(body.articleIds[0]!, 's-ferry', 'Ferry strike');
    const res2 = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: 'Ferry timetables in Orlen return to normal on Tuesday, the operator said.' });
    expect(res2.status).toBe(201);
    const after = (await (await app.request('/api/stories')).json()) as Page<StoryListItem>;
    expect(after.items.map((s) => s.id)).toContain('s-ferry');
    expect(before.items.map((s) => s.id)).not.toContain('s-ferry');
  });

  it('accepts JSONL and plain text bodies, with line numbers in errors', async () => {
    const app = createApp(deps());
    const jsonl = ['{"text":"Grain barges left the port of Orlen at dawn, port officials said."}', 'not json'].join('\n');
    const r1 = (await (await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...auth }, body: jsonl })).json()) as IngestResponse;
    expect(r1.new).toBe(1);
    expect(r1.problems[0]!.input).toBe('api:line 2');
    const r2 = await app.request('/api/ingest?title=Note', { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: 'The night market in Orlen reopened after repairs to the covered hall.' });
    expect(((await r2.json()) as IngestResponse).new).toBe(1);
  });

  it('rejects unsupported media types and oversized bodies', async () => {
    const app = createApp(deps({ maxBodyBytes: 1024 }));
    expect((await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'image/png', ...auth }, body: 'x' })).status).toBe(415);
    const big = JSON.stringify({ documents: [{ text: 'x'.repeat(5000) }] });
    expect((await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: big })).status).toBe(413);
  });
});
