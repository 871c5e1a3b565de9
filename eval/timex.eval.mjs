#!/usr/bin/env node
// TIMEX3 tagger and publication-date inference (issue 3), against ../shared/data/tempeval3/train.jsonl.
// 1. `python3 ../shared/tools/eval_dev.py timex` and `... timex-dct`: the full CLI, as we are judged.
// 2. The dates area alone (dates extractors + refiners from dist/, no other area), scored with
//    timex_score.py, with the creation date given and hidden; with it hidden, how often the inferred
//    publication date is the same day, within 3 days, and in the same month as the creation date.
// Prints a skip line and exits 0 when ../shared is absent. Last line: key=value summary.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = join(root, '..', 'shared');
const gold = join(shared, 'data', 'tempeval3', 'train.jsonl');
if (!existsSync(gold)) {
  console.log('timex: ../shared/data/tempeval3 not found; skipped');
  process.exit(0);
}

const summary = {};
for (const task of ['timex', 'timex-dct']) {
  console.log(`--- eval_dev.py ${task} (full CLI)`);
  const r = spawnSync('python3', [join(shared, 'tools', 'eval_dev.py'), task], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = (r.stdout ?? '').trim();
  console.log(out.split('\n').slice(-4).join('\n'));
  const last = out.split('\n').pop() ?? '';
  const kv = Object.fromEntries(last.split(/\s+/).filter((x) => x.includes('=')).map((x) => x.split('=')));
  const key = task === 'timex' ? 'cli' : 'cli_nodct';
  summary[`${key}_value_f1`] = r.status === 0 && kv.value_f1 ? kv.value_f1 : 'failed';
  if (task === 'timex') summary[`${key}_strict_f1`] = r.status === 0 && kv.strict_f1 ? kv.strict_f1 : 'failed';
}

// The dates area alone.
const dist = join(root, 'dist', 'extract');
if (!existsSync(join(dist, 'dates', 'index.js'))) {
  console.log('timex: dist/ not built (npx tsc -p tsconfig.build.json); area-only scores skipped');
} else {
  const { createPipeline } = await import(pathToFileURL(join(dist, 'pipeline.js')).href);
  const dates = await import(pathToFileURL(join(dist, 'dates', 'index.js')).href);
  const pipeline = createPipeline({ extractors: dates.datesExtractors, refiners: dates.datesRefiners, inferReference: dates.inferReference });
  const docs = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const tmp = mkdtempSync(join(tmpdir(), 'timex-'));
  const score = (file) => {
    const r = spawnSync('python3', [join(shared, 'tools', 'timex_score.py'), gold, file], { encoding: 'utf8' });
    const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
    return Object.fromEntries(last.split(/\s+/).filter((x) => x.includes('=')).map((x) => x.split('=')));
  };
  for (const hide of [false, true]) {
    const rows = [];
    let same = 0;
    let within3 = 0;
    let month = 0;
    let year = 0;
    let none = 0;
    for (const d of docs) {
      const x = pipeline.extract({ id: d.id, text: d.text, ...(hide ? {} : { published: d.dct }) });
      rows.push(JSON.stringify({ id: d.id, timexes: x.timexes }));
      if (!hide) continue;
      const v = x.published?.value?.slice(0, 10);
      const g = d.dct.slice(0, 10);
      if (!v) {
        none++;
        continue;
      }
      if (v === g) same++;
      if (Math.abs(Date.parse(v) - Date.parse(g)) <= 3 * 86_400_000) within3++;
      if (v.slice(0, 7) === g.slice(0, 7)) month++;
      if (v.slice(0, 4) === g.slice(0, 4)) year++;
    }
    const file = join(tmp, hide ? 'nodct.jsonl' : 'dct.jsonl');
    writeFileSync(file, rows.join('\n') + '\n');
    const s = score(file);
    const label = hide ? 'area_nodct' : 'area';
    console.log(`--- dates area alone, creation date ${hide ? 'hidden (inferred)' : 'given'}: strict_f1=${s.strict_f1} relaxed_f1=${s.relaxed_f1} value_f1=${s.value_f1} type_f1=${s.type_f1}`);
    summary[`${label}_value_f1`] = s.value_f1;
    summary[`${label}_strict_f1`] = s.strict_f1;
    if (hide) {
      const n = docs.length;
      const pct = (k) => ((100 * k) / n).toFixed(1);
      console.log(`--- publication-date inference over ${n} documents: same day ${same} (${pct(same)}%), within 3 days ${within3} (${pct(within3)}%), same month ${month} (${pct(month)}%), same year ${year} (${pct(year)}%), no date found ${none}`);
      summary.infer_same_day_pct = pct(same);
      summary.infer_within3_pct = pct(within3);
      summary.infer_same_month_pct = pct(month);
      summary.infer_same_year_pct = pct(year);
      summary.infer_none = none;
    }
  }
}
console.log(Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(' '));
