import { describe, expect, it } from 'vitest';
import { articleFeatures, stem } from './features.js';
import { DEFAULT_CLUSTERER_OPTIONS, StoryClusterer, dayNumber } from './clusterer.js';

// Invented news-style articles (CONVENTIONS 5/6): two floods, a transfer saga, a chip factory.
const FLOOD_1 =
  'Floodwaters swept through the river town of Marrowby on Monday after three days of torrential rain, forcing 2,000 residents ' +
  'from their homes. Emergency crews in boats rescued families from rooftops as the Tamsin River burst its banks. ' +
  'Mayor Ellen Hartwick said the flooding was the worst the town had seen in a century.';
const FLOOD_2 =
  'Rescue crews in Marrowby pulled more stranded residents from flooded homes on Tuesday as the Tamsin River kept rising. ' +
  'Mayor Ellen Hartwick said about 2,500 people had now left their homes and shelters were full. Torrential rain is forecast to ease.';
const TRANSFER =
  'Striker Paulo Venn completed his record transfer to Northgate United on Monday, signing a five-year contract. ' +
  'The club paid a fee believed to be 80 million euros, a league record. Venn scored 31 goals last season for Castellan FC.';
const CHIPS =
  'Semiconductor maker Orrin Systems will build a chip factory outside Dunmore, creating 3,000 jobs, the company said. ' +
  'The plant will make processors for cars and phones and open in 2027, chief executive Lina Osei told investors.';
const FLOOD_3 =
  'Floodwaters began to recede in Marrowby on Wednesday, and residents returned to homes caked in mud after the Tamsin River ' +
  'flooding. Mayor Ellen Hartwick thanked rescue crews and asked the government for emergency aid.';

describe('stem', () => {
  it.each([
    ['missiles', 'missil'],
    ['attacked', 'attack'],
    ['flooding', 'flood'],
    ['cities', 'city'],
    ['crisis', 'crisis'],
    ['bus', 'bus'],
  ])('%s -> %s', (w, s) => expect(stem(w)).toBe(s));
});

describe('articleFeatures', () => {
  it('counts content stems, bigrams and name phrases; drops stopwords', () => {
    const f = articleFeatures('Mayor Ellen Hartwick said the river flooded. The river rose.', '', [], undefined, true, 0);
    expect(f.words.get('river')).toBe(2);
    expect(f.words.has('the')).toBe(false);
    expect(f.words.has('said')).toBe(false);
    expect(f.words.get('river flood')).toBe(1);
    expect(f.names.get('mayor ellen hartwick')).toBe(1);
  });
  it('does not take a sentence-initial stopword as a name', () => {
    const f = articleFeatures('The mayor spoke. It rained.');
    expect(f.names.has('the')).toBe(false);
    expect(f.names.has('it')).toBe(false);
  });
  it('handles adversarial inputs in linear time', () => {
    expect(articleFeatures('9'.repeat(100_000)).words.size).toBe(0);
    expect(articleFeatures('of the '.repeat(50_000)).words.size).toBe(0);
    expect(articleFeatures('Aa '.repeat(50_000)).names.size).toBeGreaterThan(0);
  });
});

describe('dayNumber', () => {
  it.each([
    ['1970-01-02', 1],
    ['2024-08-06', 19941],
    ['2024-08-06T23:00:00Z', 19941],
    ['not a date', null],
    [null, null],
  ])('%s -> %s', (v, d) => expect(dayNumber(v)).toBe(d));
});

