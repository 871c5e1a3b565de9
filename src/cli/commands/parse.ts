/**
 * `tri parse FILE... [--jsonl]`: documents (.html, .htm, .html.gz, .txt, .md) -> articles without a
 * store. With --jsonl one DESIGN.md line per input:
 * {"input","status","error"?,"title","byline","published","source","url","lang","text"};
 * otherwise a readable summary per file. A file that cannot be read or parsed gets status "failed"
 * with the reason and the batch goes on.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname } from 'node:path';
import type { ParsedArticle } from '../../types.js';
import { parseHtml, decodeHtml } from '../../ingest/article/html.js';
import { parseText } from '../../ingest/article/text.js';
import { jsonLine, parseCommandArgs, UsageError, type CliIO } from '../io.js';

export const summary = 'turn documents into articles without storing them';

const USAGE = 'usage: tri parse FILE... [--jsonl]\n  FILE: .html, .htm, .html.gz, .txt, .md (gzip also for .htm.gz, .txt.gz, .md.gz)\n';

type Kind = 'html' | 'text' | 'markdown';

/** Largest decompressed .gz accepted (a gzip bomb fails with a reason instead of exhausting memory). */
const MAX_GUNZIP_BYTES = 256 * 1024 * 1024;

/** The document kind from a file name, gzip suffix aside; null when unsupported. */
export function kindOf(path: string): { kind: Kind; gz: boolean } | null {
  const lower = path.toLowerCase();
  const gz = lower.endsWith('.gz');
  const ext = extname(gz ? lower.slice(0, -3) : lower);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return { kind: 'html', gz };
  if (ext === '.txt' || ext === '.text') return { kind: 'text', gz };
  if (ext === '.md' || ext === '.markdown') return { kind: 'markdown', gz };
  return null;
}

function failed(input: string, error: string): ParsedArticle {
  return { input, status: 'failed', error, title: null, byline: null, published: null, source: null, url: null, lang: null, text: '' };
}

/** Looks like binary data: NUL bytes in the first kilobytes (text and HTML never have them). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Parses one file; never throws (the reason goes into `error`). */
export async function parseFile(path: string, maxGunzipBytes = MAX_GUNZIP_BYTES): Promise<ParsedArticle> {
  const k = kindOf(path);
  if (k === null) return failed(path, `unsupported file type "${extname(path) || path}" (expected .html, .htm, .html.gz, .txt, .md)`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return failed(path, code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (k.gz) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxGunzipBytes });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return failed(path, `gzip expands beyond ${maxGunzipBytes} bytes`);
      return failed(path, `not valid gzip: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (bytes.length === 0) return { ...failed(path, 'empty file'), status: 'not_article' };
  if (looksBinary(bytes)) return failed(path, 'binary data, not a text document');
  try {
    const { text } = decodeHtml(bytes);
    if (k.kind === 'html') return parseHtml(text, path);
    return parseText(text, path, { markdown: k.kind === 'markdown' });
  } catch (err) {
    return failed(path, `parse error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The DESIGN.md line, fields in the documented order. */
export function toLine(a: ParsedArticle): Record<string, unknown> {
  return {
    input: a.input,
    status: a.status,
    ...(a.error !== undefined ? { error: a.error } : {}),
    title: a.title,
    byline: a.byline,
    published: a.published,
    source: a.source,
    url: a.url,
    lang: a.lang,
    text: a.text,
  };
}

function human(a: ParsedArticle): string {
  const words = a.text === '' ? 0 : a.text.split(/\s+/).length;
  const lines = [`${a.input}: ${a.status}${a.error !== undefined ? ` (${a.error})` : ''}`];
  const field = (k: string, v: string | null): void => {
    if (v !== null && v !== '') lines.push(`  ${k.padEnd(9)} ${v}`);
  };
  field('title', a.title);
  field('byline', a.byline);
  field('published', a.published);
  field('source', a.source);
  field('url', a.url);
  field('lang', a.lang);
  if (a.text !== '') {
    const first = a.text.split('\n', 1)[0] ?? '';
    lines.push(`  text      ${words} words, ${a.text.split('\n\n').length} paragraphs: ${first.length > 100 ? `${first.slice(0, 100)}…` : first}`);
  }
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { jsonl: { type: 'boolean' }, help: { type: 'boolean' } });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('no input files (usage: tri parse FILE... [--jsonl])');
  let bad = 0;
  for (const path of positionals) {
    const a = await parseFile(path);
    if (a.status === 'failed') {
      bad++;
      if (!values.jsonl) io.err(`tri parse: ${path}: ${a.error ?? 'failed'}\n`);
    }
    io.out(values.jsonl ? jsonLine(toLine(a)) : human(a));
  }
  if (bad === positionals.length) return 3;
  return bad > 0 ? 1 : 0;
}
