/**
 * One raw document -> one ParsedArticle: HTML goes to parseHtml, plain text and Markdown to
 * parseText, structured (JSONL/JSON `text`) to parseText with its metadata. Metadata supplied with
 * the document (JSONL fields, feed item fields) wins over what the parser found, and a supplied
 * `published` is marked `publishedFrom: "given"`. Never throws for bad data: a parser crash becomes
 * status "failed" naming the input (CONVENTIONS 8).
 */
import type { ParsedArticle } from '../types.js';
import { parseHtml } from './article/html.js';
import { parseText } from './article/text.js';
import type { RawDocument } from './types.js';

type Meta = NonNullable<RawDocument['meta']>;

/** Supplied metadata over parsed values, field by field (a supplied null/absent field keeps the parsed one). */
function mergeMeta(a: ParsedArticle, meta: Meta | undefined, url: string | undefined): ParsedArticle {
  const out: ParsedArticle = { ...a };
  if (meta !== undefined) {
    if (meta.title) out.title = meta.title;
    if (meta.byline) out.byline = meta.byline;
    if (meta.source) out.source = meta.source;
    if (meta.lang) out.lang = meta.lang;
    if (meta.url) out.url = meta.url;
    if (meta.published) {
      out.published = meta.published;
      out.publishedFrom = 'given';
    }
    if (meta.externalId !== undefined) out.externalId = meta.externalId;
  }
  if (out.url === null && url !== undefined) out.url = url;
  return out;
}

/**
 * Parses a raw document. Example: `parseDocument({ input: 'a.txt', kind: 'text', body: 'Dam holds\n\nWater
 * levels fell on Monday.' })` -> { status: 'ok', title: 'Dam holds', text: 'Water levels fell on Monday.', ... }.
 */
export function parseDocument(doc: RawDocument): ParsedArticle {
  try {
    let parsed: ParsedArticle;
    switch (doc.kind) {
      case 'html':
        parsed = parseHtml(doc.body, doc.input, { ...(doc.url !== undefined ? { url: doc.url } : {}), ...(doc.meta !== undefined ? { meta: doc.meta } : {}) });
        break;
      case 'markdown':
      case 'text':
        parsed = parseText(doc.body, doc.input, { markdown: doc.kind === 'markdown', ...(doc.url !== undefined ? { url: doc.url } : {}), ...(doc.meta !== undefined ? { meta: doc.meta } : {}) });
        break;
      case 'structured':
        // The text is the article body as given: no title line or byline is taken out of it.
        parsed = parseText(doc.body, doc.input, { markdown: false, structured: true, ...(doc.url !== undefined ? { url: doc.url } : {}), ...(doc.meta !== undefined ? { meta: doc.meta } : {}) });
        break;
      default: {
        const kind: never = doc.kind;
        throw new Error(`ingest/parse: unknown document kind ${JSON.stringify(kind)} for ${doc.input}`);
      }
    }
    return mergeMeta(parsed, doc.meta, doc.url);
  } catch (err) {
    return {
      input: doc.input,
      status: 'failed',
      error: `${doc.input}: parser error: ${err instanceof Error ? err.message : String(err)}`,
      title: doc.meta?.title ?? null,
      byline: doc.meta?.byline ?? null,
      published: doc.meta?.published ?? null,
      source: doc.meta?.source ?? null,
      url: doc.meta?.url ?? doc.url ?? null,
      lang: doc.meta?.lang ?? null,
      text: '',
    };
  }
}
