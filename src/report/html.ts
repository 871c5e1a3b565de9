/** Self-contained HTML report (inline CSS, no scripts, every text escaped). Pure. */
import { articleDate, figureText, originText, placeText, storyDates } from './format.js';
import type { Report, StoryReport } from './types.js';

/** Escapes text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeUrl(u: string): string | null {
  return /^https?:\/\//i.test(u) ? u : null;
}

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
.contradict{background:#fde2e1}.agree{background:#e3f6e5}.refine{background:#eef4fd}.consistent-aggregate{background:#f3f0fd}
sup a{text-decoration:none}.muted{color:#666}blockquote{margin:.2em 0 .2em 1em;color:#444;font-size:13px}`;

function story(r: StoryReport): string {
  const ref = (id: string): string => {
    const i = r.articles.findIndex((a) => a.id === id);
    return `<sup><a href="#${esc(r.story.id)}-a${i + 1}">[${i >= 0 ? i + 1 : esc(id)}]</a></sup>`;
  };
  const h: string[] = [];
  h.push(`<section id="${esc(r.story.id)}"><h2>${esc(r.story.label || r.story.id)}</h2>`);
  const when = storyDates(r);
  const dates = when !== null ? ` · ${esc(when)}` : '';
  h.push(`<p class="muted">Story ${esc(r.story.id)} · ${r.articles.length} articles${dates}</p>`);
  h.push('<h3>Brief</h3><ul>');
  for (const s of r.brief) h.push(`<li>${esc(s.text)} ${ref(s.articleId)}</li>`);
  h.push('</ul><h3>Figures cross-checked</h3>');
  if (r.groups.length === 0) h.push('<p class="muted">No figure is stated by more than one article.</p>');
  else {
    h.push('<table><tr><th>measure</th><th>verdict</th><th>figures and evidence</th><th>independent origins</th></tr>');
    for (const g of r.groups) {
      const ev = g.claims.map((c) => `<div>${esc(figureText(c))} ${ref(c.articleId)}<blockquote>${esc(c.sentence.text)}</blockquote></div>`).join('');
      h.push(`<tr class="${esc(g.verdict)}"><td>${esc(g.measure)}</td><td>${esc(g.verdict)}<br><span class="muted">${esc(g.explanation)}</span></td><td>${ev}</td><td>${g.independentSources.length}: ${g.independentSources.map((o) => esc(originText(r, o))).join(', ')}</td></tr>`);
    }
    h.push('</table>');
  }
  h.push('<h3>Timeline</h3><ul>');
  for (const e of r.timeline) h.push(`<li><b>${e.approximate ? '≈ ' : ''}${esc(e.when)}</b>${e.resolved ? '' : ' <i>(unresolved)</i>'}${e.approximate ? ' <i>(approximate: the article is undated)</i>' : ''}: ${esc(e.what)} ${e.citations.map((c) => ref(c.articleId)).join('')}</li>`);
  h.push('</ul>');
  if (r.entities.length > 0) h.push(`<h3>Who and what</h3><p>${r.entities.map((e) => `${esc(e.name)} <span class="muted">(${esc(e.type)}, ${e.count})</span>`).join(' · ')}</p>`);
  if (r.places.length > 0) h.push(`<h3>Places</h3><ul>${r.places.map((p) => `<li>${esc(placeText(p))} <span class="muted">× ${p.count}</span></li>`).join('')}</ul>`);
  h.push('<h3>Sources</h3><ol>');
  r.articles.forEach((a, i) => {
    const url = a.url ? safeUrl(a.url) : null;
    const title = esc(a.title ?? a.id);
    const date = articleDate(a);
    h.push(`<li id="${esc(r.story.id)}-a${i + 1}">${url ? `<a href="${esc(url)}">${title}</a>` : title}${a.source ? ' · ' + esc(a.source) : ''}${date ? ' · ' + esc(date) : ''}${a.duplicateOf ? ' · copy of ' + ref(a.duplicateOf) : ''}</li>`);
  });
  h.push('</ol></section>');
  return h.join('\n');
}

/** The whole report as one HTML document. */
export function toHTML(report: Report): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>Triangulate report</title><style>${CSS}</style></head><body><h1>Triangulate report</h1>\n` +
    report.stories.map(story).join('\n') + '\n</body></html>\n';
}
