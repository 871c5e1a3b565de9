/** Markdown report: per story the brief with citations, the claims table with verdicts, timeline, entities, places. Pure. */
import { articleDate, figureText, originText, placeText, storyDates } from './format.js';
import type { Report, StoryReport } from './types.js';

/** Escapes Markdown table/inline syntax in free text. */
export function mdEscape(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_[\]|<>#]/g, (c) => '\\' + c).trim();
}

function articleRef(r: StoryReport, id: string): string {
  const i = r.articles.findIndex((a) => a.id === id);
  return i >= 0 ? `[${i + 1}]` : `[${mdEscape(id)}]`;
}

const VERDICT_LABEL: Record<string, string> = {
  agree: 'agree',
  refine: 'refine',
  contradict: '**CONTRADICT**',
  'consistent-aggregate': 'consistent (sum of parts)',
  single: 'single source',
};

export function storyToMarkdown(r: StoryReport): string {
  const out: string[] = [];
  out.push(`## ${mdEscape(r.story.label || r.story.id)}`, '');
  out.push(`Story \`${r.story.id}\` · ${r.articles.length} article${r.articles.length === 1 ? '' : 's'}` +
    (storyDates(r) !== null ? ` · ${storyDates(r)}` : ''), '');
  out.push('### Brief', '');
  if (r.brief.length === 0) out.push('_No summary sentences found._');
  for (const s of r.brief) out.push(`- ${mdEscape(s.text)} ${articleRef(r, s.articleId)}`);
  out.push('', '### Figures cross-checked', '');
  if (r.groups.length === 0) out.push('_No figure is stated by more than one article._');
  else {
    out.push('| measure | verdict | figures | independent origins | evidence |', '|---|---|---|---|---|');
    for (const g of r.groups) {
      const figs = g.claims.map((c) => `${figureText(c)} ${articleRef(r, c.articleId)}`).join('; ');
      const seen = new Set<string>();
      const ev = g.claims
        .filter((c) => !seen.has(`${c.articleId}:${c.sentence.start}`) && seen.add(`${c.articleId}:${c.sentence.start}`))
        .map((c) => `${articleRef(r, c.articleId)} “${mdEscape(c.sentence.text).slice(0, 200)}”`)
        .join(' ');
      out.push(`| ${mdEscape(g.measure)} | ${VERDICT_LABEL[g.verdict] ?? g.verdict} | ${figs} | ${g.independentSources.length}: ${g.independentSources.map((o) => mdEscape(originText(r, o))).join(', ')} | ${ev} |`);
    }
  }
  out.push('', '### Timeline', '');
  if (r.timeline.length === 0) out.push('_No dated events._');
  for (const e of r.timeline)
    out.push(`- **${e.approximate ? '≈ ' : ''}${mdEscape(e.when)}**${e.resolved ? '' : ' (unresolved)'}${e.approximate ? ' (approximate: the article is undated)' : ''}: ${mdEscape(e.what)} ${e.citations.map((c) => articleRef(r, c.articleId)).join('')}`);
  if (r.entities.length > 0) {
    out.push('', '### Who and what', '');
    out.push(r.entities.map((e) => `${mdEscape(e.name)} (${e.type}, ${e.count})`).join(' · '));
  }
  if (r.places.length > 0) {
    out.push('', '### Places', '');
    for (const p of r.places) out.push(`- ${mdEscape(placeText(p))} × ${p.count}`);
  }
  out.push('', '### Sources', '');
  r.articles.forEach((a, i) => {
    const bits = [a.title ? mdEscape(a.title) : mdEscape(a.id), a.source ? mdEscape(a.source) : null, articleDate(a), a.url ? `<${a.url.replace(/[<>\s]/g, '')}>` : null, a.duplicateOf ? `copy of ${articleRef(r, a.duplicateOf)}` : null];
    out.push(`${i + 1}. ${bits.filter(Boolean).join(' · ')}`);
  });
  return out.join('\n') + '\n';
}

/** The whole report as Markdown. */
export function toMarkdown(report: Report): string {
  const head = `# Triangulate report\n\n${report.stories.length} stor${report.stories.length === 1 ? 'y' : 'ies'}.\n`;
  return [head, ...report.stories.map(storyToMarkdown)].join('\n');
}
