/**
 * Sources: turns the inputs of `tri ingest` (paths, folders, "-", http(s) URLs) into RawDocuments,
 * one SourceItem per document or per failure, never throwing for bad data (CONVENTIONS 8).
 *
 * - Files by extension (.html .htm .txt .md .markdown .jsonl .ndjson .json .xml .rss .atom, any of
 *   them .gz) and by sniffing when the extension says nothing; folders recursively in sorted order,
 *   skipping hidden entries and README/LICENSE/CHANGELOG files; "-" reads stdin (JSONL, HTML, feed or
 *   text, sniffed); URLs are fetched with the safe Fetcher, and feeds (file or URL) expand to items.
 * - Bad input: missing paths, empty files (not_article), binary files (NUL bytes or a known magic
 *   number: failed "binary file (PDF document)"), files over the size cap (refused from their size
 *   without reading), invalid UTF-8 (see fetch/charset.ts: legacy bytes are read as windows-1252,
 *   damaged UTF-8 gets U+FFFD and a warning, hopeless input fails), JSONL lines that are not JSON or
 *   lack/mistype a field (failed "file:line: ..."), JSONL lines over the line cap (streamed, skipped).
 */
import { createReadStream, type Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { decodeBytes, DecodeError } from './fetch/charset.js';
import { HttpFetcher } from './fetch/http.js';
import { FetchError, type Fetcher, type FetchOptions, type FetchResult } from './fetch/types.js';
import { isJsonFeed, parseJsonFeed } from './feeds/jsonfeed.js';
import { FeedError, looksLikeFullArticle, normalizeFeedDate, parseFeed, sniffFeed, type Feed, type FeedItem } from './feeds/parse.js';
import type { RawDocument, RawKind, SourceItem, SourceOptions } from './types.js';

/** 20 MB: a long news article is under 200 kB of HTML; anything this big is not one article. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** 10 MB per JSONL line (one article with its HTML); JSONL files themselves are streamed, uncapped. */
export const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;
/** Feed item links fetched at once: enough to hide latency, few enough to be polite to one site. */
export const FEED_FETCH_CONCURRENCY = 4;
/** Bytes examined for NUL bytes when deciding whether a file is binary. */
const BINARY_SNIFF_BYTES = 8192;

export interface ReadSourcesOptions extends SourceOptions {
  stdin?: NodeJS.ReadableStream;
  /** Fetcher for URLs and feed links (default: HttpFetcher). */
  fetcher?: Fetcher;
  /** Limits for fetching (timeouts, size, redirects); allowPrivate comes from SourceOptions. */
  fetchOptions?: FetchOptions;
  maxFileBytes?: number;
  maxLineBytes?: number;
}

type FileKind = RawKind | 'jsonl' | 'json' | 'feed';

const EXTENSIONS: Record<string, FileKind> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
};

/** Files in folders that document the folder rather than hold an article. */
const DOC_FILE = /^(?:readme|license|licence|changelog|contributing|notice)(?:\.|$)/i;

/** Kind from a file name, or null when the extension says nothing. Example: "a.html.gz" -> {html, gz}. */
export function kindFromName(path: string): { kind: FileKind; gz: boolean } | null {
  const name = basename(path).toLowerCase();
  const gz = name.endsWith('.gz');
  const stem = gz ? name.slice(0, -3) : name;
  const dot = stem.lastIndexOf('.');
  const kind = dot > 0 ? EXTENSIONS[stem.slice(dot + 1)] : undefined;
  return kind === undefined ? null : { kind, gz };
}

const MAGIC: ReadonlyArray<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (or DOCX/EPUB)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF executable'],
  [[0x4d, 0x5a], 'Windows executable'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR archive'],
  [[0x42, 0x5a, 0x68], 'bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite database'],
  [[0x49, 0x44, 0x33], 'MP3 audio'],
  [[0x4f, 0x67, 0x67, 0x53], 'Ogg media'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'legacy Office document'],
];

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);
const isGzip = (b: Uint8Array): boolean => b[0] === 0x1f && b[1] === 0x8b;

/** Why bytes are not text ("binary file (PNG image)"), or null. UTF-16 with a BOM is text. */
export function binaryReason(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  for (const [sig, what] of MAGIC) if (bytes.length >= sig.length && startsWith(bytes, sig)) return `binary file (${what})`;
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary file (NUL bytes)';
  return null;
}

