import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../common/text.js';
import { heuristicNames, resolveSpeaker, type PersonName } from './speakers.js';

function names(text: string): PersonName[] {
  return heuristicNames(prepareDoc({ id: 't', text }));
}

function speakerAt(text: string, surface: string, nth = 0): { start: number; end: number; text: string } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(surface, at + 1);
  return { start: at, end: at + surface.length, text: surface };
}

describe('heuristicNames', () => {
  it.each([
    ['Maria Kovalenko arrived in Lviv.', ['Maria Kovalenko']],
    ['Sen. Warren spoke first.', ['Warren']],
    ['George W. Bush and Ana Lima met.', ['George W. Bush', 'Ana Lima']],
    ['The council met on Monday.', []],
  ])('%s', (text, expected) => {
    expect(names(text).map((n) => n.canonical)).toEqual(expected);
  });
});

describe('resolveSpeaker', () => {
  it.each([
    ['pronoun -> nearest name before it', 'Maria Kovalenko visited the plant. She said output had doubled.', 'She', 0, 'Maria Kovalenko'],
    ['nearest of two names', 'Tomas Berg met Ana Lima. He said the deal was close.', 'He', 0, 'Ana Lima'],
    ['surname -> full name named earlier', 'Maria Kovalenko visited the plant. Later Kovalenko said output had doubled.', 'Kovalenko', 1, 'Maria Kovalenko'],
    ['titled surname -> full name', 'Donald Brann spoke in Ohio. Mr. Brann said taxes would fall.', 'Mr. Brann', 0, 'Donald Brann'],
  ])('%s', (_why, text, surface, nth, expected) => {
    expect(resolveSpeaker(speakerAt(text, surface, nth), names(text))).toBe(expected);
  });

  it.each([
    ['no name before the pronoun', 'He said the deal was close.', 'He'],
    ['plural pronoun is not resolved to a person', 'Tomas Berg met the envoys. They said the deal was close.', 'They'],
  ])('unresolved: %s', (_why, text, surface) => {
    expect(resolveSpeaker(speakerAt(text, surface), names(text))).toBeUndefined();
  });
});
