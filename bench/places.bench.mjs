#!/usr/bin/env node
// Speed of the places extractor (gazetteer toponyms + resolution) on invented news-style text (no
// third-party data): gazetteer load time and memory, articles/s and MB/s on prepared documents, and
// adversarial inputs. Prints a Markdown section. Single-threaded: per-core figures.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist', 'extract');
if (!existsSync(join(dist, 'places', 'extractor.js'))) {
  console.log('## Places (toponyms and geocoding)\n\nskipped: dist/ not built (npx tsc -p tsconfig.build.json)');
  process.exit(0);
}
const { prepareDoc } = await import(pathToFileURL(join(dist, 'common', 'text.js')).href);
const { createPlacesExtractor } = await import(pathToFileURL(join(dist, 'places', 'extractor.js')).href);
const { loadGazetteer } = await import(pathToFileURL(join(dist, 'places', 'gazetteer.js')).href);

const SENTENCES = [
  'Russian drones struck Kharkiv overnight, the regional governor said, and Moscow denied targeting civilians.',
  'The mayor of Paterson, N.J., said schools would reopen on Monday after the storm moved toward New York.',
  'Floods cut roads between Lima and Cusco, and Peru asked Brazil and Chile for helicopters.',
  'Officials in Kyiv said talks in Geneva had stalled, while Poland and Germany pledged more aid.',
  'Farmers across Texas and Oklahoma waited for rain as prices rose in Chicago and Kansas City.',
  'The Japanese delegation arrived in Berlin on Sunday before flying on to Paris and London.',
  'The company said its profit rose 12% in the third quarter, beating forecasts by analysts.',
  'Aid convoys reached the Middle East and Eastern Europe before winter, the agency said.',
];
const docs = [];
for (let i = 0; i < 2000; i++) {
  const parts = [];
  for (let k = 0; k < 24; k++) parts.push(SENTENCES[(i * 7 + k * 3) % SENTENCES.length]);
  docs.push({ id: String(i), text: parts.join(' ') });
}
const ctx = { reference: { value: '2024-08-06', inferred: false }, prior: [] };
const mem0 = process.memoryUsage().heapUsed;
let t0 = performance.now();
const gaz = loadGazetteer();
const loadMs = performance.now() - t0;
globalThis.gc?.();
const memMB = (process.memoryUsage().heapUsed - mem0) / 1e6;
const ex = createPlacesExtractor();
const prepared = docs.map((d) => prepareDoc(d));
for (const d of prepared.slice(0, 100)) ex.extract(d, ctx);
let places = 0;
t0 = performance.now();
for (const d of prepared) places += ex.extract(d, ctx).length;
const sec = (performance.now() - t0) / 1000;
const mb = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0) / 1e6;

const adversarial = [
  ['100k digits', '7'.repeat(100_000)],
  ['"of the " x 50k', 'of the '.repeat(50_000)],
  ['"New York " x 20k', 'New York '.repeat(20_000)],
  ['"Isle of " x 30k', 'Isle of '.repeat(30_000)],
];
const adv = adversarial.map(([name, text]) => {
  const doc = prepareDoc({ id: name, text });
  const s = performance.now();
  const n = ex.extract(doc, ctx).length;
  return `| ${name} | ${(performance.now() - s).toFixed(0)} ms | ${n} |`;
});

console.log(`## Places (toponyms and geocoding)

Gazetteer: ${gaz.size.toLocaleString('en')} records, loaded lazily once per process in ${loadMs.toFixed(0)} ms (heap +${memMB.toFixed(0)} MB).
Extraction on ${docs.length} prepared invented articles (${mb.toFixed(2)} MB, ~${(mb * 1e6 / docs.length / 1000).toFixed(1)} kB each, ${places} places):

| measure | value |
|---|---|
| articles/s (places step only) | ${(docs.length / sec).toFixed(0)} |
| MB/s | ${(mb / sec).toFixed(2)} |
| places/s | ${(places / sec).toFixed(0)} |

Adversarial inputs (must finish):

| input | time | places |
|---|---|---|
${adv.join('\n')}
`);
