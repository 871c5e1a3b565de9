#!/usr/bin/env node
// Story clustering on the dev stream (eval_dev.py stories: DUC 2004 + Multi-News interleaved, run
// through `node bin/tri.js stories` exactly as judged) and the seeds acceptance (eval_dev.py
// seeds-stories). Prints the scorer lines; last line key=value. Skips when ../shared is absent.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('../shared/tools/eval_dev.py')) {
  console.log('stories: ../shared not found; skipped');
  process.exit(0);
}
const run = (task) => {
  const r = spawnSync('python3', ['../shared/tools/eval_dev.py', task], { encoding: 'utf8', maxBuffer: 1 << 26 });
  process.stdout.write(r.stdout);
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 2);
  }
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return Object.fromEntries(last.split(/\s+/).filter((kv) => kv.includes('=')).map((kv) => kv.split('=')));
};
const s = run('stories');
const seeds = run('seeds-stories');
console.log(`pairwise_P=${s.P} pairwise_R=${s.R} pairwise_F1=${s.F1} b3_F1=${s.b3_F1} ami=${s.ami} sys_k=${s.sys_k} gold_k=${s.gold_k} seeds_ok=${seeds.ok ?? '0'}`);
