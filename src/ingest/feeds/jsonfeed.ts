/**
 * JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) -> the same Feed shape as RSS/Atom.
 * Example: {"version":"https://jsonfeed.org/version/1.1","title":"Courier","items":[{"id":"1",
 * "url":"https://courier.example/a","title":"Levee holds","content_html":"<p>...</p>"}]} -> one item.
 */
import { FeedError, normalizeFeedDate, type Feed, type FeedItem } from './parse.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** True when a parsed JSON value is a JSON Feed. */
export function isJsonFeed(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.version === 'string' && o.version.startsWith('https://jsonfeed.org/version/') && Array.isArray(o.items);
}

/** Converts a parsed JSON Feed; throws FeedError when it is not one. Items that are not objects are skipped with a warning. */
export function parseJsonFeed(v: unknown): Feed {
  if (!isJsonFeed(v)) throw new FeedError('not a JSON Feed: no "version" of https://jsonfeed.org/version/... with "items"');
  const o = v as Record<string, unknown>;
  const title = str(o.title);
  const warnings: string[] = [];
  const items: FeedItem[] = [];
  for (const [i, raw] of (o.items as unknown[]).entries()) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      warnings.push(`item ${i + 1} is not an object; skipped`);
      continue;
    }
    const it = raw as Record<string, unknown>;
    const authors = Array.isArray(it.authors) ? it.authors : it.author !== undefined ? [it.author] : [];
    const names = authors.map((a) => (a !== null && typeof a === 'object' ? str((a as Record<string, unknown>).name) : null)).filter((n): n is string => n !== null);
    const text = str(it.content_text);
    items.push({
      title: str(it.title),
      link: str(it.url) ?? str(it.external_url),
      guid: str(it.id) ?? (typeof it.id === 'number' ? String(it.id) : null),
      published: normalizeFeedDate(str(it.date_published) ?? str(it.date_modified)),
      author: names.length > 0 ? names.join(', ') : null,
      content: str(it.content_html) ?? (text !== null ? text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('') : null),
      summary: str(it.summary),
      source: title,
    });
  }
  return { kind: 'json', title, link: str(o.home_page_url), items, warnings };
}
