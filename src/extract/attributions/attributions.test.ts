/**
 * Sentence tables for the attributions stage (tagger + outlet rule + refiners) with the committed
 * model. Sentences are ours; each row states speaker, cue and content surfaces, and offsets are checked
 * against the text. Reference date is explicit (attributions do not use it, the pipeline requires one).
 */
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import type { AttributionMention } from '../../types.js';
import { attributionsExtractors, attributionsRefiners } from './index.js';
import { CONTINUATION_REASON } from './refiners.js';

const pipeline = createPipeline({ extractors: attributionsExtractors, refiners: attributionsRefiners, inferReference: () => null });
const REFERENCE = '2024-08-06';

function run(text: string): AttributionMention[] {
  return pipeline.extract({ id: 't', text, published: REFERENCE }).attributions;
}

function expectSpan(text: string, got: { start: number; end: number; text: string } | null, surface: string | null): void {
  if (surface === null) {
    expect(got).toBeNull();
    return;
  }
  expect(got).not.toBeNull();
  expect(got!.text).toBe(surface);
  expect(got!.start).toBe(text.indexOf(surface));
  expect(got!.end).toBe(text.indexOf(surface) + surface.length);
  expect(text.slice(got!.start, got!.end)).toBe(surface);
}

type Row = [text: string, speaker: string | null, cue: string, content: string | null, cites: string | undefined];

describe('attributions: one per sentence', () => {
  it.each<Row>([
    ['The plan will fail, Maria Kovalenko said on Tuesday.', 'Maria Kovalenko', 'said', 'The plan will fail', undefined],
    ['US officials told The Wall Street Journal that 300 troops had arrived in the region.', 'US officials', 'told', 'that 300 troops had arrived in the region', 'The Wall Street Journal'],
    ['The strike killed 12 people, per Politico.', 'Politico', 'per', 'The strike killed 12 people', 'Politico'],
    ['The New York Times reported that the ceasefire had collapsed overnight.', 'The New York Times', 'reported', 'that the ceasefire had collapsed overnight', 'The New York Times'],
    ['According to the mayor, the bridge will reopen in March.', 'the mayor', 'According to', 'the bridge will reopen in March', undefined],
    ['The company said in a statement that it would cut 400 jobs.', 'The company', 'said in a statement', 'that it would cut 400 jobs', undefined],
    ['He added that the talks would resume next week.', 'He', 'added', 'that the talks would resume next week', undefined],
    ['Ukrainian officials claimed that 74 towns had been retaken.', 'Ukrainian officials', 'claimed', 'that 74 towns had been retaken', undefined],
    ['A Ukrainian official said the drones were shot down over Kharkiv.', 'A Ukrainian official', 'said', 'the drones were shot down over Kharkiv', undefined],
    ['Tomas Berg, a spokesman for the ministry, said the convoy had been delayed.', 'Tomas Berg, a spokesman for the ministry,', 'said', 'the convoy had been delayed', undefined],
    ['"The water is rising," said Ana Lima, the regional governor.', 'Ana Lima, the regional governor', 'said', '"The water is rising,"', undefined],
    ['According to the Times, the talks collapsed.', 'the Times', 'According to', 'the talks collapsed', undefined],
    ['The convoy was delayed by two days, the ministry said.', 'the ministry', 'said', 'The convoy was delayed by two days', undefined],
    ['The vote was delayed, officials told the Associated Press on Friday.', 'officials', 'told', 'The vote was delayed', 'Associated Press'],
    // Stance verbs are cues too (PolNeAR): who holds which view.
    ['Local farmers fear that the new dam will flood their fields.', 'Local farmers', 'fear', 'that the new dam will flood their fields', undefined],
    ['Several council members oppose the plan to close the library.', 'Several council members', 'oppose', 'the plan to close the library', undefined],
    ['Critics worry that the new rules will push small farms out of business.', 'Critics', 'worry', 'that the new rules will push small farms out of business', undefined],
    ['Most economists doubt that the central bank will cut rates this year.', 'Most economists', 'doubt', 'that the central bank will cut rates this year', undefined],
  ])('%s', (text, speaker, cue, content, cites) => {
    const got = run(text);
    expect(got).toHaveLength(1);
    const a = got[0]!;
    expectSpan(text, a.speaker, speaker);
    expectSpan(text, a.cue, cue);
    expectSpan(text, a.content, content);
    expect(a.cites).toBe(cites);
  });

  it.skip.each<Row>([
    // The tagger stops the content at the first verb group it has rarely seen inside reported speech
    // after "warned": a first-order model without syntax misjudges clause ends.
    ['Officials warned that the river, swollen by a week of rain, could burst its banks by Friday.', 'Officials', 'warned', 'that the river, swollen by a week of rain, could burst its banks by Friday', undefined],
  ])('known failure: %s', (text, speaker, cue, content) => {
    const a = run(text)[0]!;
    expectSpan(text, a.speaker, speaker);
    expectSpan(text, a.cue, cue);
    expectSpan(text, a.content, content);
  });
});

