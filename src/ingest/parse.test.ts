import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';

const BODY = 'Engineers opened two spillway gates at the Tallis reservoir on Wednesday to lower the water level after a week of rain.';

describe('parseDocument', () => {
  it('text: title from the first line, the rest is the text', () => {
    const a = parseDocument({ input: 'a.txt', kind: 'text', body: `Spillway gates opened\n\n${BODY}` });
    expect(a).toMatchObject({ input: 'a.txt', status: 'ok', title: 'Spillway gates opened', text: BODY, lang: 'en' });
  });
  it('markdown: the heading is the title', () => {
    expect(parseDocument({ input: 'a.md', kind: 'markdown', body: `# Gates *opened*\n\n${BODY}` })).toMatchObject({ title: 'Gates opened', text: BODY });
  });
  it('structured: the text stays as given and supplied metadata wins', () => {
    const a = parseDocument({
      input: 'b.jsonl:4',
      kind: 'structured',
      body: `Not a title line\n${BODY}`,
      meta: { externalId: 'x9', title: 'Given title', published: '2030-08-14', source: 'Northern Wire', lang: 'en' },
      url: 'https://wire.example/x9',
    });
    expect(a).toMatchObject({
      input: 'b.jsonl:4',
      status: 'ok',
      externalId: 'x9',
      title: 'Given title',
      published: '2030-08-14',
      publishedFrom: 'given',
      source: 'Northern Wire',
      url: 'https://wire.example/x9',
      text: `Not a title line\n${BODY}`,
    });
  });
  it('html goes to the HTML parser and feed metadata wins over the page', () => {
    const html = `<html lang="en"><head><title>Page title</title></head><body><article><h1>Page title</h1>${`<p>${BODY}</p>`.repeat(6)}</article></body></html>`;
    const a = parseDocument({ input: 'feed.xml#2', kind: 'html', body: html, url: 'https://courier.example/a', meta: { title: 'Feed title', published: '2030-08-15T09:00:00.000Z', byline: 'Ada Brennan' } });
    expect(a).toMatchObject({ status: 'ok', title: 'Feed title', published: '2030-08-15T09:00:00.000Z', publishedFrom: 'given', byline: 'Ada Brennan', url: 'https://courier.example/a' });
    expect(a.text).toContain('spillway gates');
  });
  it('an empty text is not an article', () => {
    expect(parseDocument({ input: 'e.txt', kind: 'text', body: '\n\n' })).toMatchObject({ status: 'not_article' });
  });
});
