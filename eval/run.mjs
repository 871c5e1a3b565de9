#!/usr/bin/env node
// `npm run eval`: runs every eval/*.eval.mjs (alphabetical) against ../shared/data and prints the
// metrics. Each script prints its scorer's key=value summary last. Missing ../shared -> skipped.
// Targets not met do not fail the run (the numbers are the product); a crashing script does
// make the exit code 1 so CI shows it.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
if (!existsSync(join(root, '..', 'shared', 'data'))) {
  console.log('eval: ../shared/data not found; skipped');
  process.exit(0);
}
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.eval.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let crashed = 0;
const summary = [];
for (const s of scripts) {
  const t0 = Date.now();
  console.log(`\n=== ${s}`);
  const r = spawnSync(process.execPath, [join(here, s)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout ?? '');
  const last = (r.stdout ?? '').trim().split('\n').filter((l) => l.includes('=')).pop() ?? '';
  summary.push(`${s.replace('.eval.mjs', '')}: ${r.status === 0 ? last : `FAILED (exit ${r.status})`} [${((Date.now() - t0) / 1000).toFixed(0)}s]`);
  if (r.status !== 0) crashed++;
}
console.log('\n=== eval summary');
for (const l of summary) console.log(l);
process.exit(crashed > 0 ? 1 : 0);
