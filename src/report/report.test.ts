import { describe, expect, it } from 'vitest';
import { claimsToCSV, csvCell, esc, mdEscape, toGeoJSON, toHTML, toJSON, toMarkdown, type Report } from './index.js';

const T = 'The bridge is <b>12 km</b> long & "new".';
const report: Report = {
  stories: [
    {
      story: { id: 's1', label: 'Bridge <opening>', articleIds: ['a1', 'a2'], firstSeen: '2031-01-01', lastSeen: '2031-01-02' },
      articles: [
        { id: 'a1', title: 'Bridge opens', source: 'Wire', published: '2031-01-01', url: 'https://example.org/a?x=1&y=2', duplicateOf: null },
        { id: 'a2', title: null, source: null, published: null, url: 'javascript:alert(1)', duplicateOf: 'a1' },
      ],
      brief: [{ text: T, articleId: 'a1', start: 0, end: T.length }],
      groups: [
        {
          measure: 'length | of bridge',
          verdict: 'contradict',
          claims: [
            { id: 'a1#q0', articleId: 'a1', measure: 'length', value: 12, unit: 'km', qualifier: '=', normalized: null, time: null, speaker: null, cites: null, span: { start: 20, end: 25, text: '12 km' }, sentence: { start: 0, end: T.length, text: T } },
            { id: 'a2#q0', articleId: 'a2', measure: 'length', value: [3, 4], unit: 'km', qualifier: '~', normalized: null, time: null, speaker: '=cmd', cites: 'Wire', span: { start: 0, end: 4, text: '3-4' }, sentence: { start: 0, end: 4, text: '3-4 km, "approx"' } },
          ],
          independentSources: ['Wire', 'article:a2'],
          explanation: 'figures do not overlap',
        },
      ],
      timeline: [{ when: '2031-01-01', resolved: true, what: 'Bridge <opened>', citations: [{ articleId: 'a1', start: 0, end: 5 }] }],
      entities: [{ name: 'Acme & Sons', type: 'ORG', count: 2 }],
      places: [{ name: 'Riverton', lat: 10.5, lon: -20.25, count: 3, articleIds: ['a1'] }],
    },
  ],
};

describe('formatters', () => {
  it('HTML escapes all text, keeps only http(s) links and has no script', () => {
    const h = toHTML(report);
    expect(h).not.toContain('<b>12 km</b>');
    expect(h).toContain('&lt;b&gt;12 km&lt;/b&gt;');
    expect(h).toContain('Bridge &lt;opening&gt;');
    expect(h).toContain('href="https://example.org/a?x=1&amp;y=2"');
    expect(h).not.toContain('javascript:');
    expect(h).not.toMatch(/<script/i);
    expect(h.startsWith('<!DOCTYPE html>')).toBe(true);
  });
  it('Markdown has the brief with citations, the claims table and the timeline', () => {
    const m = toMarkdown(report);
    expect(m).toContain('## Bridge \\<opening\\>');
    expect(m).toContain('[1]');
    expect(m).toContain('| length \\| of bridge | **CONTRADICT** |');
    expect(m).toContain('**2031-01-01**');
    expect(m).toContain('~3–4 km [2]');
    expect(m).toContain('| 2: Wire, article \\[2\\] |');
    expect(m).toContain('2031-01-01 – 2031-01-02');
    // a copy names its original by its number in the list
    expect(m).toContain('copy of [1]');
    expect(toHTML(report)).toContain('copy of <sup><a href="#s1-a1">[1]</a></sup>');
  });
  it('names an origin without an outlet by its number in both formats, and marks inferred dates', () => {
    const inferred: Report = { stories: [{ ...report.stories[0]!, datesInferred: true, articles: [report.stories[0]!.articles[0]!, { ...report.stories[0]!.articles[1]!, published: '2031-01-02', publishedInferred: true }] }] };
    expect(toHTML(inferred)).toContain('2: Wire, article [2]');
    const m = toMarkdown(inferred);
    expect(m).toContain('(dates inferred from the text)');
    expect(m).toContain('2031-01-02 (inferred)');
  });
  it('marks dates resolved against a story date as approximate, in both formats', () => {
    const s0 = report.stories[0]!;
    const approx: Report = {
      stories: [{
        ...s0,
        articles: [s0.articles[0]!, { ...s0.articles[1]!, published: '2031-01-01', publishedInferred: true, publishedFromStory: true }],
        timeline: [{ when: '2030-12', resolved: true, approximate: true, what: 'Works began', citations: [{ articleId: 'a2', start: 0, end: 5 }] }],
      }],
    };
    const m = toMarkdown(approx);
    expect(m).toContain('**≈ 2030-12** (approximate: the article is undated): Works began [2]');
    expect(m).toContain('about 2031-01-01 (from its story)');
    expect(toHTML(approx)).toContain('<b>≈ 2030-12</b> <i>(approximate: the article is undated)</i>');
  });
  it('JSON round-trips', () => {
    expect(JSON.parse(toJSON(report))).toEqual(report);
  });
  it('CSV quotes and defuses formulas', () => {
    const c = claimsToCSV(report).split('\r\n');
    expect(c[0]).toBe('story,measure,verdict,independent_sources,article,value,unit,qualifier,speaker,cites,start,end,sentence');
    expect(c).toHaveLength(4);
    expect(c[2]).toContain("'=cmd");
    expect(c[2]).toContain('"3-4 km, ""approx"""');
  });
  it.each([
    ['a,b', '"a,b"'],
    ['=1+1', "'=1+1"],
    [null, ''],
    [[1, 2], '1-2'],
  ])('csvCell(%j) -> %s', (v, out) => expect(csvCell(v)).toBe(out));
  it.each([
    ['<a & "b">', '&lt;a &amp; &quot;b&quot;&gt;'],
    ["it's", 'it&#39;s'],
  ])('esc(%s)', (v, out) => expect(esc(v)).toBe(out));
  it('mdEscape flattens lines and escapes table pipes', () => expect(mdEscape('a|b\nc*')).toBe('a\\|b c\\*'));
});

describe('toGeoJSON', () => {
  it('merges mentions of one place and drops bad coordinates', () => {
    const g = toGeoJSON([
      { name: 'Riverton', lat: 10.5, lon: -20.25, articleId: 'a1', storyId: 's1' },
      { name: 'Riverton', lat: 10.5, lon: -20.25, articleId: 'a2', storyId: 's1', count: 2 },
      { name: 'Nowhere', lat: Number.NaN, lon: 0 },
      { name: 'Off', lat: 95, lon: 0 },
    ]);
    expect(g.type).toBe('FeatureCollection');
    expect(g.features).toHaveLength(1);
    expect(g.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-20.25, 10.5] },
      properties: { name: 'Riverton', country: null, precision: null, geonameid: null, mentions: 3, articles: ['a1', 'a2'], stories: ['s1'] },
    });
  });
});
