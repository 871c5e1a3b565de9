import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../common/text.js';
import { assemble, spansFromTags, type RoleSpan } from './assemble.js';
import { sentenceIndex } from './features.js';
import { TAGS } from './model.js';

const ids = (names: string[]): number[] => names.map((n) => TAGS.indexOf(n as (typeof TAGS)[number]));

describe('spansFromTags', () => {
  it('reads B/I runs and splits adjacent spans of one role at B-', () => {
    const got = spansFromTags(ids(['B-SRC', 'I-SRC', 'B-CUE', 'O', 'B-CON', 'B-CON', 'I-CON']), 10);
    expect(got).toEqual([
      { role: 'SRC', start: 10, end: 12 },
      { role: 'CUE', start: 12, end: 13 },
      { role: 'CON', start: 14, end: 15 },
      { role: 'CON', start: 15, end: 17 },
    ]);
  });
});

/** Role spans from the surfaces in `text` (each the first occurrence after the previous one). */
function spansOf(text: string, parts: [RoleSpan['role'], string][]) {
  const doc = prepareDoc({ id: 't', text });
  let from = 0;
  const spans: RoleSpan[] = parts.map(([role, surface]) => {
    const at = text.indexOf(surface, from);
    from = at + surface.length;
    const start = doc.tokens.findIndex((t) => t.start === at);
    const end = doc.tokens.findIndex((t) => t.end === at + surface.length) + 1;
    return { role, start, end };
  });
  return { doc, spans };
}

describe('assemble', () => {
  it('a quote split by "she said" becomes one attribution with two content segments', () => {
    const text = '"We are not ready," she said, "and we never were."';
    const { doc, spans } = spansOf(text, [['CON', '"We are not ready,"'], ['SRC', 'she'], ['CUE', 'said'], ['CON', '"and we never were."']]);
    const [a, ...rest] = assemble(doc, spans, sentenceIndex(doc));
    expect(rest).toEqual([]);
    expect(a!.speaker).toEqual({ start: 20, end: 23, text: 'she' });
    expect(a!.cue).toEqual({ start: 24, end: 28, text: 'said' });
    expect(a!.content).toEqual({ start: 0, end: 19, text: '"We are not ready,"' });
    expect(a!.contentSegments).toEqual([{ start: 30, end: 50, text: '"and we never were."' }]);
  });

  it('two speakers in one sentence keep their own cues', () => {
    const text = 'Berg said the dam held, while Lima said it cracked.';
    const { doc, spans } = spansOf(text, [['SRC', 'Berg'], ['CUE', 'said'], ['CON', 'the dam held'], ['SRC', 'Lima'], ['CUE', 'said'], ['CON', 'it cracked']]);
    const got = assemble(doc, spans, sentenceIndex(doc)).map((a) => [a.speaker?.text, a.cue?.text, a.content?.text]);
    expect(got).toEqual([
      ['Berg', 'said', 'the dam held'],
      ['Lima', 'said', 'it cracked'],
    ]);
  });

  it('content with no cue nearby is kept with no speaker and no cue', () => {
    const text = 'The dam held. Nothing else happened.';
    const { doc, spans } = spansOf(text, [['CON', 'The dam held']]);
    expect(assemble(doc, spans, sentenceIndex(doc))).toEqual([
      { speaker: null, cue: null, content: { start: 0, end: 12, text: 'The dam held' }, contentSegments: [] },
    ]);
  });

  it('"According to X, Y": a source run on past the comma is cut there and the rest is content', () => {
    const text = 'According to the ministry, the road is closed.';
    const { doc, spans } = spansOf(text, [['CUE', 'According to'], ['SRC', 'the ministry, the road is closed']]);
    const got = assemble(doc, spans, sentenceIndex(doc)).map((a) => [a.speaker?.text, a.cue?.text, a.content?.text]);
    expect(got).toEqual([['the ministry', 'According to', 'the road is closed']]);
  });

  it('no spans -> no attributions', () => {
    const doc = prepareDoc({ id: 't', text: 'Nothing was said here.' });
    expect(assemble(doc, [], sentenceIndex(doc))).toEqual([]);
  });
});

describe('assemble: content runs to the sentence edge', () => {
  type Row = [text: string, parts: [RoleSpan['role'], string][], content: string];
  it.each<Row>([
    // tail: reported speech after the cue runs on to the sentence end (without the final stop)
    ['Vance said the bridge failed, which surprised nobody.', [['SRC', 'Vance'], ['CUE', 'said'], ['CON', 'the bridge failed']], 'the bridge failed, which surprised nobody'],
    // head: content before the cue starts at the sentence start
    ['In March, the talks stalled, Okafor said.', [['CON', 'the talks stalled'], ['SRC', 'Okafor'], ['CUE', 'said']], 'In March, the talks stalled'],
  ])('extended: %j', (text, parts, content) => {
    const { doc, spans } = spansOf(text, parts);
    expect(assemble(doc, spans, sentenceIndex(doc))[0]!.content?.text).toBe(content);
  });
  it.each<Row>([
    // another role span in the way
    ['Berg said the dam held, while Lima said it cracked.', [['SRC', 'Berg'], ['CUE', 'said'], ['CON', 'the dam held'], ['SRC', 'Lima'], ['CUE', 'said'], ['CON', 'it cracked']], 'the dam held'],
    // a quote mark in the way
    ['Vance said the bridge failed, "and that is final."', [['SRC', 'Vance'], ['CUE', 'said'], ['CON', 'the bridge failed']], 'the bridge failed'],
    // too far from the sentence end (more than 8 tokens)
    ['Vance said the bridge failed in the storm that hit the coast on a cold and windy night.', [['SRC', 'Vance'], ['CUE', 'said'], ['CON', 'the bridge failed']], 'the bridge failed'],
  ])('kept: %j', (text, parts, content) => {
    const { doc, spans } = spansOf(text, parts);
    expect(assemble(doc, spans, sentenceIndex(doc))[0]!.content?.text).toBe(content);
  });
});

