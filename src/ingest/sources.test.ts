/** readSources: every input shape and every kind of bad input, on invented files written to a temp dir. */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayFetcher, type ReplayEntry } from './fetch/replay.js';
import { binaryReason, kindFromName, readSources, sniffKind, splitLines, type ReadSourcesOptions } from './sources.js';
import type { SourceItem } from './types.js';

let dir = '';
const p = (...parts: string[]): string => join(dir, ...parts);
const put = (name: string, body: string | Uint8Array): string => {
  writeFileSync(p(name), body);
  return p(name);
};
async function all(inputs: string[], opts: ReadSourcesOptions = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const it of readSources(inputs, opts)) out.push(it);
  return out;
}
const brief = (it: SourceItem): string => (it.ok ? `ok ${it.doc.kind} ${it.doc.input.replace(dir, '')}` : `${it.status} ${it.input.replace(dir, '')}: ${it.error.replace(dir, '')}`);

const ARTICLE = 'Water levels at the Tallis reservoir fell on Wednesday after engineers opened two spillway gates.';
const LONG_HTML = `<p>${'The valley authority said the levee would be repaired within weeks. '.repeat(30)}</p>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tri-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kinds', () => {
  it.each([
    ['a.html', 'html', false],
    ['a.HTM', 'html', false],
    ['a.html.gz', 'html', true],
    ['notes.txt', 'text', false],
    ['n.md', 'markdown', false],
    ['n.markdown', 'markdown', false],
    ['d.jsonl', 'jsonl', false],
    ['d.json', 'json', false],
    ['f.xml', 'feed', false],
    ['f.rss', 'feed', false],
    ['f.atom', 'feed', false],
  ])('kindFromName(%s) = %s', (name, kind, gz) => {
    expect(kindFromName(name)).toEqual({ kind, gz });
  });
  it.each(['photo.png', 'Makefile', '.bashrc'])('kindFromName(%s) = null', (name) => {
    expect(kindFromName(name)).toBeNull();
  });
  it.each([
    ['<?xml version="1.0"?><rss version="2.0">', 'feed'],
    ['<!DOCTYPE html><html>', 'html'],
    ['  <p>para</p>', 'html'],
    ['<section class="story"><h2>x</h2>', 'html'],
    ['<h1>Headline</h1>', 'html'],
    ['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
    ['{"text":"x"}\n', 'jsonl'],
    ['[{"text":"x"}]', 'json'],
    ['---\ntitle: x\n---\n', 'markdown'],
    ['Plain words about a flood.', 'text'],
    ['<3 is a heart, not markup', 'text'],
  ])('sniffKind(%j) = %s', (doc, kind) => {
    expect(sniffKind(doc)).toBe(kind);
  });
  it.each([
    ['<'.repeat(100_000)],
    ['<?'.repeat(50_000)],
    ['<!--'.repeat(30_000)],
    ['{'.repeat(100_000)],
  ])('sniffKind finishes on adversarial input (%#)', (doc) => {
    expect(typeof sniffKind(doc)).toBe('string');
  });
  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'binary file (PDF document)'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d], 'binary file (PNG image)'],
    [[0x41, 0x42, 0x00, 0x43], 'binary file (NUL bytes)'],
    [[0xff, 0xfe, 0x41, 0x00], null],
    [[0x41, 0x42, 0x43], null],
  ])('binaryReason(%j) = %s', (bytes, want) => {
    expect(binaryReason(new Uint8Array(bytes))).toBe(want);
  });
});

describe('files and folders', () => {
  it('walks a folder recursively in sorted order, skipping hidden entries, README and unknown types', async () => {
    mkdirSync(p('corpus/sub'), { recursive: true });
    mkdirSync(p('corpus/.git'), { recursive: true });
    writeFileSync(p('corpus/b.txt'), ARTICLE);
    writeFileSync(p('corpus/a.html'), `<html><body>${LONG_HTML}</body></html>`);
    writeFileSync(p('corpus/sub/c.md'), `# Heading\n\n${ARTICLE}`);
    writeFileSync(p('corpus/.hidden.txt'), ARTICLE);
    writeFileSync(p('corpus/.git/x.txt'), ARTICLE);
    writeFileSync(p('corpus/README.md'), 'About this folder');
    writeFileSync(p('corpus/photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(p('corpus/d.html.gz'), gzipSync(`<html><body>${LONG_HTML}</body></html>`));
    const items = await all([p('corpus')]);
    expect(items.map(brief)).toEqual(['ok html /corpus/a.html', 'ok text /corpus/b.txt', 'ok html /corpus/d.html.gz', 'ok markdown /corpus/sub/c.md']);
    const gz = items[2];
    expect(gz?.ok && gz.doc.body).toContain('levee would be repaired');
  });
  it('a symbolic-link loop is walked once; a broken link is reported', async () => {
    mkdirSync(p('loop/inner'), { recursive: true });
    writeFileSync(p('loop/inner/a.txt'), ARTICLE);
    symlinkSync(p('loop'), p('loop/inner/back'));
    symlinkSync(p('loop/missing.txt'), p('loop/inner/dead.txt'));
    expect((await all([p('loop')])).map(brief)).toEqual(['ok text /loop/inner/a.txt', 'failed /loop/inner/dead.txt: broken symbolic link']);
  });
  it('gzip: .jsonl.gz is streamed, .txt.gz and gzip without a .gz name are decompressed', async () => {
    const jl = put('b.jsonl.gz', gzipSync(`${JSON.stringify({ text: ARTICLE })}\n${JSON.stringify({ text: ARTICLE })}\n`));
    const txt = put('c.txt.gz', gzipSync(ARTICLE));
    const hidden = put('d.html', gzipSync(`<html><body>${LONG_HTML}</body></html>`));
    const corrupt = put('e.txt.gz', new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    const items = await all([jl, txt, hidden, corrupt]);
    expect(items.map(brief)).toEqual(['ok structured /b.jsonl.gz:1', 'ok structured /b.jsonl.gz:2', 'ok text /c.txt.gz', 'ok html /d.html', expect.stringMatching(/^failed \/e\.txt\.gz: corrupt gzip data/)]);
    expect(items[2]?.ok && items[2].doc.body).toBe(ARTICLE);
  });
  it('a path that does not exist fails and the batch goes on', async () => {
    const ok = put('ok.txt', ARTICLE);
    expect((await all([p('nope.txt'), ok])).map(brief)).toEqual(['failed /nope.txt: no such file or directory', 'ok text /ok.txt']);
  });
  it('an empty file and a whitespace-only file are not articles', async () => {
    expect((await all([put('empty.txt', ''), put('blank.md', ' \n\n\t\n')])).map(brief)).toEqual(['not_article /empty.txt: empty file', 'not_article /blank.md: empty file']);
  });
  it('binary files fail as "binary file", by magic number or NUL bytes, whatever their extension', async () => {
    const items = await all([put('report.html', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34])), put('dump.txt', new Uint8Array([0x68, 0x69, 0x00, 0x00, 0x01]))]);
    expect(items.map(brief)).toEqual(['failed /report.html: binary file (PDF document)', 'failed /dump.txt: binary file (NUL bytes)']);
  });
  it('an explicitly named file with an unknown extension is sniffed', async () => {
    const items = await all([put('story.article', `<!DOCTYPE html><html><body>${LONG_HTML}</body></html>`), put('notes', ARTICLE)]);
    expect(items.map(brief)).toEqual(['ok html /story.article', 'ok text /notes']);
  });

  describe('encodings (documented choice: decode, warn, refuse only hopeless input)', () => {
    it('legacy windows-1252 text without a declaration is decoded as windows-1252 with a warning', async () => {
      const bytes = new Uint8Array([...Buffer.from('The mayor said: '), 0x93, ...Buffer.from('We rebuild'), 0x94, ...Buffer.from(' in Mal'), 0xe9, ...Buffer.from('ga.')]);
      const [it0] = await all([put('legacy.txt', bytes)]);
      expect(it0?.ok && it0.doc.body).toBe('The mayor said: “We rebuild” in Malėga.'.replace('ė', 'é'));
      expect(it0?.ok && it0.doc.warnings?.[0]).toMatch(/windows-1252/);
    });
    it('an HTML file declaring windows-1252 in <meta> is decoded by it', async () => {
      const bytes = new Uint8Array([...Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), 0x96, ...Buffer.from(' caf'), 0xe9, ...Buffer.from('</p></body></html>')]);
      const [it0] = await all([put('w.html', bytes)]);
      expect(it0?.ok && it0.doc.body).toContain('– café');
      expect(it0?.ok && it0.doc.warnings).toBeUndefined();
    });
    it('UTF-8 with a damaged byte is decoded with U+FFFD and says so', async () => {
      const [it0] = await all([put('damaged.txt', new Uint8Array([...Buffer.from(`Zürich ${ARTICLE} `), 0xc3, 0x28, ...Buffer.from(' end')]))]);
      expect(it0?.ok && it0.doc.body).toContain('\uFFFD( end');
      expect(it0?.ok && it0.doc.warnings?.[0]).toMatch(/invalid UTF-8: 1 byte/);
    });
    it('mostly undecodable UTF-8 fails clearly', async () => {
      const junk = new Uint8Array([0xc3, 0xa9, ...Array.from({ length: 300 }, (_, i) => (i % 2 ? 0x41 : 0xc3))]);
      expect((await all([put('junk.txt', junk)])).map(brief)).toEqual([expect.stringMatching(/^failed \/junk\.txt: invalid UTF-8: \d+ of \d+ bytes/)]);
    });
    it('UTF-16 with a BOM is text, not binary', async () => {
      const [it0] = await all([put('u16.txt', new Uint8Array([0xff, 0xfe, ...Buffer.from(ARTICLE, 'utf16le')]))]);
      expect(it0?.ok && it0.doc.body).toBe(ARTICLE);
    });
  });

  describe('size caps (50 MB single-line files generated here, never committed)', () => {
    const FIFTY_MB = 50 * 1024 * 1024;
    async function bigLine(name: string, prefix: string, suffix: string): Promise<string> {
      const out = createWriteStream(p(name));
      out.write(prefix);
      const chunk = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 50; i++) if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      out.end(suffix);
      await finished(out);
      return p(name);
    }
    it('a 50 MB single-line text file is refused from its size, without reading it', async () => {
      const f = await bigLine('huge.txt', '', '');
      expect((await all([f])).map(brief)).toEqual([`failed /huge.txt: file too large: ${FIFTY_MB} bytes (limit ${20 * 1024 * 1024})`]);
    });
    it('a 50 MB JSONL line is skipped while streaming; the next line is read', async () => {
      const f = await bigLine('huge.jsonl', '{"text":"', `"}\n{"id":"after","text":"${ARTICLE}"}\n`);
      const items = await all([f]);
      expect(items.map(brief)).toEqual([`failed /huge.jsonl:1: ${f}:1: line longer than ${10 * 1024 * 1024} bytes; skipped`.replace(dir, ''), 'ok structured /huge.jsonl:2']);
    });
    it('a gzip bomb stops at the size cap', async () => {
      const f = put('bomb.html.gz', gzipSync(Buffer.alloc(3_000_000, 0x20)));
      expect((await all([f], { maxFileBytes: 1_000_000 })).map(brief)).toEqual(['failed /bomb.html.gz: decompressed size exceeds the 1000000-byte limit']);
    });
  });
});