describe('StoryClusterer', () => {
  const stream = [
    { id: 'f1', text: FLOOD_1, published: '2031-03-03' },
    { id: 't1', text: TRANSFER, published: '2031-03-03' },
    { id: 'f2', text: FLOOD_2, published: '2031-03-04' },
    { id: 'c1', text: CHIPS, published: '2031-03-04' },
    { id: 'f3', text: FLOOD_3, published: '2031-03-05' },
  ];

  it('groups reports of one event and separates other events', () => {
    const k = new StoryClusterer();
    const got = stream.map((a) => k.assign(a));
    const s = Object.fromEntries(got.map((g) => [g.id, g.story]));
    expect(s.f2).toBe(s.f1);
    expect(s.f3).toBe(s.f1);
    expect(s.t1).not.toBe(s.f1);
    expect(s.c1).not.toBe(s.f1);
    expect(s.c1).not.toBe(s.t1);
    expect(got.map((g) => g.isNew)).toEqual([true, true, false, true, false]);
    expect(k.liveStories).toBe(3);
  });

  it.each([
    ['default options', {}],
    ['a lower undated bar', { undatedThreshold: 0.2 }],
    ['word pairs as terms', { bigrams: true, undatedThreshold: 0.28 }],
  ])('groups undated reports of one event with %s (bar without time evidence)', (_name, opts) => {
    const k = new StoryClusterer(opts);
    const s = Object.fromEntries(stream.map((a) => [a.id, k.assign({ id: a.id, text: a.text }).story]));
    expect(new Set([s.f1, s.f2, s.f3]).size).toBe(1);
    expect(new Set([s.f1, s.t1, s.c1]).size).toBe(3);
    expect(DEFAULT_CLUSTERER_OPTIONS.undatedThreshold).toBeGreaterThan(DEFAULT_CLUSTERER_OPTIONS.threshold);
  });

  it('gives stable sequential ids and never revises a decision', () => {
    const k = new StoryClusterer();
    const first = stream.map((a) => k.assign(a).story);
    expect(first[0]).toBe('s1');
    expect(first[1]).toBe('s2');
    // Same stream again through a fresh clusterer: same ids (deterministic).
    const k2 = new StoryClusterer();
    expect(stream.map((a) => k2.assign(a).story)).toEqual(first);
  });

  it('survives a JSON round trip of its state with identical later decisions', () => {
    const a = new StoryClusterer();
    const b = new StoryClusterer();
    for (const x of stream.slice(0, 3)) {
      a.assign(x);
      b.assign(x);
    }
    const restored = StoryClusterer.fromState(JSON.parse(JSON.stringify(b.toState())));
    for (const x of stream.slice(3)) expect(restored.assign(x)).toEqual(a.assign(x));
  });

  it('keeps far-apart dated articles apart (time decay and expiry)', () => {
    const k = new StoryClusterer({ maxIdleDays: 30 });
    const a = k.assign({ id: 'a', text: FLOOD_1, published: '2031-03-03' });
    const b = k.assign({ id: 'b', text: FLOOD_2, published: '2032-06-01' });
    expect(b.story).not.toBe(a.story);
  });

  it('asks more of the text when there are no dates (no time evidence)', () => {
    const dated = new StoryClusterer({ threshold: 0.05, undatedThreshold: 0.99 });
    const a = dated.assign({ id: 'a', text: FLOOD_1, published: '2031-03-03' });
    expect(dated.assign({ id: 'b', text: FLOOD_2, published: '2031-03-04' }).story).toBe(a.story);
    const undated = new StoryClusterer({ threshold: 0.05, undatedThreshold: 0.99 });
    const c = undated.assign({ id: 'a', text: FLOOD_1 });
    expect(undated.assign({ id: 'b', text: FLOOD_2 }).story).not.toBe(c.story);
  });

  it('uses a background IDF table when given', () => {
    const k = new StoryClusterer();
    k.setPrior(1000, [['river', 10], ['mayor', 50]], [['marrowby', 1]]);
    const a = k.assign({ id: 'a', text: FLOOD_1 });
    expect(k.assign({ id: 'b', text: FLOOD_2 }).story).toBe(a.story);
  });

  it.each([
    [{ threshold: 2 }, /threshold/],
    [{ nameWeight: -1 }, /nameWeight/],
    [{ halfLifeDays: 0 }, /halfLifeDays/],
    [{ undatedThreshold: -0.5 }, /undatedThreshold/],
  ])('throws on bad option %j', (opts, re) => {
    expect(() => new StoryClusterer(opts)).toThrow(re);
  });

  it('rejects a state that is not one', () => {
    expect(() => StoryClusterer.fromState({ version: 9 })).toThrow(/not a clusterer state/);
    expect(() => StoryClusterer.fromState(null)).toThrow(/StoryClusterer/);
  });

  it('handles empty and degenerate texts', () => {
    const k = new StoryClusterer();
    const a = k.assign({ id: 'e', text: '' });
    const b = k.assign({ id: 'e2', text: '...' });
    expect(a.isNew).toBe(true);
    expect(b.isNew).toBe(true);
  });

  it('keeps the number of live stories bounded on a long stream (expiry)', () => {
    const k = new StoryClusterer({ maxIdleArticles: 500 });
    for (let i = 0; i < 3000; i++) k.assign({ id: String(i), text: `Unique${i}word event happened in Zzplace${i} with Qqperson${i}.` });
    expect(k.liveStories).toBeLessThanOrEqual(1500);
  });
});

