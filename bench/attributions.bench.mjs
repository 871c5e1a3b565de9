#!/usr/bin/env node
// Attributions speed: articles/s and tokens/s of the attributions stage alone (tagger + outlet rule +
// refiners, one core, model loaded beforehand) on generated news-style articles (invented text), and
// of the whole `tri extract` pipeline when every area's pieces load. Prints a Markdown section.
// Needs `npm run build`.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './rng.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const imp = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { createPipeline } = await imp('extract/pipeline.js');
const { attributionsExtractors, attributionsRefiners } = await imp('extract/attributions/index.js');
const { defaultModel } = await imp('extract/attributions/extractor.js');
const { DEFAULT_MODEL_URL } = await imp('extract/attributions/model.js');

const rnd = mulberry32(5);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const PEOPLE = ['Anna Kovalenko', 'Pavlo Brann', 'Maria Haddad', 'John Moreno', 'Olena Wei', 'Carlos Tkachenko'];
const ORGS = ['the ministry', 'Acme Energy', 'the city council', 'Northwind Bank', 'the aid agency'];
const OUTLETS = ['The Wall Street Journal', 'Politico', 'the Associated Press', 'Reuters'];
const T = [
  (p, o) => `${p} told reporters on Tuesday that ${o} would send 120 more staff to the region.`,
  (p) => `"We are not leaving," ${p} said, "and we will rebuild the bridge before winter."`,
  (p, o, x) => `Officials at ${o} told ${x} that the repairs would cost about $40 million.`,
  (p, o, x) => `The damage was worse than first thought, according to ${x}.`,
  (p, o) => `${o} said in a statement that it had opened an inquiry into the outage.`,
  (p, o, x) => `The vote was delayed by a week, per ${x}, after ${p} asked for more time.`,
  () => `Traffic on the main road resumed shortly after noon, and most shops reopened by evening.`,
  (p) => `She added that the plan was never meant to be permanent, ${p} recalled later.`,
];
// About 500 tokens per article: a typical news length.
const articles = [];
for (let i = 0; i < 300; i++) {
  const paras = [];
  for (let k = 0; k < 7; k++) {
    const s = [];
    for (let j = 0; j < 4; j++) s.push(pick(T)(pick(PEOPLE), pick(ORGS), pick(OUTLETS)));
    paras.push(s.join(' '));
  }
  articles.push({ id: `b${i}`, text: paras.join('\n\n'), published: '2024-08-06' });
}

let t0 = performance.now();
defaultModel();
const loadMs = performance.now() - t0;

function measure(pipeline) {
  for (const a of articles.slice(0, 20)) pipeline.extract(a); // warm-up
  let tokens = 0;
  let atts = 0;
  t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const a of articles) {
    const r = pipeline.run(a);
    tokens += r.doc.tokens.length;
    atts += r.mentions.filter((m) => m.kind === 'attribution').length;
  }
  const sec = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  // CPU seconds of this process: closer to the single-core figure when other jobs share the cores.
  const cpu = (cu.user + cu.system) / 1e6;
  return { sec, cpu, tokens, atts };
}

const own = measure(createPipeline({ extractors: attributionsExtractors, refiners: attributionsRefiners, inferReference: () => null }));
let full = null;
let fullErr = '';
try {
  full = measure(createPipeline());
} catch (err) {
  fullErr = err instanceof Error ? err.message : String(err);
}
const size = statSync(DEFAULT_MODEL_URL).size;
const row = (name, m) =>
  `| ${name} | ${articles.length} | ${m.tokens} | ${(articles.length / m.sec).toFixed(0)} | ${(articles.length / m.cpu).toFixed(0)} | ${(m.tokens / m.cpu / 1000).toFixed(0)}k | ${m.atts} |`;
console.log('## Attributions\n');
console.log('Generated news-style articles (invented text, ~500 tokens each), one core, model loaded before timing.\n');
console.log('| pipeline | articles | tokens | articles/s (wall) | articles/s (CPU time) | tokens/s (CPU time) | attributions |');
console.log('|---|---|---|---|---|---|---|');
console.log(row('attributions stage only (prepareDoc + tagger + rule + refiners)', own));
if (full) console.log(row('whole `tri extract` pipeline (all areas)', full));
else console.log(`| whole \`tri extract\` pipeline | - | - | - | - | - | failed to run: ${fullErr.replace(/\|/g, '/')} |`);
console.log(`\nModel: ${(size / 1e6).toFixed(2)} MB gzipped, loaded in ${loadMs.toFixed(0)} ms. Target: whole pipeline >= 300 articles/s per core. Load average during the run: ${loadavg()[0].toFixed(1)} (figures drop when other jobs share the cores).`);