describe('JSONL and JSON', () => {
  it('one article per line; each bad line names file:line and the field; the batch goes on', async () => {
    const lines = [
      JSON.stringify({ id: 'a1', title: 'Levee breach', text: ARTICLE, published: '2030-08-13', source: 'Northern Wire', lang: 'en', url: 'https://wire.example/a1' }),
      '',
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'a3', title: 'No body' }),
      JSON.stringify({ id: 'a4', text: ARTICLE, title: 42 }),
      JSON.stringify({ id: 'a5', text: ARTICLE, published: 'last Tuesday' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ id: 7, html: `<html><body>${LONG_HTML}</body></html>`, published: 'Tue, 13 Aug 2030 10:00:00 GMT' }),
      JSON.stringify({ id: 'a9', text: '   ' }),
      JSON.stringify({ id: 'a10', text: ARTICLE, url: 'not a url' }),
    ];
    const f = put('batch.jsonl', `${lines.join('\n')}\n`);
    const items = await all([f]);
    expect(items.map(brief)).toEqual([
      'ok structured /batch.jsonl:1',
      expect.stringMatching(/^failed \/batch\.jsonl:3: .*batch\.jsonl:3: invalid JSON/),
      'failed /batch.jsonl:4: /batch.jsonl:4: missing field "text" (or "html")',
      'failed /batch.jsonl:5: /batch.jsonl:5: field "title" must be a string, got number',
      'failed /batch.jsonl:6: /batch.jsonl:6: field "published" is not a date: "last Tuesday"',
      'failed /batch.jsonl:7: /batch.jsonl:7: expected a JSON object, got an array',
      'ok html /batch.jsonl:8',
      'not_article /batch.jsonl:9: /batch.jsonl:9: field "text" is empty',
      'failed /batch.jsonl:10: /batch.jsonl:10: field "url" is not an absolute URL: "not a url"',
    ]);
    const first = items[0];
    expect(first?.ok && first.doc).toEqual({
      input: `${f}:1`,
      kind: 'structured',
      body: ARTICLE,
      url: 'https://wire.example/a1',
      meta: { externalId: 'a1', title: 'Levee breach', published: '2030-08-13', source: 'Northern Wire', lang: 'en', url: 'https://wire.example/a1' },
    });
    const html = items[6];
    expect(html?.ok && html.doc.meta).toEqual({ externalId: '7', published: '2030-08-13T10:00:00.000Z' });
  });
  it('a .json file holds one article or an array of them', async () => {
    const one = put('one.json', JSON.stringify({ text: ARTICLE }));
    const many = put('many.json', JSON.stringify([{ text: ARTICLE }, { nope: 1 }]));
    expect((await all([one, many])).map(brief)).toEqual(['ok structured /one.json', 'ok structured /many.json[0]', 'failed /many.json[1]: /many.json[1]: missing field "text" (or "html")']);
  });
  it('a .json file holding a JSON Feed expands to its items', async () => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Harbour Courier', items: [{ id: 'j1', title: 'Full', content_html: LONG_HTML, date_published: '2030-08-16' }] };
    const items = await all([put('feed.json', JSON.stringify(feed))]);
    expect(items.map(brief)).toEqual(['ok html /feed.json#1']);
    expect(items[0]?.ok && items[0].doc.meta).toEqual({ title: 'Full', published: '2030-08-16', source: 'Harbour Courier' });
  });
  it('splitLines handles CRLF, chunk boundaries and a missing final newline', async () => {
    const chunks = [Buffer.from('ab\r\ncd'), Buffer.from('ef\n\ngh')];
    const got: Array<string | null> = [];
    for await (const l of splitLines(Readable.from(chunks), 100)) got.push(l.bytes?.toString() ?? null);
    expect(got).toEqual(['ab', 'cdef', '', 'gh']);
  });
});