describe('StoryClusterer size-aware bar and bounded state', () => {
  // Invented reports: two about one bridge collapse, a third on the same river a month later (another event).
  const BRIDGE_1 =
    'The Kellan Bridge over the Dorrow River collapsed on Sunday night, sending two cars into the water. ' +
    'Divers from the Harlow fire service pulled four people out alive, chief officer Mara Quist said.';
  const BRIDGE_2 =
    'Engineers inspected the wreck of the Kellan Bridge on Monday after its collapse into the Dorrow River. ' +
    'Chief officer Mara Quist said divers had rescued four people and the bridge had failed a check last year.';
  const BRIDGE_3 =
    'Harlow opened a temporary ferry across the Dorrow River on Tuesday where the Kellan Bridge collapsed, ' +
    'and Mara Quist thanked the divers who rescued four people from the river.';

  it.each([
    ['no growth: every follow-up clears the bar', 0, [false, false]],
    ['steep growth: a one-member story asks the base bar, a two-member story far more', 100, [false, true]],
  ])('sizeGrowth, %s', (_name, sizeGrowth, newStory) => {
    const k = new StoryClusterer({ threshold: 0.05, sizeGrowth });
    k.assign({ id: '1', text: BRIDGE_1, published: '2031-05-04' });
    const got = [BRIDGE_2, BRIDGE_3].map((text, i) => k.assign({ id: String(i + 2), text, published: '2031-05-05' }).isNew);
    expect(got).toEqual(newStory);
  });

  it('with the default options a grown story still takes a close follow-up', () => {
    const k = new StoryClusterer();
    const s = [BRIDGE_1, BRIDGE_2, BRIDGE_3].map((text, i) => k.assign({ id: String(i), text, published: `2031-05-0${4 + i}` }).story);
    expect(new Set(s).size).toBe(1);
  });

  it('closes a dated story after maxIdleArticles arrivals even within maxIdleDays (bounded state on a dense feed)', () => {
    const k = new StoryClusterer({ maxIdleArticles: 500, maxIdleDays: 10_000 });
    for (let i = 0; i < 3000; i++) k.assign({ id: String(i), text: `Unique${i}word event happened in Zzplace${i} with Qqperson${i}.`, published: '2031-05-04' });
    expect(k.liveStories).toBeLessThanOrEqual(1500);
  });

  it('caps an article vector at articleTerms (cost bounded by article length)', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Zword${i.toString(36)}x`).join(' ');
    const k = new StoryClusterer({ articleTerms: 20 });
    k.assign({ id: 'a', text: long });
    const c = k.toState().clusters[0]!;
    expect(c.words.length).toBeLessThanOrEqual(20);
    expect(c.names.length).toBeLessThanOrEqual(10);
  });

  it.each([
    [{ sizeGrowth: -0.1 }, /sizeGrowth/],
  ])('throws on bad option %j', (opts, re) => {
    expect(() => new StoryClusterer(opts)).toThrow(re);
  });
});

describe('articleFeatures lead weighting', () => {
  it('counts the opening words twice', () => {
    const text = 'Dam breaks near Orvale. ' + 'Filler words keep going here. '.repeat(30);
    expect(articleFeatures(text, '', [], undefined, true, 30).words.get('dam')).toBe(2);
    expect(articleFeatures(text, '', [], undefined, true, 0).words.get('dam')).toBe(1);
  });
});

describe('story labels keep the spelling most seen in the text', () => {
  const STRIKE =
    'Ukraine fired ATACMS missiles at an airfield near Kursk overnight, officials in Kyiv said. The US approved the use of ' +
    'ATACMS against targets inside Russia last week, and a MacArthur Institute analyst said the strike was the deepest yet. ' +
    'A Macarthur Institute report in May had predicted it; MacArthur Institute staff expect more.';

  it('articleFeatures records the most seen spelling of each name phrase and of given names', () => {
    const f = articleFeatures(STRIKE, '', ['US', 'ATACMS', 'Kursk']);
    expect(f.surface?.get('atacms')).toBe('ATACMS');
    expect(f.surface?.get('us')).toBe('US');
    expect(f.surface?.get('macarthur institute')).toBe('MacArthur Institute');
    expect(f.names.get('macarthur institute')).toBeGreaterThanOrEqual(3);
  });

  it('labels an untitled story with acronyms as written, not title-cased', () => {
    const k = new StoryClusterer();
    const text = 'the missiles struck an airfield overnight and destroyed two hangars, officials said on condition of anonymity.';
    const a = k.assign({ id: 'a1', text, names: ['ATACMS', 'US', 'Kursk'] });
    expect(a.isNew).toBe(true);
    expect(a.label.split(', ').sort()).toEqual(['ATACMS', 'Kursk', 'US']);
    const b = new StoryClusterer().assign({ id: 'a2', text: STRIKE });
    expect(b.label).toContain('MacArthur Institute');
    expect(b.label).not.toMatch(/Macarthur/);
  });

  it('falls back to title case when features carry no spellings', () => {
    const k = new StoryClusterer();
    const a = k.assignFeatures('b1', { words: new Map([['flood', 3]]), names: new Map([['tamsin river', 2]]) }, null);
    expect(a.label).toBe('Tamsin River');
  });
});
