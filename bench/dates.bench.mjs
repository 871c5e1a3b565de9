#!/usr/bin/env node
// Throughput of the TIMEX3 tagger (dates extractors + refiners, on prepared documents) and of the
// whole dates step including tokenisation, on invented news-style text (no third-party data), plus
// adversarial inputs. Prints a Markdown section. Single-threaded: MB/s is per core.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist', 'extract');
if (!existsSync(join(dist, 'dates', 'index.js'))) {
  console.log('## Dates (TIMEX3 tagger)\n\nskipped: dist/ not built (npx tsc -p tsconfig.build.json)');
  process.exit(0);
}
const { prepareDoc } = await import(pathToFileURL(join(dist, 'common', 'text.js')).href);
const dates = await import(pathToFileURL(join(dist, 'dates', 'index.js')).href);

// Invented sentences in the style of wire copy, cycled into ~1 MB of text.
const SENTENCES = [
  'The minister said Friday that talks with the unions would resume next week in the capital.',
  'Profit fell 12% in the third quarter from a year earlier, the company said on Oct. 24, 2024.',
  'Rescue teams worked through the night after the bridge collapsed at about 10:30 a.m. on Tuesday.',
  'Prices have risen every month since March, and economists expect more increases in the coming days.',
  'The siege lasted more than three years before the 1990s peace accord was signed in Geneva.',
  'Shares of the airline, which flies four times a week to Delhi, rose 3% yesterday.',
  'Officials recently said the new terminal will open in the summer of 2026, two years behind schedule.',
  'He served 48 hours in custody and was released on Sunday morning, his lawyer said.',
  // sentences without time expressions, so the density (~1 timex per 150 characters) is close to news
  'The committee, which includes representatives of the three largest parties, has not published its findings.',
  'Residents of the northern districts described long queues outside bakeries and petrol stations.',
  'A spokesman for the ministry declined to comment on the figures, citing an ongoing investigation.',
  'The opposition leader accused the government of mismanaging the crisis and called for an independent inquiry.',
  'Analysts at several banks said the decision reflected concern about inflation and the strength of the currency.',
  'Aid agencies warned that access to clean water remained the most urgent problem for families in the camps.',
  'The statement did not say how many people had been detained or where they were being held.',
  'Local officials said the damage to roads and bridges would take a long time to repair.',
];
function corpus(bytes) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = SENTENCES[i % SENTENCES.length];
    parts.push(s);
    n += s.length + 1;
    if (i % 6 === 5) parts.push('\n\n');
  }
  return parts.join(' ');
}

function runDates(doc, ctx) {
  let mentions = [];
  for (const ex of dates.datesExtractors) mentions = mentions.concat(ex.extract(doc, { ...ctx, prior: mentions }));
  for (const r of dates.datesRefiners) mentions = r.refine(mentions, doc, ctx);
  return mentions;
}

const ctx = { reference: { value: '2024-11-20', inferred: false }, prior: [] };
const docs = [];
const DOC_BYTES = 4000;
const big = corpus(1_000_000);
for (let i = 0; i < big.length; i += DOC_BYTES) docs.push({ id: String(i), text: big.slice(i, i + DOC_BYTES) });
const totalMB = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0) / 1e6;

const prepared = docs.map((d) => prepareDoc(d));
// Warm-up: two full passes, so the JIT has settled as in a long `tri extract` run; then the median of
// three measured passes.
for (let r = 0; r < 2; r++) for (const doc of prepared) runDates(doc, ctx);
// Wall time and CPU time of this process: on a loaded machine the CPU time is the per-core cost.
const cpuS = (u) => (u.user + u.system) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let found = 0;
const tagWall = [];
const tagCpu = [];
const fullWall = [];
const fullCpuRuns = [];
for (let r = 0; r < 3; r++) {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  found = 0;
  for (const doc of prepared) found += runDates(doc, ctx).length;
  tagWall.push((performance.now() - t0) / 1000);
  tagCpu.push(cpuS(process.cpuUsage(c0)));
  t0 = performance.now();
  c0 = process.cpuUsage();
  for (const d of docs) {
    const doc = prepareDoc(d);
    runDates(doc, { reference: dates.inferReference(doc), prior: [] });
  }
  fullWall.push((performance.now() - t0) / 1000);
  fullCpuRuns.push(cpuS(process.cpuUsage(c0)));
}
const taggerS = median(tagWall);
const taggerCpu = median(tagCpu);
const fullS = median(fullWall);
const fullCpu = median(fullCpuRuns);

const adversarial = [
  ['100k digits', '1'.repeat(100_000)],
  ['"of the " x 50k', 'of the '.repeat(50_000)],
  ['"two years " x 20k', 'two years '.repeat(20_000)],
  ['"May " x 30k', 'May '.repeat(30_000)],
];
const advRows = adversarial.map(([name, text]) => {
  const a = performance.now();
  const doc = prepareDoc({ id: 'adv', text });
  runDates(doc, { reference: dates.inferReference(doc), prior: [] });
  const s = (performance.now() - a) / 1000;
  return `| ${name} | ${(text.length / 1e3).toFixed(0)} k chars | ${(s * 1000).toFixed(0)} ms | ${(text.length / 1e6 / s).toFixed(2)} MB/s |`;
});

// Calibration: the machine is shared; a fixed integer loop shows how loaded it was.
const k0 = performance.now();
let acc = 0;
for (let i = 0; i < 1e7; i++) acc += i & 7;
const calibMs = performance.now() - k0;

console.log(`## Dates (TIMEX3 tagger)

Median of 3 passes after 2 warm-up passes. Invented wire-style text, ${docs.length} documents of ${DOC_BYTES} bytes (${totalMB.toFixed(2)} MB), ${found} timexes found.
Measured on a shared machine; numbers vary with its load (calibration: 1e7 integer additions took ${calibMs.toFixed(0)} ms, checksum ${acc % 10}; compare across runs).

| Step | Wall time | MB/s (wall) | CPU time | MB/s per core (CPU) |
|---|---|---|---|---|
| dates extractors + refiners (tokens prepared) | ${taggerS.toFixed(2)} s | ${(totalMB / taggerS).toFixed(2)} | ${taggerCpu.toFixed(2)} s | ${(totalMB / taggerCpu).toFixed(2)} |
| tokenise + infer reference + dates | ${fullS.toFixed(2)} s | ${(totalMB / fullS).toFixed(2)} | ${fullCpu.toFixed(2)} s | ${(totalMB / fullCpu).toFixed(2)} |

Adversarial inputs (tokenise + infer + tag; must stay linear):

| Input | Size | Time | Throughput |
|---|---|---|---|
${advRows.join('\n')}`);
