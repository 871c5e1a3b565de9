/**
 * End to end through `node bin/tri.js`: ingest a folder, re-ingest, list/show/search/export, bad
 * JSONL lines, failing inputs among good ones, exit codes. (SIGKILL mid-run: ingest-kill.test.ts.)
 * Articles are invented here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, TRI } from './helpers.js';

const DAM = [
  'MERLOW, Castia — Engineers opened two emergency gates at the Merlow reservoir on Thursday after water rose to within 40 centimetres of the crest, the regional water authority said.',
  'About 3,100 people living below the dam in the villages of Ostry and Pell were told to move to higher ground as a precaution, officials said.',
  'The authority said the structure itself showed no signs of damage, but that heavy rain forecast for the weekend could push the level higher still.',
  'Inspectors last examined the dam in March and found minor seepage on the eastern abutment, according to a report published by the authority.',
].join('\n\n');

const CHARITY = [
  'A charity run along the Merlow embankment raised 84,000 euros for the town hospital on Sunday, organisers said, the most in the event’s twelve-year history.',
  'More than 1,400 runners took part, including the mayor, who finished the ten-kilometre course in just under an hour.',
  'The money will pay for a new neonatal monitor and the refurbishment of the children’s ward, the hospital director said.',
].join('\n\n');

const TRAINS = [
  'Rail services between Castia City and the coast will be cut by half for six weeks from Monday while engineers replace a bridge near Dunholm, the rail operator said.',
  'Replacement buses will run every thirty minutes, adding about forty minutes to the journey, and season ticket holders will get a partial refund.',
  'Commuter groups said the operator had given too little notice and should have scheduled the work for the summer holidays.',
].join('\n\n');

let dir: string;
let db: string;

function tri(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [TRI, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tri-e2e-ingest-'));
  db = join(dir, 'store.db');
  const news = join(dir, 'news');
  mkdirSync(join(news, 'wire'), { recursive: true });
  writeFileSync(join(news, 'merlow-dam.txt'), `Gates opened as Merlow reservoir nears the crest\n\n${DAM}\n`);
  writeFileSync(join(news, 'charity-run.txt'), `Charity run raises record sum for hospital\n\n${CHARITY}\n`);
  writeFileSync(join(news, 'wire', 'trains.md'), `# Coast rail services halved for bridge work\n\n${TRAINS}\n`);
  // A syndicated copy: other headline, re-wrapped lines, boilerplate at the end.
  const rewrapped = DAM.replace(/(.{60,75}?) /g, '$1\n');
  writeFileSync(join(news, 'wire', 'dam-copy.txt'), `Thousands told to leave as dam fills\n\n${rewrapped}\n\nMore news at castia-daily.example: subscribe to our evening briefing.\n`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('tri ingest, end to end', () => {
  it('ingests a folder recursively, with the syndicated copy linked to its original', () => {
    const r = tri(['ingest', 'news', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ new: 3, nearDuplicates: 1, exactDuplicates: 0, failed: 0, notArticles: 0 });
    expect(s.duplicates).toHaveLength(1);
    expect(s.duplicates[0].input).toMatch(/dam-copy\.txt$/);

    const list = tri(['list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    const arts = JSON.parse(list.out) as Array<{ id: string; input: string; duplicateOf: string | null; similarity: number | null }>;
    expect(arts).toHaveLength(4);
    const orig = arts.find((a) => a.input.endsWith('merlow-dam.txt'));
    const copy = arts.find((a) => a.input.endsWith('dam-copy.txt'));
    expect(copy?.duplicateOf).toBe(orig?.id);
    expect(copy?.similarity).toBeGreaterThan(0.8);
  });

  it('re-ingesting the same folder adds no rows and says so', () => {
    const r = tri(['ingest', 'news', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/0 new articles, 0 near-duplicates, 4 exact duplicates/);
    expect(JSON.parse(tri(['list', '--db', db, '--json']).out)).toHaveLength(4);
  });

  it('lists, shows and searches', () => {
    const list = tri(['list', '--db', db]);
    expect(list.out).toMatch(/Charity run raises record sum/);
    expect(list.out).toMatch(/\[copy of [0-9a-f]{12}, 0\.\d\d\]|\[copy of [0-9a-f]{12}, 1\.00\]/);

    const hits = tri(['search', 'neonatal', '--db', db, '--json']);
    expect(hits.code).toBe(0);
    const found = JSON.parse(hits.out) as Array<{ article: { id: string; title: string }; snippet: string }>;
    expect(found).toHaveLength(1);
    expect(found[0]?.snippet).toContain('[neonatal]');

    const show = tri(['show', found[0]!.article.id, '--db', db]);
    expect(show.code).toBe(0);
    expect(show.out).toContain('More than 1,400 runners took part');
    const showJson = JSON.parse(tri(['show', found[0]!.article.id, '--db', db, '--json']).out);
    expect(showJson.article.id).toBe(found[0]!.article.id);
    expect(showJson.extraction === null || Array.isArray(showJson.extraction.quantities)).toBe(true);

    expect(tri(['search', 'zeppelin', '--db', db]).code).toBe(1);
    expect(tri(['show', 'nosuchid', '--db', db]).code).toBe(1);
  });

  it('exports JSONL and RFC 4180 CSV that read back to the stored texts', () => {
    const jl = tri(['export', '--format', 'jsonl', '--db', db]);
    expect(jl.code).toBe(0);
    const rows = jl.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
    expect(rows).toHaveLength(4);

    const csv = tri(['export', '--format', 'csv', '--db', db]);
    expect(csv.code).toBe(0);
    const table = parseCsv(csv.out);
    const header = table[0]!;
    expect(header.slice(0, 3)).toEqual(['id', 'title', 'source']);
    const textCol = header.indexOf('text');
    const idCol = header.indexOf('id');
    expect(table).toHaveLength(5);
    for (const row of table.slice(1)) {
      expect(row).toHaveLength(header.length);
      expect(row[textCol]).toBe(rows.find((r) => r.id === row[idCol])?.text);
    }
    const geo = tri(['export', '--format', 'geojson', '--db', db]);
    expect(geo.code, geo.err).toBe(0);
    expect(JSON.parse(geo.out)).toMatchObject({ type: 'FeatureCollection' });

    const none = tri(['export', '--format', 'xml', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--format/);
  });

  it('JSONL lines with missing or wrong fields fail by file and line; the good lines are stored', () => {
    const lines = [
      JSON.stringify({ id: 'ok-1', title: 'Coast rail works begin', text: TRAINS.replace('six weeks', 'seven weeks'), published: '2031-05-02', source: 'Castia Daily' }),
      JSON.stringify({ id: 'no-text', title: 'Nothing here' }),
      JSON.stringify({ id: 'bad-type', text: 42 }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'ok-2', text: `${CHARITY.replace('84,000', '86,000')} Organisers thanked the volunteers who staffed the water stations.` }),
    ];
    writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n') + '\n');
    const r = tri(['ingest', 'batch.jsonl', '--db', db, '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    expect(s.failed).toBe(3);
    const problems = (s.problems as Array<{ input: string; error: string }>).map((p) => `${p.input} ${p.error}`).join('\n');
    expect(problems).toMatch(/batch\.jsonl:2:.*text/);
    expect(problems).toMatch(/batch\.jsonl:3:.*text/);
    expect(problems).toMatch(/batch\.jsonl:4:/);
    expect(r.err).toMatch(/batch\.jsonl:2/);
    expect(s.new + s.nearDuplicates).toBe(2);
  });

  it('one failing input among good ones: the batch goes on, exit code 1, reasons named', () => {
    const more = join(dir, 'more');
    mkdirSync(more);
    writeFileSync(join(more, 'a-report.txt'), `Dunholm bridge works start\n\n${TRAINS.split('\n\n')[0]} Engineers said the new bridge would carry heavier freight trains.\n`);
    writeFileSync(join(more, 'b-scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x00, 0x01, 0x02, 0xff]));
    writeFileSync(join(more, 'c-empty.txt'), '');
    const r = tri(['ingest', more, join(dir, 'missing.txt'), '--db', db, '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    expect(s.new + s.nearDuplicates).toBe(1);
    const byInput = new Map((s.problems as Array<{ input: string; status: string; error: string }>).map((p) => [p.input.split(/[\\/]/).pop(), p]));
    expect(byInput.get('b-scan.txt')?.status).toBe('failed');
    expect(byInput.get('c-empty.txt')?.status).toBe('not_article');
    expect(byInput.get('missing.txt')?.status).toBe('failed');
    // The ingest log keeps the status and reason of every input.
    const log = JSON.parse(tri(['list', '--inputs', '--status', 'failed', '--limit', '100', '--db', db, '--json']).out) as Array<{ input: string; error: string }>;
    expect(log.some((l) => l.input.endsWith('b-scan.txt') && l.error.length > 0)).toBe(true);
    // Nothing stored before is lost.
    expect(JSON.parse(tri(['list', '--db', db, '--json', '--limit', '100']).out).length).toBe(7);
  });

  it('exit code 3 when every input fails; 2 on usage errors; 3 when the store cannot be opened', () => {
    expect(tri(['ingest', join(dir, 'nope-1.txt'), join(dir, 'nope-2.txt'), '--db', db]).code).toBe(3);
    expect(tri(['ingest', '--db', db]).code).toBe(2);
    expect(tri(['ingest', 'news', '--bogus']).code).toBe(2);
    expect(tri(['list', '--limit', 'ten', '--db', db]).code).toBe(2);
    const r = tri(['ingest', 'news', '--db', join(dir, 'no', 'such', 'dir', 'x.db')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/x\.db/);
  });

  it('reads JSONL from stdin with "-"', () => {
    const line = JSON.stringify({ id: 'stdin-1', title: 'Reservoir level falls', text: 'The Merlow reservoir fell by 30 centimetres overnight after the emergency gates were opened, the water authority said on Friday, and residents of Ostry may return home.' });
    const r = tri(['ingest', '-', '--db', db, '--json'], line + '\n');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).new).toBe(1);
  });
});

/** A strict RFC 4180 reader for the test: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
