/** Plain-text pieces the Markdown and HTML reports share (each escapes them for its own format). */
import type { ClaimGroup } from '../types.js';
import type { ReportArticle, ReportPlace, StoryReport } from './types.js';

/** A claim's figure as read: "≥ 20 mi", "~300 km", "80–100", "+5 %". */
export function figureText(c: ClaimGroup['claims'][number]): string {
  const v = Array.isArray(c.value) ? `${c.value[0]}–${c.value[1]}` : String(c.value);
  const q = c.qualifier === '>' ? '≥ ' : c.qualifier === '<' ? '≤ ' : c.qualifier === '~' ? '~' : c.qualifier === 'up' ? '+' : c.qualifier === 'down' ? '−' : '';
  return `${q}${v}${c.unit ? ' ' + c.unit : ''}`;
}

/** "2031-05-04" or "2031-05-04 – 2031-05-06" (days only). */
export function dateRange(first: string, last: string | null): string {
  const a = first.slice(0, 10);
  const b = last ? last.slice(0, 10) : a;
  return b === a ? a : `${a} – ${b}`;
}

/**
 * The story's dates for its heading: "2031-05-04 – 2031-05-06", "... (dates inferred from the text)", or,
 * when no article is dated, the ingestion date said as such (it is not when the events happened).
 */
export function storyDates(r: StoryReport): string | null {
  if (!r.story.firstSeen) return null;
  if (r.undated) return `no article is dated (first ingested ${r.story.firstSeen.slice(0, 10)})`;
  return `${dateRange(r.story.firstSeen, r.story.lastSeen)}${r.datesInferred ? ' (dates inferred from the text)' : ''}`;
}

/** An article's date for a source list: "2031-05-04", "2031-05-04 (inferred)", "about 2031-05-04 (from its story)" or null. */
export function articleDate(a: ReportArticle): string | null {
  if (!a.published) return null;
  const day = a.published.slice(0, 10);
  if (a.publishedFromStory) return `about ${day} (from its story)`;
  return `${day}${a.publishedInferred ? ' (inferred)' : ''}`;
}

/** "Kursk, RU (admin1) 51.737, 36.187": a place with its country, precision and coordinates. */
export function placeText(p: ReportPlace): string {
  return `${p.name}${p.country ? ', ' + p.country : ''}${p.precision ? ` (${p.precision})` : ''} ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`;
}

/**
 * An independent origin as read: outlets and people stay as named; an article without an outlet
 * ("article:ID") becomes its number in the story's source list, "article [2]".
 */
export function originText(r: StoryReport, origin: string): string {
  if (!origin.startsWith('article:')) return origin;
  const i = r.articles.findIndex((a) => a.id === origin.slice('article:'.length));
  return i >= 0 ? `article [${i + 1}]` : origin;
}
