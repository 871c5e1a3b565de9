#!/usr/bin/env node
// Figures: NewsQuant + Recognizers-Text dev through `tri extract`, scored by the reference scorer
// (../shared/tools/quantity_score.py via eval_dev.py). The cqe_* keys follow the CQE paper's protocol.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('../shared/tools/eval_dev.py')) {
  console.log('quantities: ../shared not found; skipped');
  process.exit(0);
}
const r = spawnSync('python3', ['../shared/tools/eval_dev.py', 'quantities'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(r.stdout ?? '');
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 1);
