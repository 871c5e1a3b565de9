#!/usr/bin/env node
// NER speed: tokens per CPU-second of the entities extractor (model + decoding, one core) on generated
// news-style text, after the model is loaded (load time reported separately), and the model size.
// Prints a Markdown section. Needs `npm run build`.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './rng.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const imp = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { prepareDoc } = await imp('extract/common/text.js');
const { nerExtractor } = await imp('extract/entities/ner.js');
const { defaultModel, DEFAULT_MODEL_URL } = await imp('extract/entities/model.js');

// Generated sentences: invented names and places in news-style templates (no third-party text).
const rnd = mulberry32(11);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const FIRST = ['Anna', 'Pavlo', 'Maria', 'John', 'Olena', 'Ahmed', 'Li', 'Carlos'];
const LAST = ['Kovalenko', 'Smith', 'Haddad', 'Moreno', 'Tkachenko', 'Wei', 'Brennan'];
const ORGS = ['the Ministry of Defence', 'Acme Energy Corp', 'the United Nations', 'Northwind Bank', 'the Red Cross'];
const PLACES = ['Kharkiv', 'Lisbon', 'Ohio', 'the Donetsk region', 'Nairobi', 'Texas'];
const TEMPLATES = [
  (p, o, l) => `${p} told reporters in ${l} on Tuesday that ${o} would send 120 more staff.`,
  (p, o, l) => `Officials from ${o} said the damage in ${l} was worse than first reported, according to ${p}.`,
  (p, o, l) => `"We are not leaving," ${p} said, adding that ${o} had promised help for ${l}.`,
];
const paras = [];
for (let i = 0; i < 400; i++) {
  const s = [];
  for (let k = 0; k < 5; k++) s.push(pick(TEMPLATES)(`${pick(FIRST)} ${pick(LAST)}`, pick(ORGS), pick(PLACES)));
  paras.push(s.join(' '));
}
const text = paras.join('\n\n');

let t0 = performance.now();
defaultModel();
const loadMs = performance.now() - t0;
const ex = nerExtractor();
const doc = prepareDoc({ id: 'bench', text });
const ctx = { reference: null, prior: [] };
ex.extract(doc, ctx); // warm-up
const runs = 5;
const cpu0 = process.cpuUsage();
t0 = performance.now();
let ents = 0;
for (let r = 0; r < runs; r++) ents = ex.extract(doc, ctx).length;
const sec = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSec = (cpu.user + cpu.system) / 1e6;
const tokens = doc.tokens.length * runs;
const size = statSync(DEFAULT_MODEL_URL).size;

console.log('## NER (entities extractor)\n');
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| model file | ${(size / 1e6).toFixed(2)} MB (gzip) |`);
console.log(`| model load (once per process) | ${loadMs.toFixed(0)} ms |`);
console.log(`| tokens tagged | ${tokens} (${doc.tokens.length} x ${runs} runs, ${ents} entities per run) |`);
console.log(`| throughput per CPU-second (one core; the process is single-threaded) | ${Math.round(tokens / cpuSec).toLocaleString('en-US')} tokens/s |`);
console.log(`| throughput, wall clock (shared machine: load ${os.loadavg()[0].toFixed(1)}) | ${Math.round(tokens / sec).toLocaleString('en-US')} tokens/s |`);
