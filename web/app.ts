/**
 * The analyst's workbench: story list, story page (cited brief, claims with verdicts, timeline, map,
 * entities), article view with highlighted mentions, and search. Plain DOM, no framework.
 *
 * Article text is untrusted: every string reaches the page through textContent or attribute values
 * set by code, never through innerHTML; links are kept only for http(s) URLs; and the server sends a
 * Content-Security-Policy that forbids inline script.
 */
import type {
  ArticleDetail,
  Page,
  SearchResult,
  StoryDetail,
  StoryListItem,
  WorldGeoJSON,
} from '../src/server/api-types.js';
import type { ClaimGroup, Mention, TimelineEvent } from '../src/types.js';

type Child = Node | string | null | undefined | false;

/** Creates an element; children are text or nodes, never HTML. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Only http(s) URLs become links: "javascript:" and friends stay text. */
function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

const main = (): HTMLElement => document.getElementById('main')!;
const status = (msg: string): void => {
  document.getElementById('status')!.textContent = msg;
};

function show(...nodes: Child[]): void {
  const m = main();
  m.replaceChildren(...nodes.filter((n): n is Node | string => n !== null && n !== undefined && n !== false));
  const heading = m.querySelector('h1, h2');
  if (heading instanceof HTMLElement) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

const fmtDate = (d: string | null | undefined): string => (d ? d.slice(0, 10) : '—');

/** "a · b · c" from the parts that are present. */
function joinWithDots(parts: Array<Node | string | null | undefined>): Child[] {
  const present = parts.filter((p): p is Node | string => p !== null && p !== undefined && p !== '');
  return present.flatMap((p, i) => (i === 0 ? [p] : [' · ', p]));
}

// ------------------------------------------------------------------------------------------------
// Story list

/** The story's dates as the reports say them: inferred ones flagged, ingestion dates never passed off as news dates. */
function storyDates(d: StoryDetail): string {
  if (d.undated) return `no article is dated (first ingested ${fmtDate(d.story.firstSeen)})`;
  return `${fmtDate(d.story.firstSeen)} to ${fmtDate(d.story.lastSeen)}${d.datesInferred ? ' (dates inferred from the text)' : ''}`;
}

async function storyList(): Promise<void> {
  status('Loading stories…');
  const page = await api<Page<StoryListItem>>('/api/stories?limit=200');
  const rows = page.items.map((st) =>
    h(
      'tr',
      {},
      h('td', {}, h('a', { href: `#/story/${encodeURIComponent(st.id)}` }, st.label || st.id)),
      h('td', { class: 'num' }, String(st.size)),
      h('td', {}, st.outlets.join(', ') || '—'),
      h('td', {}, fmtDate(st.firstSeen)),
      h('td', {}, fmtDate(st.lastSeen)),
      h('td', { class: 'num' }, st.contradictions === null ? '…' : st.contradictions > 0 ? h('span', { class: 'badge contradict' }, String(st.contradictions)) : '0'),
    ),
  );
  show(
    h('h1', {}, 'Stories'),
    page.items.length === 0
      ? h('p', {}, 'No stories yet. Ingest articles with ', h('code', {}, 'tri ingest PATH'), '.')
      : h(
          'table',
          { class: 'stories' },
          h('caption', {}, `${page.total ?? page.items.length} stories, largest first`),
          h('thead', {}, h('tr', {}, ...['Story', 'Articles', 'Outlets', 'First seen', 'Last seen', 'Contradictions'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...rows),
        ),
  );
  status(`${page.items.length} stories`);
}

// ------------------------------------------------------------------------------------------------
// Story page

function articleLink(d: StoryDetail, articleId: string, start?: number, end?: number): HTMLAnchorElement {
  const idx = d.articles.findIndex((a) => a.id === articleId);
  const a = d.articles[idx];
  const label = `[${idx + 1}${a?.source ? ` ${a.source}` : ''}]`;
  const hl = start !== undefined && end !== undefined ? `?hl=${start}-${end}` : '';
  return h('a', { href: `#/article/${encodeURIComponent(articleId)}${hl}`, class: 'cite', title: a?.title ?? articleId }, label);
}

function verdictBadge(v: ClaimGroup['verdict']): HTMLElement {
  return h('span', { class: `badge ${v}` }, v);
}

function fmtValue(v: number | [number, number]): string {
  const f = (x: number): string => (Math.abs(x) >= 1000 ? x.toLocaleString('en') : String(Number(x.toPrecision(6))));
  return Array.isArray(v) ? `${f(v[0])}–${f(v[1])}` : f(v);
}

function claimsTable(d: StoryDetail): HTMLElement {
  if (d.groups.length === 0) return h('p', {}, 'No figures to compare in this story.');
  return h(
    'table',
    { class: 'claims' },
    h('thead', {}, h('tr', {}, ...['Measure', 'Verdict', 'Independent sources', 'Figures as reported'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...d.groups.map((g) =>
        h(
          'tr',
          {},
          h('td', {}, g.measure, g.explanation ? h('div', { class: 'muted' }, g.explanation) : null),
          h('td', {}, verdictBadge(g.verdict)),
          h('td', { class: 'num', title: g.independentSources.join(', ') }, String(g.independentSources.length)),
          h(
            'td',
            {},
            h(
              'ul',
              { class: 'figures' },
              ...g.claims.map((c) =>
                h(
                  'li',
                  {},
                  `${c.qualifier !== '=' ? `${c.qualifier} ` : ''}${fmtValue(c.value)} ${c.unit} `,
                  c.speaker ? h('span', { class: 'muted' }, `(${c.speaker}${c.cites ? `, citing ${c.cites}` : ''}) `) : c.cites ? h('span', { class: 'muted' }, `(citing ${c.cites}) `) : null,
                  articleLink(d, c.articleId, c.sentence.start, c.sentence.end),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function timelineView(events: TimelineEvent[], d: StoryDetail): HTMLElement {
  if (events.length === 0) return h('p', {}, 'No dated events.');
  const resolved = events.filter((e) => e.resolved && /^\d{4}/.test(e.when));
  const wrap = h('div', { class: 'timeline' });
  if (resolved.length > 0) {
    const times = resolved.map((e) => Date.parse(e.when.slice(0, 10).padEnd(10, '-01').replace(/-$/, '')) || Date.parse(e.when.slice(0, 4)));
    const lo = Math.min(...times.filter(Number.isFinite));
    const hi = Math.max(...times.filter(Number.isFinite));
    const W = 800;
    const svg = s('svg', { viewBox: `0 0 ${W} 60`, role: 'img', 'aria-label': `Timeline from ${resolved[0]?.when} to ${resolved[resolved.length - 1]?.when}`, class: 'timeline-axis' });
    svg.append(s('line', { x1: 20, y1: 30, x2: W - 20, y2: 30, class: 'axis' }));
    resolved.forEach((e, i) => {
      const t = times[i]!;
      const x = hi > lo ? 20 + ((t - lo) / (hi - lo)) * (W - 40) : W / 2;
      const dot = s('circle', { cx: x.toFixed(1), cy: 30, r: 6, class: 'event' });
      const title = s('title');
      title.textContent = `${e.when}: ${e.what}`;
      dot.append(title);
      svg.append(dot);
    });
    wrap.append(svg);
  }
  wrap.append(
    h(
      'ol',
      { class: 'events' },
      ...events.map((e) =>
        h(
          'li',
          {},
          e.approximate
            ? h('time', { class: 'when approximate', title: 'approximate: the article is undated; resolved against an inferred date' }, `≈ ${e.when}`)
            : h('time', { class: e.resolved ? 'when' : 'when unresolved' }, e.when),
          ' ',
          e.what,
          ' ',
          ...e.citations.map((c) => articleLink(d, c.articleId, c.start, c.end)),
        ),
      ),
    ),
  );
  return wrap;
}

let worldCache: WorldGeoJSON | null = null;

/** Equirectangular projection: offline, no tiles, no library. */
const project = (lon: number, lat: number, W: number, H: number): [number, number] => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

function ringPath(ring: number[][], W: number, H: number): string {
  return ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${project(p[0]!, p[1]!, W, H).map((v) => v.toFixed(1)).join(',')}`).join('') + 'Z';
}

async function mapView(d: StoryDetail): Promise<HTMLElement> {
  const W = 960;
  const H = 480;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Map of ${d.places.length} places`, class: 'map' });
  try {
    worldCache ??= await api<WorldGeoJSON>('/api/map/world');
    for (const f of worldCache.features) {
      const g = f.geometry as { type: string; coordinates: number[][][] | number[][][][] };
      const polys = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : [];
      const dAttr = polys.map((poly) => poly.map((ring) => ringPath(ring, W, H)).join('')).join('');
      if (dAttr) svg.append(s('path', { d: dAttr, class: 'land' }));
    }
  } catch {
    // the map still shows the places without outlines
  }
  for (const p of d.places) {
    const [x, y] = project(p.lon, p.lat, W, H);
    const dot = s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: Math.min(4 + p.count, 12), class: `place ${p.precision ?? ''}` });
    const title = s('title');
    title.textContent = `${p.name}${p.precision ? ` (${p.precision})` : ''}, ${p.count} mention${p.count === 1 ? '' : 's'}`;
    dot.append(title);
    svg.append(dot);
  }
  return h('figure', { class: 'map-wrap' }, svg, h('figcaption', {}, d.places.length ? d.places.slice(0, 12).map((p) => `${p.name}${p.precision ? ` (${p.precision})` : ''}`).join(' · ') : 'No places found.'));
}

async function storyPage(id: string): Promise<void> {
  status('Loading story…');
  const d = await api<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`);
  const brief =
    d.brief.length === 0
      ? h('p', {}, 'No brief yet.')
      : h('ol', { class: 'brief' }, ...d.brief.map((b) => h('li', {}, b.text, ' ', articleLink(d, b.articleId, b.start, b.end))));
  show(
    h('p', {}, h('a', { href: '#/' }, '← All stories')),
    h('h1', {}, d.story.label || d.story.id),
    h('p', { class: 'muted' }, `${d.articles.length} articles · ${storyDates(d)}`),
    h('section', { 'aria-labelledby': 'h-brief' }, h('h2', { id: 'h-brief' }, 'Brief'), brief),
    h('section', { 'aria-labelledby': 'h-claims' }, h('h2', { id: 'h-claims' }, 'Claims'), claimsTable(d)),
    h('section', { 'aria-labelledby': 'h-timeline' }, h('h2', { id: 'h-timeline' }, 'Timeline'), timelineView(d.timeline, d)),
    h('section', { 'aria-labelledby': 'h-map' }, h('h2', { id: 'h-map' }, 'Map'), await mapView(d)),
    h(
      'section',
      { 'aria-labelledby': 'h-entities' },
      h('h2', { id: 'h-entities' }, 'Entities'),
      h('ul', { class: 'entities' }, ...d.entities.slice(0, 40).map((e) => h('li', {}, h('span', { class: `tag ${e.type}` }, e.type), ' ', e.name, h('span', { class: 'muted' }, ` ×${e.count}`)))),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-articles' },
      h('h2', { id: 'h-articles' }, 'Articles'),
      h(
        'ol',
        {},
        ...d.articles.map((a) =>
          h('li', {}, h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id), h('span', { class: 'muted' }, ` ${a.source ?? ''} ${fmtDate(a.published)}${a.duplicateOf ? ' · copy' : ''}`)),
        ),
      ),
    ),
  );
  status(`Story ${d.story.label}`);
}

// ------------------------------------------------------------------------------------------------
// Article view

interface Mark {
  start: number;
  end: number;
  cls: string;
  title: string;
}

function mentionMarks(x: ArticleDetail['extraction']): Mark[] {
  if (!x) return [];
  const marks: Mark[] = [];
  const add = (m: Mention, cls: string, title: string): void => void marks.push({ start: m.start, end: m.end, cls, title });
  for (const e of x.entities) add(e, `m-entity m-${e.type}`, `${e.type}: ${e.canonical}`);
  for (const t of x.timexes) add(t, 'm-time', `${t.type}: ${t.value}`);
  for (const p of x.places) add(p, 'm-place', `place: ${p.name} (${p.precision})`);
  for (const q of x.quantities) add(q, 'm-quantity', `figure: ${JSON.stringify(q.value)} ${q.unit}`);
  // Non-overlapping, earliest first, longest first (nested mentions keep the outer one).
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  let end = -1;
  for (const m of marks) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/** Renders text with mention marks and the highlighted passage as DOM nodes (inert by construction). */
function renderText(text: string, marks: Mark[], hl: [number, number] | null): HTMLElement {
  const body = h('div', { class: 'article-text' });
  // Boundaries from marks and the highlight; each piece gets the classes that cover it.
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (hl) {
    cuts.add(hl[0]);
    cuts.add(hl[1]);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let para = h('p');
  body.append(para);
  let mi = 0;
  let firstHl: HTMLElement | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (mi < marks.length && marks[mi]!.end <= a) mi++;
    const m = marks[mi] && marks[mi]!.start <= a && marks[mi]!.end >= b ? marks[mi]! : null;
    const inHl = hl !== null && a >= hl[0] && b <= hl[1];
    const chunks = text.slice(a, b).split(/\n\s*\n/);
    chunks.forEach((chunk, k) => {
      if (k > 0) {
        para = h('p');
        body.append(para);
      }
      if (chunk === '') return;
      let node: Node = document.createTextNode(chunk);
      if (m) node = h('span', { class: `mention ${m.cls}`, title: m.title }, node);
      if (inHl) {
        const mark = h('mark', { class: 'hl' }, node);
        if (!firstHl) {
          firstHl = mark;
          mark.setAttribute('id', 'hl');
        }
        node = mark;
      }
      para.append(node);
    });
  }
  return body;
}

async function articlePage(id: string, params: URLSearchParams): Promise<void> {
  status('Loading article…');
  const d = await api<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`);
  const a = d.article;
  const hlm = /^(\d+)-(\d+)$/.exec(params.get('hl') ?? '');
  const hl: [number, number] | null = hlm ? [Number(hlm[1]), Number(hlm[2])] : null;
  const url = safeUrl(a.url);
  show(
    h('p', {}, a.storyId ? h('a', { href: `#/story/${encodeURIComponent(a.storyId)}` }, '← Story') : h('a', { href: '#/' }, '← All stories')),
    h('h1', {}, a.title ?? a.id),
    h(
      'p',
      { class: 'muted' },
      ...joinWithDots([
        a.source,
        a.byline,
        a.published ? `published ${fmtDate(a.published)}` : d.extraction?.published?.inferred ? `published ~${fmtDate(d.extraction.published.value)} (inferred)` : null,
        url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original') : a.url,
        a.duplicateOf ? h('span', {}, 'copy of ', h('a', { href: `#/article/${encodeURIComponent(a.duplicateOf)}` }, a.duplicateOf)) : null,
      ]),
    ),
    h(
      'p',
      { class: 'legend' },
      'Highlighted: ',
      ...['m-entity', 'm-time', 'm-place', 'm-quantity'].map((c) => h('span', { class: `mention ${c}` }, c.slice(2))),
    ),
    renderText(a.text, mentionMarks(d.extraction), hl),
  );
  const mark = document.getElementById('hl');
  if (mark) mark.scrollIntoView({ block: 'center' });
  status(hl ? 'Cited sentence highlighted' : `Article ${a.title ?? a.id}`);
}

// ------------------------------------------------------------------------------------------------
// Search

/** The store's snippets wrap matches in [ ]: shown as <mark>, as text. */
function snippetNode(snippet: string): HTMLElement {
  const p = h('p', { class: 'snippet' });
  let last = 0;
  for (let open = snippet.indexOf('[', last); open >= 0; open = snippet.indexOf('[', last)) {
    const close = snippet.indexOf(']', open + 1);
    if (close < 0) break;
    p.append(snippet.slice(last, open), h('mark', {}, snippet.slice(open + 1, close)));
    last = close + 1;
  }
  p.append(snippet.slice(last));
  return p;
}

async function searchPage(q: string): Promise<void> {
  (document.getElementById('q') as HTMLInputElement).value = q;
  status('Searching…');
  const page = await api<Page<SearchResult>>(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  show(
    h('h1', {}, `Search: ${q}`),
    page.items.length === 0
      ? h('p', {}, 'Nothing found.')
      : h(
          'ol',
          { class: 'results' },
          ...page.items.map((r) =>
            h('li', {}, h('a', { href: `#/article/${encodeURIComponent(r.article.id)}` }, r.article.title ?? r.article.id), h('span', { class: 'muted' }, ` ${r.article.source ?? ''} ${fmtDate(r.article.published)}`), snippetNode(r.snippet)),
          ),
        ),
  );
  status(`${page.items.length} results for ${q}`);
}

// ------------------------------------------------------------------------------------------------
// Routing

async function route(): Promise<void> {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  try {
    const story = /^\/story\/(.+)$/.exec(path);
    const article = /^\/article\/(.+)$/.exec(path);
    if (story) await storyPage(decodeURIComponent(story[1]!));
    else if (article) await articlePage(decodeURIComponent(article[1]!), params);
    else if (path === '/search' && params.get('q')) await searchPage(params.get('q')!);
    else await storyList();
  } catch (err) {
    show(h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, err instanceof Error ? err.message : String(err)));
    status('Error');
  }
}

document.getElementById('search')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = (document.getElementById('q') as HTMLInputElement).value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => void route());
void route();