/** Kind of a decoded document whose name says nothing: feed, HTML, JSONL or text. */
export function sniffKind(text: string): FileKind {
  if (sniffFeed(text) !== null) return 'feed';
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('{')) return 'jsonl';
  if (head.startsWith('[')) return 'json';
  if (/^<(?:!doctype html|html|head|body|article|section|main|header|nav|div|span|p|h[1-6]|ul|ol|table|meta|link|title|script|style)[\s>]/.test(head) || head.startsWith('<!--')) return 'html';
  if (head.startsWith('<?xml') && /<html[\s>]/.test(head)) return 'html'; // XHTML
  if (head.startsWith('---\n') || head.startsWith('---\r\n') || head.startsWith('# ')) return 'markdown';
  return 'text';
}

const fail = (input: string, error: string, status: 'failed' | 'not_article' = 'failed'): SourceItem => ({ ok: false, input, status, error });
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Reads every input in order. Example: `readSources(['examples/'], {})` yields the articles of the
 * example folder (txt, html, each feed item) in sorted path order.
 */
export async function* readSources(inputs: string[], opts: ReadSourcesOptions & { stdin?: NodeJS.ReadableStream } = {}): AsyncGenerator<SourceItem> {
  const ctx = new Reader(opts);
  for (const input of inputs) {
    if (input === '-') yield* ctx.readStdin();
    else if (/^https?:\/\//i.test(input)) yield* ctx.readUrl(input);
    else yield* ctx.readPath(input);
  }
}

class Reader {
  private readonly maxFile: number;
  private readonly maxLine: number;
  private fetcherInstance: Fetcher | null;

  constructor(private readonly opts: ReadSourcesOptions) {
    this.maxFile = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.fetcherInstance = opts.fetcher ?? null;
  }

  private get fetcher(): Fetcher {
    this.fetcherInstance ??= new HttpFetcher();
    return this.fetcherInstance;
  }

  private fetchOpts(): FetchOptions {
    return { ...this.opts.fetchOptions, ...(this.opts.allowPrivate !== undefined ? { allowPrivate: this.opts.allowPrivate } : {}) };
  }

  async *readPath(path: string): AsyncGenerator<SourceItem> {
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield fail(path, code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code ?? message(err)}`);
      return;
    }
    if (st.isDirectory()) yield* this.readDir(path, new Set());
    else if (st.isFile()) yield* this.readFileAt(path, st.size, kindFromName(path));
    else yield fail(path, 'not a regular file or directory');
  }

  private async *readDir(dir: string, seen: Set<string>): AsyncGenerator<SourceItem> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      yield fail(dir, `cannot read directory: ${(err as NodeJS.ErrnoException).code ?? message(err)}`);
      return;
    }
    if (seen.has(real)) return; // symlink loop
    seen.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await stat(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          yield fail(path, 'broken symbolic link');
          continue;
        }
      }
      if (isDir) yield* this.readDir(path, seen);
      else if (isFile && !DOC_FILE.test(e.name)) {
        const kind = kindFromName(path);
        if (kind === null) continue; // images, scripts, ... are not documents; named explicitly they are sniffed
        let size: number;
        try {
          size = (await stat(path)).size;
        } catch (err) {
          yield fail(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? message(err)}`);
          continue;
        }
        yield* this.readFileAt(path, size, kind);
      }
    }
  }

  private async *readFileAt(path: string, size: number, named: { kind: FileKind; gz: boolean } | null): AsyncGenerator<SourceItem> {
    if (size === 0) {
      yield fail(path, 'empty file', 'not_article');
      return;
    }
    if (named?.kind === 'jsonl') {
      const stream = createReadStream(path);
      yield* this.readJsonlStream(path, named.gz ? stream.pipe(createGunzip()) : stream);
      return;
    }
    if (size > this.maxFile) {
      yield fail(path, `file too large: ${size} bytes (limit ${this.maxFile})`);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      yield fail(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? message(err)}`);
      return;
    }
    yield* this.readBytes(path, bytes, named?.kind ?? null);
  }

  /** A whole document's bytes (file, stdin): gunzip, binary check, decode, then by kind. */
  private async *readBytes(input: string, raw: Uint8Array, kind: FileKind | null): AsyncGenerator<SourceItem> {
    let bytes = raw;
    if (isGzip(bytes)) {
      try {
        bytes = gunzipSync(bytes, { maxOutputLength: this.maxFile });
      } catch (err) {
        const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
        yield fail(input, tooBig ? `decompressed size exceeds the ${this.maxFile}-byte limit` : `corrupt gzip data (${message(err)})`);
        return;
      }
    }
    const why = binaryReason(bytes);
    if (why !== null) {
      yield fail(input, why);
      return;
    }
    let text: string;
    let warnings: string[];
    try {
      const d = decodeBytes(bytes, { sniffDocument: kind === null || kind === 'html' || kind === 'feed' });
      text = d.text;
      warnings = d.warnings;
    } catch (err) {
      yield fail(input, err instanceof DecodeError ? err.message : `cannot decode: ${message(err)}`);
      return;
    }
    if (text.trim() === '') {
      yield fail(input, 'empty file', 'not_article');
      return;
    }
    yield* this.readText(input, text, kind ?? sniffKind(text), warnings);
  }

  private async *readText(input: string, text: string, kind: FileKind, warnings: string[], url?: string): AsyncGenerator<SourceItem> {
    const w = warnings.length > 0 ? { warnings } : {};
    const u = url !== undefined ? { url } : {};
    switch (kind) {
      case 'feed':
        // an .xml file that is an XHTML page rather than a feed
        if (sniffFeed(text) === null && sniffKind(text) === 'html') yield { ok: true, doc: { input, kind: 'html', body: text, ...u, ...w } };
        else yield* this.readFeed(input, text, warnings);
        return;
      case 'jsonl': {
        let n = 0;
        for (const line of text.split('\n')) {
          n++;
          if (line.trim() !== '') yield jsonlItem(input, n, line);
        }
        return;
      }
      case 'json': {
        let v: unknown;
        try {
          v = JSON.parse(text);
        } catch (err) {
          yield fail(input, `${input}: invalid JSON (${message(err)})`);
          return;
        }
        if (isJsonFeed(v)) yield* this.feedItems(input, parseJsonFeed(v), warnings);
        else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield articleFromJson(`${input}[${i}]`, v[i]);
        else yield articleFromJson(input, v);
        return;
      }
      default:
        yield { ok: true, doc: { input, kind, body: text, ...u, ...w } };
    }
  }

  async *readStdin(): AsyncGenerator<SourceItem> {
    const stdin = this.opts.stdin;
    if (stdin === undefined) {
      yield fail('stdin', 'no standard input available');
      return;
    }
    const it = (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
    const first = await it.next();
    if (first.done === true) {
      yield fail('stdin', 'empty input', 'not_article');
      return;
    }
    const head = toBuf(first.value);
    const rest: AsyncIterable<Buffer> = {
      [Symbol.asyncIterator]: async function* () {
        yield head;
        for (;;) {
          const r = await it.next();
          if (r.done === true) return;
          yield toBuf(r.value);
        }
      },
    };
    // JSONL is streamed line by line (no total cap); anything else is one document, capped.
    const firstChar = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()[0];
    if (firstChar === '{') {
      yield* this.readJsonlStream('stdin', rest);
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const c of rest) {
      total += c.length;
      if (total > this.maxFile) {
        yield fail('stdin', `input too large: over ${this.maxFile} bytes`);
        return;
      }
      chunks.push(c);
    }
    yield* this.readBytes('stdin', Buffer.concat(chunks), null);
  }

  private async *readJsonlStream(name: string, chunks: AsyncIterable<Buffer | string>): AsyncGenerator<SourceItem> {
    try {
      for await (const l of splitLines(chunks, this.maxLine)) {
        if (l.bytes === null) {
          yield fail(`${name}:${l.line}`, `${name}:${l.line}: line longer than ${this.maxLine} bytes; skipped`);
          continue;
        }
        let text: string;
        try {
          text = decodeBytes(l.bytes).text;
        } catch (err) {
          yield fail(`${name}:${l.line}`, `${name}:${l.line}: ${message(err)}`);
          continue;
        }
        if (text.trim() === '') continue;
        if (l.line === 1 && binaryReason(l.bytes) !== null) {
          yield fail(name, binaryReason(l.bytes) ?? 'binary file');
          return;
        }
        yield jsonlItem(name, l.line, text);
      }
    } catch (err) {
      yield fail(name, `read error: ${message(err)}`);
    }
  }

  async *readUrl(url: string): AsyncGenerator<SourceItem> {
    let res: FetchResult;
    try {
      res = await this.fetcher.fetch(url, this.fetchOpts());
    } catch (err) {
      yield fail(url, err instanceof FetchError ? err.message : `${url}: ${message(err)}`);
      return;
    }
    const media = res.mediaType ?? '';
    let kind: FileKind;
    if (/(?:rss|atom|rdf)\+xml$/.test(media) || ((media.endsWith('/xml') || media === '') && sniffFeed(res.body) !== null)) kind = 'feed';
    else if (media === 'application/feed+json') kind = 'json';
    else if (media.includes('json')) kind = res.body.trimStart().startsWith('[') || /^\s*\{\s*"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(res.body) ? 'json' : 'jsonl';
    else if (media === 'text/plain') kind = 'text';
    else if (media === 'text/markdown') kind = 'markdown';
    else if (media === '') kind = sniffKind(res.body);
    else kind = 'html';
    if (res.body.trim() === '') {
      yield fail(url, 'empty response', 'not_article');
      return;
    }
    yield* this.readText(url, res.body, kind, res.warnings, res.url);
  }

  private async *readFeed(input: string, text: string, warnings: string[]): AsyncGenerator<SourceItem> {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (err) {
      yield fail(input, err instanceof FeedError ? `${err.message}` : `cannot parse feed: ${message(err)}`);
      return;
    }
    yield* this.feedItems(input, feed, warnings);
  }

  private async *feedItems(input: string, feed: Feed, warnings: string[]): AsyncGenerator<SourceItem> {
    const feedWarnings = [...warnings, ...feed.warnings];
    if (feed.items.length === 0) {
      yield fail(input, 'feed has no items', 'not_article');
      return;
    }
    // Items whose links must be fetched are fetched FEED_FETCH_CONCURRENCY at a time, in order.
    const pending: Array<Promise<SourceItem>> = [];
    for (let i = 0; i < feed.items.length; i++) {
      pending.push(this.feedItem(`${input}#${i + 1}`, feed.items[i] as FeedItem, feedWarnings));
      if (pending.length >= FEED_FETCH_CONCURRENCY) yield await (pending.shift() as Promise<SourceItem>);
    }
    for (const p of pending) yield await p;
  }

  /** A feed item as a document: its content when it is a full article, else its link fetched. */
  private async feedItem(input: string, item: FeedItem, warnings: string[]): Promise<SourceItem> {
    const meta: RawDocument['meta'] = {
      ...(item.title !== null ? { title: plainTitle(item.title) } : {}),
      ...(item.published !== null ? { published: item.published } : {}),
      ...(item.author !== null ? { byline: item.author } : {}),
      ...(item.source !== null ? { source: item.source } : {}),
      ...(item.link !== null ? { url: item.link } : {}),
    };
    const inline = item.content ?? item.summary;
    const useInline = inline !== null && looksLikeFullArticle(item) && !(this.opts.fetchFeedLinks === true && item.link !== null);
    const w = (extra: string[] = []): { warnings?: string[] } => (warnings.length + extra.length > 0 ? { warnings: [...warnings, ...extra] } : {});
    if (!useInline && item.link !== null && /^https?:\/\//i.test(item.link)) {
      try {
        const res = await this.fetcher.fetch(item.link, this.fetchOpts());
        const kind: RawKind = res.mediaType === 'text/plain' ? 'text' : res.mediaType === 'text/markdown' ? 'markdown' : 'html';
        return { ok: true, doc: { input, kind, body: res.body, url: res.url, meta, ...w(res.warnings) } };
      } catch (err) {
        if (inline === null) return fail(input, `item link: ${message(err)}`);
        return { ok: true, doc: { input, kind: 'html', body: feedItemPage(inline, item.title), url: item.link, meta, ...w([`item link not fetched (${message(err)}); used the feed's content`]) } };
      }
    }
    if (inline === null) return fail(input, 'feed item has no content and no fetchable link', 'not_article');
    return { ok: true, doc: { input, kind: 'html', body: feedItemPage(inline, item.title), ...(item.link !== null ? { url: item.link } : {}), meta, ...w() } };
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A feed item's HTML fragment as a page whose main text is the fragment (the HTML parser expects pages). */
export function feedItemPage(fragment: string, title: string | null): string {
  const t = title === null ? '' : `<title>${escapeHtml(plainTitle(title))}</title>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${t}</head><body><article>${fragment}</article></body></html>`;
}

/** A feed title may carry HTML (Atom type="html"); the article title is its text. */
function plainTitle(s: string): string {
  return s.includes('<') ? s.replace(/<[^<>]*>/g, '').trim() : s;
}

function toBuf(v: Buffer | string): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

/**
 * Splits a byte stream into lines (LF or CRLF) without ever holding more than `maxLine` bytes of
 * one line: an overlong line is reported with `bytes: null` and its bytes are dropped as they come.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>, maxLine: number): AsyncGenerator<{ line: number; bytes: Buffer | null }> {
  let parts: Buffer[] = [];
  let len = 0;
  let overflow = false;
  let line = 0;
  const flush = (): { line: number; bytes: Buffer | null } => {
    line++;
    let bytes: Buffer | null = overflow ? null : Buffer.concat(parts, len);
    if (bytes !== null && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    parts = [];
    len = 0;
    overflow = false;
    return { line, bytes };
  };
  for await (const c of chunks) {
    const chunk = toBuf(c);
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!overflow) {
        if (len + (end - start) > maxLine) {
          overflow = true;
          parts = [];
          len = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          len += end - start;
        }
      }
      if (nl < 0) break;
      yield flush();
      start = nl + 1;
    }
  }
  if (len > 0 || overflow) yield flush();
}

const STRING_FIELDS = ['url', 'title', 'published', 'source', 'lang', 'byline', 'author'] as const;

/** One JSONL line -> a document or a failure naming `file:line` and the field. */
function jsonlItem(name: string, line: number, text: string): SourceItem {
  const input = `${name}:${line}`;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return fail(input, `${input}: invalid JSON (${message(err)})`);
  }
  return articleFromJson(input, v);
}

