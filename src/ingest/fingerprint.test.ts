import { describe, expect, it } from 'vitest';
import {
  contentHash,
  decodeFingerprint,
  encodeFingerprint,
  fingerprint,
  MIN_SHINGLES,
  NearDupIndex,
  normalizedWords,
  setSimilarity,
  shingleSet,
} from './fingerprint.js';

// Invented news-style texts (CONVENTIONS 5: our own sentences).
const FLOOD = [
  'Floodwaters from the swollen Varna River forced about 2,300 residents of Oxley Falls from their homes on Tuesday, county officials said.',
  'The river crested at 7.4 metres shortly after midnight, nearly a metre above the previous record set in 1987, according to the regional water board.',
  'Emergency crews used boats to reach families stranded on rooftops in the low-lying Mill Street district, where the water rose faster than forecast.',
  'Mayor Dana Whitcombe said two shelters had been opened at the Oxley Falls high school and the county fairgrounds, and that a third was being prepared.',
  'No deaths had been reported by Tuesday evening, but a volunteer firefighter was treated for hypothermia after his boat capsized near the old rail bridge.',
  'The national weather service warned that another 40 millimetres of rain could fall on the upper catchment before Thursday, raising the risk of new flooding downstream.',
].join('\n\n');

const FLOOD_OTHER_OUTLET = [
  'Thousands of people in Oxley Falls spent the night in shelters after the Varna River burst its banks, in what residents called the worst flood in living memory.',
  'Officials put the number of evacuated residents at 2,500, while the water board said the river peaked at 7.4 metres.',
  'Volunteers ferried elderly neighbours out of the Mill Street area in canoes and fishing boats as sirens sounded across town.',
  'Mayor Dana Whitcombe told reporters the town would need outside help with the clean-up, which she expected to take weeks.',
  'Forecasters expect more rain on Thursday.',
].join('\n\n');

const BUDGET = [
  'The city council of Brennick approved a budget of 412 million dollars for next year on Monday after a six-hour debate that ran past midnight.',
  'The plan raises spending on public transport by 9 percent and freezes property taxes for a second year, council members said.',
  'Opposition members argued that the transport money would have been better spent on road repairs, and three of them voted against the plan.',
  'The budget now goes to the regional government, which has thirty days to raise objections before it takes effect in January.',
].join('\n\n');

function rewrap(text: string, width: number): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join('\n');
}

const paras = FLOOD.split('\n\n');

describe('normalizedWords / contentHash', () => {
  it.each([
    ['The  Mayor\'s\noffice SAID.', ['the', 'mayor', 's', 'office', 'said']],
    ['“Quoted” — ﬁne', ['quoted', 'fine']],
    ['2,300 residents', ['2', '300', 'residents']],
    ['', []],
  ])('%j -> %j', (text, words) => {
    expect(normalizedWords(text)).toEqual(words);
  });

  it('ignores spacing, case, line wrapping and punctuation', () => {
    expect(contentHash(rewrap(FLOOD, 60))).toBe(contentHash(FLOOD));
    expect(contentHash(FLOOD.toUpperCase())).toBe(contentHash(FLOOD));
    expect(contentHash(FLOOD.replace(/, /g, ' ; '))).toBe(contentHash(FLOOD));
  });

  it('changes when a figure changes', () => {
    expect(contentHash(FLOOD.replace('2,300', '2,400'))).not.toBe(contentHash(FLOOD));
  });
});

describe('fingerprint encoding', () => {
  it('round-trips', () => {
    const fp = fingerprint(FLOOD);
    const back = decodeFingerprint(encodeFingerprint(fp));
    expect(back?.shingles).toBe(fp.shingles);
    expect(Array.from(back?.minhash ?? [])).toEqual(Array.from(fp.minhash));
  });

  it('ignores blobs of another size or version', () => {
    expect(decodeFingerprint(new Uint8Array([1, 2, 3]))).toBeNull();
    const enc = encodeFingerprint(fingerprint(FLOOD));
    enc[0] = 99;
    expect(decodeFingerprint(enc)).toBeNull();
  });

  it('is stable across runs (seeds are fixed)', () => {
    expect(Array.from(fingerprint('one two three four five six').minhash.slice(0, 2))).toEqual(
      Array.from(fingerprint('ONE two, three four five six').minhash.slice(0, 2)),
    );
  });
});

