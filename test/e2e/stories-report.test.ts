/**
 * End to end through `node bin/tri.js`: `tri stories` (online ids, bad lines), `tri summarize`
 * (cited sentences, budgets), `tri ingest` + `tri report` (stories shared through the store,
 * md/html/json/csv). Articles are invented here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, TRI } from './helpers.js';

const QUAKE_1 =
  'A strong earthquake shook the mountain town of Ferrosa on Friday, destroying at least 30 houses and injuring dozens of residents, the civil protection agency said. ' +
  'The quake struck at a depth of about 10 kilometers under the Ferrosa valley. Rescue teams searched the rubble of the old town through the night.';
const QUAKE_2 =
  'Rescue teams in Ferrosa pulled two survivors from the rubble on Saturday, a day after the earthquake destroyed houses across the old town. ' +
  'The civil protection agency said the quake, which struck about 30 kilometers under the valley, damaged at least 30 houses.';
const BUDGET =
  'The city council of Lorrin approved a budget of 420 million euros on Friday, raising spending on schools and public transport. ' +
  'Council leader Mara Quist said the budget would fund two new tram lines and the repair of 15 school buildings.';

let dir: string;
function tri(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [TRI, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const lines = (s: string) => s.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tri-stories-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tri stories', () => {
  it('assigns stories online, one line per article, bad lines reported', () => {
    const input = [
      JSON.stringify({ id: 'q1', text: QUAKE_1, published: '2031-06-06' }),
      JSON.stringify({ id: 'b1', text: BUDGET, published: '2031-06-06' }),
      'not json',
      JSON.stringify({ id: 'q2', text: QUAKE_2, published: '2031-06-07' }),
      JSON.stringify({ id: 'x' }),
    ].join('\n');
    const r = tri(['stories'], input);
    expect(r.code).toBe(1);
    const out = lines(r.out);
    expect(out).toHaveLength(5);
    const story = Object.fromEntries(out.filter((o) => o.story).map((o) => [o.id, o.story]));
    expect(story.q2).toBe(story.q1);
    expect(story.b1).not.toBe(story.q1);
    expect(out[2]).toMatchObject({ id: null, line: 3 });
    expect(String(out[4]!.error)).toMatch(/stdin:5: missing "text"/);
    expect(r.err).toMatch(/stdin:3: invalid JSON/);
  });
  it('rejects a bad threshold as a usage error', () => {
    expect(tri(['stories', '--threshold', '7'], '').code).toBe(2);
  });
});

describe('tri summarize', () => {
  it('writes cited sentences whose offsets point into the articles', () => {
    const input = JSON.stringify({ id: 'c1', articles: [{ text: QUAKE_1 }, { text: QUAKE_2, source: 'Wire' }] });
    const r = tri(['summarize', '--max-words', '40'], input);
    expect(r.code).toBe(0);
    const [o] = lines(r.out) as Array<{ id: string; summary: string; sentences: Array<{ text: string; article: number; start: number; end: number }> }>;
    expect(o!.id).toBe('c1');
    expect(o!.sentences.length).toBeGreaterThan(0);
    const texts = [QUAKE_1, QUAKE_2];
    for (const s of o!.sentences) expect(texts[s.article]!.slice(s.start, s.end)).toBe(s.text);
    expect(o!.summary.split('\n')).toHaveLength(o!.sentences.length);
  });
  it('refuses both budgets at once', () => {
    expect(tri(['summarize', '--max-words', '10', '--max-bytes', '100'], '').code).toBe(2);
  });
});

describe('tri ingest + tri report', () => {
  it('reports stories with briefs and cross-checked figures in every format', () => {
    const src = join(dir, 'in');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'q1.txt'), QUAKE_1);
    writeFileSync(join(src, 'q2.txt'), QUAKE_2);
    writeFileSync(join(src, 'b1.txt'), BUDGET);
    const db = join(dir, 't.db');
    expect(tri(['ingest', '--db', db, '--quiet', src]).code).toBe(0);
    const json = tri(['report', '--db', db, '--format', 'json']);
    expect(json.code).toBe(0);
    const rep = JSON.parse(json.out) as { stories: Array<{ story: { id: string }; articles: unknown[]; brief: unknown[]; groups: Array<{ verdict: string }> }> };
    expect(rep.stories.map((s) => s.articles.length).sort()).toEqual([1, 2]);
    const quake = rep.stories.find((s) => s.articles.length === 2)!;
    expect(quake.brief.length).toBeGreaterThan(0);
    // "about 10 kilometers" deep vs "about 30 kilometers" deep: the depth is contradicted.
    expect(quake.groups.map((g) => g.verdict)).toContain('contradict');
    const md = tri(['report', quake.story.id, '--db', db]);
    expect(md.code).toBe(0);
    expect(md.out).toContain('### Figures cross-checked');
    const html = tri(['report', '--db', db, '--format', 'html']);
    expect(html.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(tri(['report', '--db', db, '--format', 'csv']).out.split('\r\n')[0]).toMatch(/^story,measure,verdict/);
    expect(tri(['report', 'nope', '--db', db]).code).toBe(2);
    expect(tri(['report', '--db', db, '--format', 'pdf']).code).toBe(2);
  });
});
