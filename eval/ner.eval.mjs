#!/usr/bin/env node
// Entities: CoNLL-2003 dev (eng.testa) through `tri extract`, one document per CoNLL document,
// scored by the reference scorer (../shared/tools/ner_score.py via eval_dev.py): micro F1 over
// PER/ORG/LOC/MISC, NORP counted as MISC. Needs `npm run build`.
// When the shipped model was also trained on the dev split (see models/ner/README.md), the score
// is not a held-out measure: the last line then carries heldout=0.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('../shared/tools/eval_dev.py')) {
  console.log('ner: ../shared not found; skipped');
  process.exit(0);
}
const { defaultModel } = await import('../dist/extract/entities/model.js');
const meta = defaultModel().header.meta;
const heldout = !String(meta.trainedOn ?? '').includes('extra');
const r = spawnSync('python3', ['../shared/tools/eval_dev.py', 'ner'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const lines = (r.stdout ?? '').trimEnd().split('\n');
const last = lines.pop() ?? '';
if (!heldout) lines.push(`NOTE: the shipped model was trained on ${meta.trainedOn}; this dev score is not held-out (held-out dev F1 of the same configuration: ${meta.heldoutDevF1 ?? 'see models/ner/README.md'})`);
lines.push(`${last} heldout=${heldout ? 1 : 0}`);
console.log(lines.join('\n'));
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 1);
