#!/usr/bin/env node
// Development helper: runs only the places extractor (dist/) over ../shared/data/geo/*_dev.jsonl and
// scores it with ../shared/tools/geo_score.py. Lets the places area be measured on its own while
// other extractors change. With --full, the whole default pipeline (NER spans reach the places
// extractor) in-process. Usage: node eval/geo-places-only.mjs [--full] [--by-corpus] [--dump FILE]
// (`npm run eval` uses eval/geo.eval.mjs, which runs the full CLI as we are judged.)
import { existsSync, readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const geo = join(root, '..', 'shared', 'data', 'geo');
if (!existsSync(geo)) {
  console.log('geo-places-only: ../shared/data/geo not found; skipped');
  process.exit(0);
}
const { prepareDoc } = await import(join(root, 'dist/extract/common/text.js'));
const { createPlacesExtractor } = await import(join(root, 'dist/extract/places/extractor.js'));
const full = process.argv.includes('--full');
// --tune k=v,k=v overrides resolution weights (see ResolveTuning), for sweeps on dev data.
const ti = process.argv.indexOf('--tune');
const tuning = ti >= 0 ? Object.fromEntries(process.argv[ti + 1].split(',').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])])) : {};
const pipeline = full ? (await import(join(root, 'dist/extract/pipeline.js'))).createPipeline() : null;
const ex = full
  ? { extract: (doc) => pipeline.extract({ id: doc.id, text: doc.text }).places }
  : createPlacesExtractor({ tuning });
const golds = readdirSync(geo).filter((f) => f.endsWith('_dev.jsonl')).sort().map((f) => join(geo, f));
const rows = [];
const dump = [];
let chars = 0;
const t0 = performance.now();
ex.extract(prepareDoc({ id: 'warm', text: 'Paris' }), { reference: null, prior: [] });
const t1 = performance.now();
for (const g of golds) {
  for (const line of readFileSync(g, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    chars += d.text.length;
    const places = ex.extract(prepareDoc({ id: d.id, text: d.text }), { reference: null, prior: [] });
    rows.push({ id: d.id, toponyms: places.map((p) => ({ start: p.start, end: p.end, lat: p.lat, lon: p.lon })) });
    if (process.argv.includes('--dump')) dump.push({ id: d.id, places: places.map((p) => ({ s: p.start, e: p.end, t: p.text, n: p.name, cc: p.country, pr: p.precision, lat: p.lat, lon: p.lon })) });
  }
}
const t2 = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'geo-'));
const pred = join(tmp, 'pred.jsonl');
writeFileSync(pred, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const di = process.argv.indexOf('--dump');
if (di >= 0) writeFileSync(process.argv[di + 1], dump.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${full ? 'full pipeline' : 'places only'}: gazetteer load ${(t1 - t0).toFixed(0)} ms; ${rows.length} docs (${(chars / 1e6).toFixed(2)} MB) in ${(t2 - t1).toFixed(0)} ms`);
const extra = process.argv.includes('--by-corpus') ? ['--by-corpus'] : [];
const r = spawnSync('python3', [join(root, '..', 'shared', 'tools', 'geo_score.py'), ...golds, '--pred', pred, ...extra], { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
