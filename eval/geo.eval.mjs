#!/usr/bin/env node
// Toponym recognition and resolution (issue 4, places), against ../shared/data/geo/*_dev.jsonl
// (GeoWebNews, LGL, TR-News, GeoVirus dev splits) with ../shared/tools/geo_score.py.
// 1. `python3 ../shared/tools/eval_dev.py geo`: the full CLI (`node bin/tri.js extract`), as we are judged.
// 2. The places area alone (eval/geo-places-only.mjs: the places extractor from dist/, no NER), by corpus.
// Targets (held-out splits): recognition F1 >= 0.80, acc@161 >= 0.93.
// Prints a skip line and exits 0 when ../shared is absent. Last line: key=value summary.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = join(root, '..', 'shared');
if (!existsSync(join(shared, 'data', 'geo'))) {
  console.log('geo: ../shared/data/geo not found; skipped');
  process.exit(0);
}
const kvOf = (out) => {
  const last = out.trim().split('\n').pop() ?? '';
  return Object.fromEntries(last.split(/\s+/).filter((x) => x.includes('=')).map((x) => x.split('=')));
};
const summary = {};

console.log('--- eval_dev.py geo (full CLI)');
const cli = spawnSync('python3', [join(shared, 'tools', 'eval_dev.py'), 'geo'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
console.log((cli.stdout ?? '').trim().split('\n').slice(-5).join('\n'));
const c = kvOf(cli.stdout ?? '');
for (const k of ['geo_rec_f1', 'geo_acc161', 'geo_acc161_all']) summary[`cli_${k.replace('geo_', '')}`] = cli.status === 0 && c[k] ? c[k] : 'failed';

console.log('--- places area alone (by corpus)');
const area = spawnSync(process.execPath, [join(root, 'eval', 'geo-places-only.mjs'), '--by-corpus'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
console.log((area.stdout ?? '').trim());
if (area.status !== 0) console.log((area.stderr ?? '').slice(-1500));
const a = kvOf(area.stdout ?? '');
for (const k of ['geo_rec_f1', 'geo_rec_p', 'geo_rec_r', 'geo_acc161', 'geo_acc161_all', 'geo_auc']) summary[`area_${k.replace('geo_', '')}`] = a[k] ?? 'failed';
console.log(Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(' '));