/**
 * A JSON article object -> a document. Fields: `id?` (string or number), `url?`, `title?`,
 * `text` or `html`, `published?` (a date), `source?`, `lang?`, `byline?`/`author?`.
 * Example: {"id":"a1","text":"Water rose.","published":"2030-08-13"} -> structured document.
 */
export function articleFromJson(input: string, v: unknown): SourceItem {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return fail(input, `${input}: expected a JSON object, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`);
  }
  const o = v as Record<string, unknown>;
  for (const f of [...STRING_FIELDS, 'text', 'html'] as const) {
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string') {
      return fail(input, `${input}: field "${f}" must be a string, got ${Array.isArray(o[f]) ? 'an array' : typeof o[f]}`);
    }
  }
  if (o.id !== undefined && o.id !== null && typeof o.id !== 'string' && typeof o.id !== 'number') {
    return fail(input, `${input}: field "id" must be a string or number, got ${typeof o.id}`);
  }
  const text = typeof o.text === 'string' ? o.text : null;
  const html = typeof o.html === 'string' ? o.html : null;
  if (text === null && html === null) return fail(input, `${input}: missing field "text" (or "html")`);
  if ((text ?? html ?? '').trim() === '') return fail(input, `${input}: field "${text !== null ? 'text' : 'html'}" is empty`, 'not_article');
  const str = (k: (typeof STRING_FIELDS)[number]): string | null => (typeof o[k] === 'string' && (o[k] as string).trim() !== '' ? (o[k] as string).trim() : null);
  let published: string | null = null;
  const rawDate = str('published');
  if (rawDate !== null) {
    published = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(rawDate) ? rawDate.replace(' ', 'T') : normalizeFeedDate(rawDate);
    if (published === null) return fail(input, `${input}: field "published" is not a date: ${JSON.stringify(rawDate)}`);
  }
  const url = str('url');
  if (url !== null) {
    try {
      new URL(url);
    } catch {
      return fail(input, `${input}: field "url" is not an absolute URL: ${JSON.stringify(url)}`);
    }
  }
  const title = str('title');
  const source = str('source');
  const lang = str('lang');
  const byline = str('byline') ?? str('author');
  const meta: RawDocument['meta'] = {
    ...(o.id !== undefined && o.id !== null ? { externalId: String(o.id) } : {}),
    ...(title !== null ? { title } : {}),
    ...(published !== null ? { published } : {}),
    ...(source !== null ? { source } : {}),
    ...(lang !== null ? { lang } : {}),
    ...(byline !== null ? { byline } : {}),
    ...(url !== null ? { url } : {}),
  };
  const doc: RawDocument = text !== null ? { input, kind: 'structured', body: text, meta } : { input, kind: 'html', body: html ?? '', meta };
  if (url !== null) doc.url = url;
  return { ok: true, doc };
}
