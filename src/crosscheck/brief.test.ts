import { describe, expect, it } from 'vitest';
import { buildBrief, orderForReading, summaryLine } from './brief.js';
import { datelineLength } from './dateline.js';

// An invented three-report cluster about one event.
const R1 =
  'A magnitude 6.1 earthquake struck the coastal city of Vellmar early on Sunday, collapsing dozens of buildings. ' +
  'Rescue teams worked through the night to reach people trapped under the rubble of a market hall. ' +
  'The regional governor said at least 40 people had died and hundreds were injured.\n\n' +
  'Click here to subscribe to our newsletter.';
const R2 =
  'The death toll from the Vellmar earthquake rose to 52 on Monday as rescue teams pulled more bodies from collapsed buildings. ' +
  'Aftershocks rattled the city overnight, sending residents into the streets. ' +
  'The government declared three days of national mourning for the victims of the earthquake.';
const R3 =
  'A magnitude 6.1 earthquake struck the coastal city of Vellmar early on Sunday, collapsing dozens of buildings. ' +
  'Neighbouring countries sent rescue dogs and field hospitals to the earthquake zone.';

describe('buildBrief', () => {
  const arts = [{ text: R1, published: '2031-05-04' }, { text: R2, published: '2031-05-05' }, { text: R3, published: '2031-05-04' }];

  it('cites every sentence by article and offsets', () => {
    const b = buildBrief(arts, { maxWords: 80 });
    expect(b.length).toBeGreaterThan(1);
    for (const s of b) expect(arts[s.article]!.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('removes redundancy: the repeated lead appears once', () => {
    const b = buildBrief(arts, { maxWords: 200 });
    expect(b.filter((s) => s.text.startsWith('A magnitude 6.1 earthquake')).length).toBe(1);
  });

  it('skips boilerplate', () => {
    const b = buildBrief(arts, { maxWords: 500 });
    expect(b.some((s) => /subscribe/i.test(s.text))).toBe(false);
  });

  it.each([
    [{ maxWords: 20 }, (ws: number, _bs: number, last: number) => ws - last < 20],
    [{ maxBytes: 200 }, (_ws: number, bs: number, last: number) => bs - last < 200],
  ])('stops once the budget %j is reached', (opts, ok) => {
    const b = buildBrief(arts, opts);
    const lines = b.map((s) => summaryLine(s.text));
    const ws = lines.join(' ').split(' ').length;
    const bs = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
    const last = 'maxWords' in opts ? lines[lines.length - 1]!.split(' ').length : Buffer.byteLength(lines[lines.length - 1]!);
    expect(ok(ws, bs, last)).toBe(true);
  });

  it.each([
    ['a run of capitalised names', 'The Daily Ledgerand Evening Post Weekly Edition.'],
    ['a wire photo caption ending in place and date', 'Firefighters carry hoses past a burning depot on the ring road in Vellmar, Freedonia May 4, 2031.'],
  ])('leaves out %s', (_what, line) => {
    const b = buildBrief([{ text: `${line} ${R2}` }, { text: R3 }], { maxWords: 500 });
    expect(b.some((s) => s.text.includes(line.slice(0, 20)))).toBe(false);
  });

  it.each([
    'The ceasefire in the Vellmar region took effect on May 4, 2031.',
    'Rescue teams have searched the collapsed market hall without a break since May 4, 2031.',
  ])('keeps prose that ends in a date: %s', (line) => {
    const b = buildBrief([{ text: `${line} ${R2}` }, { text: R3 }], { maxWords: 500 });
    expect(b.some((s) => s.text === line)).toBe(true);
  });

  it('returns [] for clusters without prose and throws on a bad budget', () => {
    expect(buildBrief([{ text: '' }, { text: 'Short.' }])).toEqual([]);
    expect(() => buildBrief(arts, { maxWords: 0 })).toThrow(/maxWords/);
    expect(() => buildBrief(arts, { maxBytes: -1 })).toThrow(/maxBytes/);
  });

  it('orders for reading by date, article, position', () => {
    const b = orderForReading(buildBrief(arts, { maxWords: 200 }), arts);
    const keys = b.map((s) => `${arts[s.article]!.published}|${s.article}|${String(s.start).padStart(6, '0')}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('survives adversarial text', () => {
    expect(Array.isArray(buildBrief([{ text: '9'.repeat(100_000) }, { text: 'of the '.repeat(50_000) }]))).toBe(true);
  });
});

describe('datelineLength', () => {
  it.each([
    ['KESTREL FALLS, Brenmark (Northern Wire) — The spillway of the dam collapsed before dawn.', 'KESTREL FALLS, Brenmark (Northern Wire) — '],
    ['WASHINGTON (Reuters) - The senate passed the bill late on Tuesday night.', 'WASHINGTON (Reuters) - '],
    ['PORT ALDER — The city council voted 9 to 4 on Monday to build a tram.', 'PORT ALDER — '],
    ['NEW ORLEANS, USA – Ukraine’s incursion has created a real dilemma, he said.', 'NEW ORLEANS, USA – '],
    ['NATO said on Monday that the alliance would meet.', ''],
    ['The Port Alder council — after a long debate — voted for the tram line.', ''],
    ['OSLO — Short.', 'OSLO — '],
  ])('%s', (text, dateline) => expect(datelineLength(text)).toBe(dateline.length));

  it('leaves out a sentence that is too short once its dateline is cut', () => {
    const text = 'PORT ALDER — The tram is coming.\n\nThe city council approved the harbour tram line on Monday evening by nine votes to four.';
    const brief = buildBrief([{ text }], { maxWords: 60 });
    expect(brief.map((s) => s.text)).toEqual(['The city council approved the harbour tram line on Monday evening by nine votes to four.']);
  });

  it('cites the sentence after an opening dateline', () => {
    const text = 'LAKEPORT, Freedonia (Coast Wire) — Floodwater cut the coastal road to Lakeport for a second day on Tuesday, officials said.';
    const [s] = buildBrief([{ text }], { maxWords: 30 });
    expect(s?.text.startsWith('Floodwater cut the coastal road')).toBe(true);
    expect(text.slice(s!.start, s!.end)).toBe(s!.text);
  });
});
