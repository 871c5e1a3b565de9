#!/usr/bin/env node
// Source reading and text parsing speed, single process, on generated invented texts: parseText
// (plain hard-wrapped, front matter, Markdown), parseFeed (RSS with full-content items), readSources
// over a folder of .txt files and over a JSONL file (file I/O, binary/encoding checks, sniffing), and
// HttpFetcher against a server on 127.0.0.1 (allowPrivate). Prints a Markdown section. Needs
// `npm run build`.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const imp = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { parseText } = await imp('ingest/article/text.js');
const { parseFeed } = await imp('ingest/feeds/parse.js');
const { readSources } = await imp('ingest/sources.js');
const { HttpFetcher } = await imp('ingest/fetch/http.js');

function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(7);
const VOCAB = 'the of and to in a said on was for with by at from officials river dam water valley town council flood report residents engineers authority levels rain bridge road governor province rescue crews village homes spillway week Tuesday morning people'.split(' ');
const word = () => VOCAB[Math.floor(rnd() * VOCAB.length)];
const sentence = () => {
  const n = 12 + Math.floor(rnd() * 14);
  const w = Array.from({ length: n }, word);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(' ')}.`;
};
const paragraph = () => Array.from({ length: 3 + Math.floor(rnd() * 3) }, sentence).join(' ');
const wrap = (p) => p.replace(/(.{1,72})(?: |$)/g, '$1\n').trim();
const article = (i) => ({ title: `Council weighs flood plan number ${i}`, paras: Array.from({ length: 6 }, paragraph) });

const N = 3000;
const arts = Array.from({ length: N }, (_, i) => article(i));
const shapes = {
  'plain, hard-wrapped, byline, copyright': (a) => `${a.title}\n\nBy Mara Quint\n\n${a.paras.map(wrap).join('\n\n')}\n\n© 2030 Valley Journal. All rights reserved.\n`,
  'front matter, blank-line paragraphs': (a) => `---\ntitle: ${a.title}\ndate: 2030-08-13\nsource: Daily Ledger\n---\n\n${a.paras.join('\n\n')}\n`,
  'Markdown': (a) => `# ${a.title}\n\n${a.paras.map((p) => p.replace(' river ', ' **river** ')).join('\n\n')}\n`,
};
const rows = [];
const time = (fn) => {
  const t0 = performance.now();
  const r = fn();
  return [(performance.now() - t0) / 1000, r];
};
const timeAsync = async (fn) => {
  const t0 = performance.now();
  const r = await fn();
  return [(performance.now() - t0) / 1000, r];
};

for (const [name, make] of Object.entries(shapes)) {
  const docs = arts.map(make);
  for (const d of docs.slice(0, 200)) parseText(d, 'x', { markdown: name === 'Markdown' }); // warm-up
  const [secs] = time(() => {
    for (const d of docs) parseText(d, 'x', { markdown: name === 'Markdown' });
  });
  rows.push([`parseText: ${name}`, N, `${(N / secs).toFixed(0)} articles/s`]);
}

const items = arts.slice(0, 1000).map((a, i) => `<item><title>${a.title}</title><link>https://courier.example/${i}</link><pubDate>Tue, 13 Aug 2030 10:00:00 +0200</pubDate><content:encoded><![CDATA[${a.paras.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>`);
const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courier</title>${items.join('')}</channel></rss>`;
parseFeed(feed);
{
  const [secs, f] = time(() => parseFeed(feed));
  rows.push([`parseFeed: RSS, ${(feed.length / 1e6).toFixed(1)} MB`, f.items.length, `${(f.items.length / secs).toFixed(0)} items/s`]);
}

const dir = mkdtempSync(join(tmpdir(), 'tri-bench-src-'));
try {
  mkdirSync(join(dir, 'txt'));
  const make = shapes['plain, hard-wrapped, byline, copyright'];
  arts.forEach((a, i) => writeFileSync(join(dir, 'txt', `a${String(i).padStart(5, '0')}.txt`), make(a)));
  writeFileSync(join(dir, 'all.jsonl'), arts.map((a, i) => JSON.stringify({ id: `a${i}`, title: a.title, text: a.paras.join('\n\n'), published: '2030-08-13' })).join('\n'));
  for (const [label, input] of [
    ['readSources: folder of .txt files', join(dir, 'txt')],
    ['readSources: JSONL file', join(dir, 'all.jsonl')],
  ]) {
    const [secs, n] = await timeAsync(async () => {
      let k = 0;
      for await (const it of readSources([input], {})) if (it.ok) k++;
      return k;
    });
    rows.push([label, n, `${(n / secs).toFixed(0)} documents/s`]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><article>${arts[0].paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
try {
  const base = `http://127.0.0.1:${server.address().port}`;
  const f = new HttpFetcher({ allowPrivate: true });
  const M = 500;
  const CONC = 8;
  const [secs] = await timeAsync(async () => {
    let next = 0;
    await Promise.all(Array.from({ length: CONC }, async () => {
      while (next < M) {
        next++;
        await f.fetch(`${base}/p${next}`);
      }
    }));
  });
  rows.push([`HttpFetcher: ${(page.length / 1024).toFixed(1)} kB page from 127.0.0.1, ${CONC} in flight`, M, `${(M / secs).toFixed(0)} pages/s`]);
} finally {
  server.close();
}

console.log('## Sources: reading, feeds and text parsing\n');
console.log('Generated invented texts (~450 words, 6 paragraphs); one process, Node single thread (the server in the fetch row shares it).\n');
console.log('| What | Items | Throughput |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
