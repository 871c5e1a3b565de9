#!/usr/bin/env node
// Attributions (who said what): PolNeAR through `tri extract`, scored by the reference scorer
// (../shared/tools/attribution_score.py via eval_dev.py attribution), plus the honest number:
// the committed tagger scored on our held-out split of polnear_dev (sha1(id)[0] % 5 === 0, 131 docs).
// CAUTION: the tagger is trained on polnear_dev, so the eval_dev score is contaminated when the model
// was trained with --final (all documents); the held-out line is the number to quote.
// Needs `npm run build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('../shared/tools/eval_dev.py') || !existsSync('../shared/data/attribution/polnear_dev.jsonl')) {
  console.log('attribution: ../shared not found; skipped');
  process.exit(0);
}
console.log('--- held-out split (honest): committed model, attribution_score.py');
const h = spawnSync(process.execPath, ['dist/extract/attributions/train/train.js', '--eval-only', 'models/attribution/tagger.bin.gz'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const held = (h.stdout ?? '').trim().split('\n').pop() ?? '';
console.log(h.stdout ?? '');
console.log('--- eval_dev.py attribution (all 672 polnear_dev docs through tri extract; contaminated if trained with --final)');
const r = spawnSync('python3', ['../shared/tools/eval_dev.py', 'attribution'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(r.stdout ?? '');
const dev = (r.stdout ?? '').trim().split('\n').pop() ?? '';
const pick = (line, keys, prefix) =>
  keys.map((k) => {
    const m = line.match(new RegExp(`(?:^| )${k}=(\\S+)`));
    return `${prefix}${k.replace(/^heldout_extract_/, '')}=${m ? m[1] : 'nan'}`;
  });
const keys = ['source_exact_f1', 'cue_exact_f1', 'content_exact_f1'];
console.log(
  [
    ...pick(held, keys.map((k) => `heldout_extract_${k}`), 'heldout_'),
    ...pick(held, keys.map((k) => `heldout_segments_${k}`), ''),
    ...pick(dev, keys, 'dev_'),
  ].join(' '),
);
process.exit((h.status === 0 && (r.status === 0 || r.status === 1)) ? 0 : 1);