describe('NearDupIndex: syndicated copies are found', () => {
  const copies: Array<[string, string]> = [
    ['re-wrapped lines', rewrap(FLOOD, 50)],
    ['boilerplate added', `OXLEY FALLS (Valley Wire) --\n\n${FLOOD}\n\nCopyright 2026 Valley Wire. All rights reserved. This material may not be published, broadcast or redistributed.\n\nSign up for our morning newsletter.`],
    ['trimmed to the first four paragraphs', paras.slice(0, 4).join('\n\n')],
    ['trimmed to the first two paragraphs', paras.slice(0, 2).join('\n\n')],
    ['a sentence edited', FLOOD.replace('about 2,300 residents', 'some 2,300 people')],
    ['new headline line on top', `Town flees rising river\n\n${FLOOD}`],
    ['paragraphs dropped in the middle', [paras[0], paras[1], paras[4], paras[5]].join('\n\n')],
  ];

  it.each(copies)('%s', async (_name, copy) => {
    const idx = new NearDupIndex({ loadText: (id) => (id === 'flood' ? FLOOD : id === 'budget' ? BUDGET : null) });
    idx.add('flood', fingerprint(FLOOD));
    idx.add('budget', fingerprint(BUDGET));
    const m = await idx.find(copy);
    expect(m?.id).toBe('flood');
    expect(m?.similarity).toBeGreaterThanOrEqual(0.5);
  });
});

describe('NearDupIndex: non-copies are not matched', () => {
  const negatives: Array<[string, string]> = [
    ['same story, another outlet', FLOOD_OTHER_OUTLET],
    ['another story', BUDGET],
    ['too short to judge', 'Floodwaters from the swollen Varna River'],
    ['empty', ''],
    ['only the boilerplate', 'Copyright 2026 Valley Wire. All rights reserved. This material may not be published, broadcast or redistributed.'],
  ];

  it.each(negatives)('%s', async (_name, text) => {
    const idx = new NearDupIndex({ loadText: (id) => (id === 'flood' ? FLOOD : null) });
    idx.add('flood', fingerprint(FLOOD));
    expect(await idx.find(text)).toBeNull();
  });

  it('without stored text, decides on the MinHash estimate', async () => {
    const idx = new NearDupIndex();
    idx.add('flood', encodeFingerprint(fingerprint(FLOOD)));
    expect((await idx.find(rewrap(FLOOD, 40)))?.id).toBe('flood');
    expect(await idx.find(FLOOD_OTHER_OUTLET)).toBeNull();
  });

  it('skips undecodable and too-short fingerprints', () => {
    const idx = new NearDupIndex();
    idx.add('bad', new Uint8Array(4));
    idx.add('short', fingerprint('a b c'));
    expect(idx.size).toBe(0);
    expect(shingleSet('a b c').size).toBeLessThan(MIN_SHINGLES);
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => new NearDupIndex({ threshold: 1.5 })).toThrow(/1\.5/);
    expect(() => new NearDupIndex({ threshold: 0 })).toThrow(/threshold/);
  });
});

describe('setSimilarity', () => {
  it('measures containment of the smaller set and Jaccard', () => {
    expect(setSimilarity(new Set([1, 2]), new Set([1, 2, 3, 4]))).toEqual({ containment: 1, jaccard: 0.5 });
    expect(setSimilarity(new Set(), new Set([1]))).toEqual({ containment: 0, jaccard: 0 });
  });
});

describe('adversarial inputs finish', () => {
  it('100k digits, "of the " x 50k, one huge word', () => {
    expect(normalizedWords('9'.repeat(100_000))).toHaveLength(1);
    expect(shingleSet('of the '.repeat(50_000)).size).toBe(2);
    expect(contentHash('x'.repeat(1_000_000))).toHaveLength(64);
  });
});

describe('templated texts', () => {
  it('keeps buckets bounded, and still finds copies of the first members', async () => {
    const idx = new NearDupIndex();
    const tpl = (i: number) => `Road works bulletin ${i}: the road between Ostry and Pell will close for three days while crews replace drainage pipe, the works department said on Monday.`;
    for (let i = 0; i < 500; i++) idx.add(`t${i}`, fingerprint(tpl(i)));
    expect(idx.candidates(fingerprint(tpl(9999))).length).toBeLessThanOrEqual(64 * 60);
    expect(await idx.find(tpl(9999))).not.toBeNull();
  });
});