describe('assemble: a second cue shares the first cue\'s speaker', () => {
  type Case = [why: string, text: string, parts: [RoleSpan['role'], string][], speakers: (string | undefined)[]];
  it.each<Case>([
    ['", adding"', 'The mayor said the bridge was safe, adding that repairs would start in May.',
      [['SRC', 'The mayor'], ['CUE', 'said'], ['CON', 'the bridge was safe'], ['CUE', 'adding'], ['CON', 'that repairs would start in May']],
      ['The mayor', 'The mayor']],
    ['"and warned"', 'Lima said the levee held and warned that the river was still rising.',
      [['SRC', 'Lima'], ['CUE', 'said'], ['CON', 'the levee held'], ['CUE', 'warned'], ['CON', 'that the river was still rising']],
      ['Lima', 'Lima']],
    ['"but conceded"', 'The minister said the talks went well but conceded that no deal was near.',
      [['SRC', 'The minister'], ['CUE', 'said'], ['CON', 'the talks went well'], ['CUE', 'conceded'], ['CON', 'that no deal was near']],
      ['The minister', 'The minister']],
    // Negatives: no link word, another sentence, an -ing cue without the comma, a source after its cue.
    ['no link word', 'Berg said the dam held; critics noted the cracks.',
      [['SRC', 'Berg'], ['CUE', 'said'], ['CON', 'the dam held'], ['CUE', 'noted'], ['CON', 'the cracks']],
      ['Berg', undefined]],
    ['next sentence', 'Berg said the dam held. And warned the river could rise.',
      [['SRC', 'Berg'], ['CUE', 'said'], ['CON', 'the dam held'], ['CUE', 'warned'], ['CON', 'the river could rise']],
      ['Berg', undefined]],
    ['-ing without comma', 'Berg said the dam held despite critics claiming the opposite.',
      [['SRC', 'Berg'], ['CUE', 'said'], ['CON', 'the dam held'], ['CUE', 'claiming'], ['CON', 'the opposite']],
      ['Berg', undefined]],
    ['first source after its cue', '"It held," said Berg, adding nothing more.',
      [['CON', '"It held,"'], ['CUE', 'said'], ['SRC', 'Berg'], ['CUE', 'adding'], ['CON', 'nothing more']],
      ['Berg', undefined]],
  ])('%s', (_why, text, parts, speakers) => {
    const { doc, spans } = spansOf(text, parts);
    const got = assemble(doc, spans, sentenceIndex(doc)).filter((a) => a.cue).map((a) => a.speaker?.text);
    expect(got).toEqual(speakers);
  });
});

describe('assemble: speaker / cue edges', () => {
  type Case = [why: string, text: string, parts: [RoleSpan['role'], string][], speaker: string, cue: string];
  it.each<Case>([
    ['-ly adverb goes to the cue', 'Berg quietly said the dam held.', [['SRC', 'Berg quietly'], ['CUE', 'said'], ['CON', 'the dam held']], 'Berg', 'quietly said'],
    ['"also" goes to the cue', 'Officials also told reporters the talks would resume.', [['SRC', 'Officials also'], ['CUE', 'told'], ['CON', 'the talks would resume']], 'Officials', 'also told'],
    ['appositive keeps its closing comma', 'Ana Lima, the regional governor, said the river was rising.',
      [['SRC', 'Ana Lima, the regional governor'], ['CUE', 'said'], ['CON', 'the river was rising']], 'Ana Lima, the regional governor,', 'said'],
    ['plain speaker loses a trailing comma', 'In Kyiv officials, said the talks failed.',
      [['SRC', 'Kyiv officials,'], ['CUE', 'said'], ['CON', 'the talks failed']], 'Kyiv officials', 'said'],
    // Negatives: -ly nouns, one-token speakers, a comma that does not touch the cue.
    ['"family" is not an adverb', 'The family said the house was lost.', [['SRC', 'The family'], ['CUE', 'said'], ['CON', 'the house was lost']], 'The family', 'said'],
    ['one-token speaker stays', 'Quietly said the dam held.', [['SRC', 'Quietly'], ['CUE', 'said'], ['CON', 'the dam held']], 'Quietly', 'said'],
    ['appositive not followed by the cue', 'Ana Lima, the governor, on Monday said it rose.',
      [['SRC', 'Ana Lima, the governor'], ['CUE', 'said'], ['CON', 'it rose']], 'Ana Lima, the governor', 'said'],
  ])('%s', (_why, text, parts, speaker, cue) => {
    const { doc, spans } = spansOf(text, parts);
    const [a] = assemble(doc, spans, sentenceIndex(doc));
    expect(a!.speaker?.text).toBe(speaker);
    expect(a!.cue?.text).toBe(cue);
  });
});