describe('attributions: split quotes, pronouns, cited outlets', () => {
  it('a quote split by "she told reporters" is one attribution with two segments, "she" resolved', () => {
    const text = 'Maria Kovalenko visited the dam. "We are not ready," she told reporters, "and we never were."';
    const got = run(text).filter((a) => a.cue?.text === 'told');
    expect(got).toHaveLength(1);
    const a = got[0]!;
    expectSpan(text, a.speaker, 'she');
    expectSpan(text, a.content, '"We are not ready,"');
    expect(a.contentSegments?.map((s) => [s.start, s.end, s.text])).toEqual([[text.indexOf('"and'), text.length, '"and we never were."']]);
    expect(a.speakerCanonical).toBe('Maria Kovalenko');
    // The later segment is also an attribution of its own: no speaker/cue span, same canonical speaker.
    const cont = run(text).filter((x) => x.reasons.includes(CONTINUATION_REASON));
    expect(cont).toHaveLength(1);
    expect(cont[0]!.speaker).toBeNull();
    expect(cont[0]!.cue).toBeNull();
    expectSpan(text, cont[0]!.content, '"and we never were."');
    expect(cont[0]!.speakerCanonical).toBe('Maria Kovalenko');
  });

  it.each([
    ['The mayor said the bridge was safe.'],
    ['"The bridge is safe," the engineer said on Monday.'],
  ])('no continuation without a split quote: %s', (text) => {
    expect(run(text).filter((x) => x.reasons.includes(CONTINUATION_REASON))).toEqual([]);
  });

  it('"the Journal" cites The Wall Street Journal when the text named it in full', () => {
    const text = 'The Wall Street Journal first reported the deal on Monday. Officials told the Journal that it was signed.';
    const a = run(text).find((x) => x.speaker?.text === 'Officials');
    expect(a?.cites).toBe('The Wall Street Journal');
  });

  it('a surname speaker resolves to the full name named earlier', () => {
    const text = 'Maria Kovalenko inspected the plant on Monday. Kovalenko said output had doubled.';
    const a = run(text).find((x) => x.speaker?.text === 'Kovalenko');
    expect(a?.speakerCanonical).toBe('Maria Kovalenko');
  });
});

describe('attributions: a second cue of the same speaker', () => {
  it.each([
    ['The mayor said the bridge was safe, adding that repairs would start in May.', 'The mayor', ['said', 'adding']],
    ['Lima said the levee held and warned that the river was still rising.', 'Lima', ['said', 'warned']],
  ])('%s', (text, speaker, cues) => {
    const got = run(text);
    expect(got.map((a) => a.cue?.text).sort()).toEqual([...cues].sort());
    for (const a of got) expectSpan(text, a.speaker, speaker);
  });
});

describe('attributions: not cues', () => {
  it.each([
    ['per cent', 'Output rose 5 per cent last year.'],
    ['per capita', 'Income per capita fell again in 2023.'],
    ['so-called', 'The so-called reform was never passed.'],
    ['no speech at all', 'Traffic resumed shortly after noon.'],
    ['per + non-outlet', 'Tickets cost $40 per day during the festival.'],
  ])('%s', (_why, text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('attributions: adversarial inputs finish', () => {
  it.each([
    ['100k digits', '9'.repeat(100_000)],
    ['"of the " x 50k', 'of the '.repeat(50_000)],
    ['"said " x 20k', 'said '.repeat(20_000)],
    ['unbalanced quotes x 50k', '“a '.repeat(50_000)],
    ['"per Politico" x 10k', 'per Politico, '.repeat(10_000)],
  ])('%s', (_why, text) => {
    const got = run(text);
    expect(Array.isArray(got)).toBe(true);
    for (const a of got) for (const s of [a.speaker, a.cue, a.content]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('empty text -> no attributions', () => {
    expect(run('')).toEqual([]);
  });
});
