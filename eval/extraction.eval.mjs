#!/usr/bin/env node
// HTML main-text extraction (src/ingest/article/html.ts) on ../shared/data/extraction (121 real
// pages with gold bodies): runs `python3 ../shared/tools/eval_dev.py extraction`, which calls
// `node bin/tri.js parse --jsonl` on every page exactly as we are judged on unseen pages, and scores
// with ../shared/tools/extraction_score.py (token 4-gram shingles; per-page P/R averaged; F1).
// Target (issue 2): F1 >= .975 on unseen pages; readability.js scores .944 on these.
// Last line: extraction_f1=... precision=... recall=... accuracy=...  Skips when ../shared is absent.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tool = join(root, '..', 'shared', 'tools', 'eval_dev.py');
if (!existsSync(tool) || !existsSync(join(root, '..', 'shared', 'data', 'extraction'))) {
  console.log('extraction: ../shared/data/extraction not found; skipped');
  console.log('extraction_skipped=1');
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('extraction: dist/ missing: run `npm run build` first');
  process.exit(1);
}
const r = spawnSync('python3', [join('..', 'shared', 'tools', 'eval_dev.py'), 'extraction'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
process.stdout.write(r.stdout ?? '');
if (r.status !== 0) {
  process.stderr.write(r.stderr ?? '');
  process.exit(r.status ?? 1);
}
