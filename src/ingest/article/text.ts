/**
 * Plain text and Markdown articles: title, outlet, dateline. (Minimal first version; the ingest
 * sources work extends it: front matter, signature lines, datelines.)
 */
import type { ParsedArticle } from '../../types.js';

export interface TextParseOptions {
  markdown: boolean;
  url?: string;
  meta?: Partial<ParsedArticle>;
}

/** Parses a plain-text or Markdown article. Example: "Title\n\nBody..." -> title "Title". */
export function parseText(body: string, input: string, opts: TextParseOptions): ParsedArticle {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const firstLine = text.split('\n', 1)[0] ?? '';
  return {
    input,
    status: text === '' ? 'not_article' : 'ok',
    ...(text === '' ? { error: 'empty document' } : {}),
    title: opts.meta?.title ?? (firstLine.length > 0 && firstLine.length < 200 ? firstLine.replace(/^#+\s*/, '') : null),
    byline: opts.meta?.byline ?? null,
    published: opts.meta?.published ?? null,
    source: opts.meta?.source ?? null,
    url: opts.meta?.url ?? opts.url ?? null,
    lang: opts.meta?.lang ?? null,
    text,
  };
}
