#!/usr/bin/env node
// Entities: CoNLL-2003 dev (eng.testa) through `tri extract`, one document per CoNLL document,
// scored by the reference scorer (../shared/tools/ner_score.py via eval_dev.py): micro F1 over
// PER/ORG/LOC/MISC, NORP counted as MISC. Needs `npm run build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('../shared/tools/eval_dev.py')) {
  console.log('ner: ../shared not found; skipped');
  process.exit(0);
}
const r = spawnSync('python3', ['../shared/tools/eval_dev.py', 'ner'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(r.stdout ?? '');
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 1);
