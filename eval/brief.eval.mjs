#!/usr/bin/env node
// Story briefs: eval_dev.py brief (DUC 2004 at 665 bytes, Multi-News at 260 words, through
// `node bin/tri.js summarize`, scored by rouge_score_mds.py) and, scored the same way, a lead
// baseline we compute here (first sentences of the first article, then the next article's, ...)
// so "beats lead" is measured, not quoted. Last line key=value. Skips when ../shared is absent.
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!existsSync('../shared/tools/eval_dev.py')) {
  console.log('brief: ../shared not found; skipped');
  process.exit(0);
}
const kv = (line) => Object.fromEntries((line ?? '').split(/\s+/).filter((x) => x.includes('=')).map((x) => x.split('=')));
const r = spawnSync('python3', ['../shared/tools/eval_dev.py', 'brief'], { encoding: 'utf8', maxBuffer: 1 << 26 });
process.stdout.write(r.stdout);
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 2);
}
const ours = kv(r.stdout.trim().split('\n').pop());

const { prepareDoc } = await import('../dist/extract/common/text.js');
const tmp = mkdtempSync(join(tmpdir(), 'brief-eval-'));
const lead = {};
for (const [name, flag, n] of [['duc2004_dev.jsonl', '--max-bytes', 665], ['multinews200_dev.jsonl', '--max-words', 260]]) {
  const gold = `../shared/data/mds/${name}`;
  const rows = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const out = rows.map((c) => {
    const lines = [];
    for (const a of c.articles) {
      const d = prepareDoc({ id: 'x', text: a.text });
      for (const s of d.sentences.slice(0, 3)) lines.push(a.text.slice(s.start, s.end).replace(/\s+/g, ' '));
    }
    return JSON.stringify({ id: c.id, summary: lines.join('\n') });
  });
  const sys = join(tmp, name);
  writeFileSync(sys, out.join('\n') + '\n');
  const s = spawnSync('python3', ['../shared/tools/rouge_score_mds.py', gold, sys, flag, String(n)], { encoding: 'utf8' });
  const m = kv(s.stdout.trim().split('\n').pop());
  const p = name.startsWith('duc') ? 'duc' : 'mn';
  lead[`${p}_lead_rouge1_r`] = m.rouge1_r;
  lead[`${p}_lead_rouge2_r`] = m.rouge2_r;
  lead[`${p}_lead_rouge1_f`] = m.rouge1_f;
  lead[`${p}_lead_rouge2_f`] = m.rouge2_f;
}
console.log('\nlead baseline (first 3 sentences per article, in order), same scorer and limits:');
console.log(Object.entries(lead).map(([k, v]) => `${k}=${v}`).join(' '));
const keys = ['duc_rouge1_r', 'duc_rouge2_r', 'duc_rouge1_f', 'mn_rouge1_f', 'mn_rouge2_f'];
console.log([...keys.map((k) => `${k}=${ours[k]}`), `duc_lead_rouge1_r=${lead.duc_lead_rouge1_r}`, `mn_lead_rouge1_f=${lead.mn_lead_rouge1_f}`].join(' '));