describe('stdin', () => {
  const stdinOf = (s: string | Buffer): NodeJS.ReadableStream => Readable.from([typeof s === 'string' ? Buffer.from(s) : s]);
  it.each([
    ['JSONL', `${JSON.stringify({ id: 's1', text: ARTICLE })}\n${JSON.stringify({ id: 's2', text: ARTICLE })}\n`, ['ok structured stdin:1', 'ok structured stdin:2']],
    ['HTML', `<!DOCTYPE html><html><body>${LONG_HTML}</body></html>`, ['ok html stdin']],
    ['text', ARTICLE, ['ok text stdin']],
    ['feed', `<rss version="2.0"><channel><title>Harbour Courier</title><item><title>T</title><content:encoded><![CDATA[${LONG_HTML}]]></content:encoded></item></channel></rss>`, ['ok html stdin#1']],
    ['nothing', '', ['not_article stdin: empty input']],
  ])('%s is sniffed', async (_name, body, want) => {
    const stdin = body === '' ? Readable.from([]) : stdinOf(body);
    expect((await all(['-'], { stdin })).map(brief)).toEqual(want);
  });
  it('binary on stdin fails', async () => {
    expect((await all(['-'], { stdin: stdinOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])) })).map(brief)).toEqual(['failed stdin: binary file (PNG image)']);
  });
  it('without a stdin stream, "-" fails clearly', async () => {
    expect((await all(['-'])).map(brief)).toEqual(['failed stdin: no standard input available']);
  });
});

describe('feeds and URLs (replay fetcher)', () => {
  const fullItem = (n: number): string => `<item><title>Full story ${n}</title><link>https://courier.example/full-${n}</link><pubDate>Wed, 14 Aug 2030 09:00:00 GMT</pubDate><dc:creator>Ada Brennan</dc:creator><content:encoded><![CDATA[${LONG_HTML}]]></content:encoded></item>`;
  const FEED = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Courier</title>
    ${fullItem(1)}
    <item><title>Teaser with a link</title><link>https://courier.example/teaser</link><description>Two lines only.</description></item>
    <item><title>Teaser, dead link</title><link>https://courier.example/gone</link><description>Short summary of the gone story.</description></item>
    <item><title>Nothing at all</title></item>
  </channel></rss>`;
  const entries = new Map<string, ReplayEntry>([
    ['https://courier.example/teaser', { contentType: 'text/html; charset=utf-8', body: `<html><body>${LONG_HTML}</body></html>` }],
    ['https://courier.example/full-1', { contentType: 'text/html', body: '<html><body><p>fetched copy</p></body></html>' }],
    ['https://courier.example/feed.xml', { contentType: 'application/rss+xml', body: FEED }],
    ['https://courier.example/page', { contentType: 'text/html', body: `<html><body>${LONG_HTML}</body></html>` }],
    ['https://courier.example/plain', { contentType: 'text/plain', body: ARTICLE }],
    ['https://courier.example/image', { contentType: 'image/png', body: 'png' }],
    ['https://courier.example/moved', { status: 301, location: 'http://192.168.0.10/admin' }],
  ]);
  const fetcher = new ReplayFetcher(entries);

  it('a feed file expands to items: full content used, teasers fetched, dead links fall back with a warning', async () => {
    const items = await all([put('feed.xml', FEED)], { fetcher });
    expect(items.map(brief)).toEqual([
      'ok html /feed.xml#1',
      'ok html /feed.xml#2',
      'ok html /feed.xml#3',
      'not_article /feed.xml#4: feed item has no content and no fetchable link',
    ]);
    const [full, teaser, dead] = items;
    expect(full?.ok && full.doc).toMatchObject({
      url: 'https://courier.example/full-1',
      meta: { title: 'Full story 1', published: '2030-08-14T09:00:00.000Z', byline: 'Ada Brennan', source: 'Harbour Courier', url: 'https://courier.example/full-1' },
    });
    expect(full?.ok && full.doc.body).toContain('levee would be repaired');
    expect(teaser?.ok && teaser.doc.body).toContain('<html>');
    expect(dead?.ok && dead.doc.body).toContain('<article>Short summary of the gone story.</article>');
    expect(dead?.ok && dead.doc.warnings?.[0]).toMatch(/item link not fetched .*no recorded response/);
  });
  it('fetchFeedLinks fetches links even when the item carries content', async () => {
    const items = await all([put('feed1.xml', FEED)], { fetcher, fetchFeedLinks: true });
    expect(items[0]?.ok && items[0].doc.body).toContain('fetched copy');
  });
  it('a truncated feed keeps its complete items and warns', async () => {
    const cut = FEED.slice(0, FEED.indexOf('<item><title>Teaser with') + 30);
    const items = await all([put('cut.rss', cut)], { fetcher });
    expect(items.map(brief)).toEqual(['ok html /cut.rss#1']);
    expect(items[0]?.ok && items[0].doc.warnings?.join(' ')).toMatch(/feed truncated/);
  });
  it.each([
    ['an XHTML page as a .xml file is read as HTML', 'page.xml', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>', 'ok html /page.xml'],
    ['other XML as a .xml file', 'books.xml', '<?xml version="1.0"?><catalog><book/></catalog>', 'failed /books.xml: not a feed: no <rss>, <feed> or <rdf:RDF> root element'],
    ['a feed without items', 'empty.rss', '<rss><channel><title>x</title></channel></rss>', 'not_article /empty.rss: feed has no items'],
    ['a truncated feed with no complete item', 'cut2.rss', '<rss><channel><item><title>Half', 'failed /cut2.rss: truncated feed: no complete item'],
  ])('%s', async (_n, name, body, want) => {
    expect((await all([put(name, body)], { fetcher })).map(brief)).toEqual([want]);
  });
  it('URLs: page, plain text, feed (expanded), and failures naming the URL', async () => {
    const items = await all(
      ['https://courier.example/page', 'https://courier.example/plain', 'https://courier.example/feed.xml', 'https://courier.example/image', 'https://courier.example/moved', 'https://courier.example/missing'],
      { fetcher },
    );
    expect(items.map(brief)).toEqual([
      'ok html https://courier.example/page',
      'ok text https://courier.example/plain',
      'ok html https://courier.example/feed.xml#1',
      'ok html https://courier.example/feed.xml#2',
      'ok html https://courier.example/feed.xml#3',
      'not_article https://courier.example/feed.xml#4: feed item has no content and no fetchable link',
      expect.stringMatching(/^failed https:\/\/courier\.example\/image: https:\/\/courier\.example\/image: unsupported content type "image\/png"/),
      'failed https://courier.example/moved: https://courier.example/moved: address 192.168.0.10 is private; refused without allowPrivate',
      'failed https://courier.example/missing: https://courier.example/missing: no recorded response for https://courier.example/missing',
    ]);
    expect(items[0]?.ok && items[0].doc.url).toBe('https://courier.example/page');
  });
});

describe('recorded responses on disk (test/fixtures/replay)', () => {
  it('a feed URL expands; a teaser item follows its link through a redirect to a windows-1252 page', async () => {
    const fetcher = await ReplayFetcher.fromDirectory(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'replay'));
    const items = await all(['https://wire.example/feed.xml'], { fetcher });
    expect(items.map(brief)).toEqual(['ok html https://wire.example/feed.xml#1']);
    const doc = items[0]?.ok ? items[0].doc : null;
    expect(doc?.url).toBe('https://wire.example/2030/levee');
    expect(doc?.body).toContain('“We will work day and night,” the site manager said – crews');
    expect(doc?.meta).toMatchObject({ title: 'Levee repairs begin in the Ollan valley', published: '2030-08-19T07:30:00+02:00', source: 'Northern Wire' });
  });
});

describe('URLs over HTTP (server on 127.0.0.1)', () => {
  it('refused without allowPrivate, read with it', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${LONG_HTML}</body></html>`));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/story`;
      const [refused] = await all([url]);
      expect(refused?.ok).toBe(false);
      expect(!refused?.ok && refused?.error).toMatch(/127\.0\.0\.1 is loopback; refused without allowPrivate/);
      const [read] = await all([url], { allowPrivate: true });
      expect(read?.ok && read.doc.body).toContain('levee would be repaired');
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
