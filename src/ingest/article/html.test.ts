import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml, decodeHtml } from './html.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'html');
const load = (name: string): string => decodeHtml(readFileSync(join(FIX, name))).text;

describe('parseHtml on invented fixture pages', () => {
  it.each([
    {
      file: 'article-boilerplate.html',
      status: 'ok',
      title: 'Flood barrier fails as river peaks in Eastmoor',
      byline: 'Priya Castellane, Tom Okafor',
      published: '2024-03-14T07:45:00+00:00',
      source: 'The Valley Courier',
      url: 'https://valleycourier.example/news/2024/03/14/eastmoor-flood-barrier',
      lang: 'en',
      first: 'A temporary flood barrier gave way in Eastmoor early on Thursday',
      last: 'although more rain is due on Monday.',
      paragraphs: 7,
    },
    {
      file: 'jsonld-body.html',
      status: 'ok',
      title: 'Port strike enters second week',
      byline: 'Lena Marsh',
      published: '2023-11-02T16:20:00Z',
      source: 'Harbour Herald',
      url: null,
      lang: 'en',
      first: 'Dock workers at the port of Saltmere',
      last: 'no date has been set.',
      paragraphs: 4,
    },
    {
      file: 'cp1251.html',
      status: 'ok',
      title: 'Мост через реку закрыт на ремонт',
      byline: null,
      published: null,
      source: null,
      url: null,
      lang: 'ru',
      first: 'Городские власти закрыли мост через реку Северную',
      last: 'занимает на полчаса больше, чем раньше.',
      paragraphs: 3,
    },
    {
      file: 'latin1.html',
      status: 'ok',
      title: 'La mairie ferme le pont Nord',
      byline: null,
      published: null,
      source: null,
      url: null,
      lang: 'fr',
      first: 'La mairie a fermé le pont Nord mardi après la découverte',
      last: 'plus longs aux heures de pointe.',
      paragraphs: 3,
    },
    {
      file: 'tweet-and-url-date.html',
      status: 'ok',
      title: "Mayor's post on bridge closure draws replies",
      byline: null,
      published: null,
      source: 'Riverside Daily',
      url: null,
      lang: 'en',
      first: 'The mayor of Riverside announced the closure',
      last: 'publish an updated timetable by Thursday.',
      paragraphs: 5,
    },
  ])('$file', (c) => {
    const a = parseHtml(load(c.file), c.file);
    expect(a.input).toBe(c.file);
    expect(a.status).toBe(c.status);
    expect(a.title).toBe(c.title);
    expect(a.byline).toBe(c.byline);
    expect(a.published).toBe(c.published);
    expect(a.source).toBe(c.source);
    expect(a.url).toBe(c.url);
    expect(a.lang).toBe(c.lang);
    expect(a.text.startsWith(c.first)).toBe(true);
    expect(a.text.endsWith(c.last)).toBe(true);
    expect(a.text.split('\n\n')).toHaveLength(c.paragraphs);
  });

  it.each([
    ['navigation', 'Sport'],
    ['cookie notice', 'We use cookies'],
    ['headline (kept in title, not text)', 'Flood barrier fails'],
    ['byline', 'By Priya'],
    ['share bar', 'Share on Facebook'],
    ['caption', 'Water pours over the barrier'],
    ['ad label', 'Advertisement'],
    ['read-more link', 'Read more'],
    ['newsletter box', 'Sign up for our free daily newsletter'],
    ['related stories', 'Eastmoor school closes'],
    ['comments', 'nobody in charge ever seems to learn'],
    ['sidebar', 'Bypass plan shelved'],
    ['footer', 'All rights reserved'],
    ['script', 'dataLayer'],
    ['style', 'height:250px'],
  ])('drops the %s', (_what, needle) => {
    const a = parseHtml(load('article-boilerplate.html'), 'x.html');
    expect(a.text).not.toContain(needle);
  });

  it('keeps a subheading inside the body', () => {
    const a = parseHtml(load('article-boilerplate.html'), 'x.html');
    expect(a.text.split('\n\n')).toContain('Questions over funding');
  });

  it('keeps an embedded tweet, which article bodies quote', () => {
    const a = parseHtml(load('tweet-and-url-date.html'), 'x.html');
    expect(a.text).toContain('The North Bridge will be closed from tonight');
  });

  it.each([
    ['index-page.html', 'not_article'],
    ['not-found.html', 'not_article'],
  ])('%s is %s with a reason', (file, status) => {
    const a = parseHtml(load(file), file);
    expect(a.status).toBe(status);
    expect(a.error).toMatch(/\w/);
  });

  it('takes the publication date from the URL when the page has none', () => {
    const a = parseHtml(load('tweet-and-url-date.html'), 'x.html', { url: 'https://riverside.example/2024/05/07/bridge-closure/' });
    expect(a.published).toBe('2024-05-07');
    expect(a.publishedFrom).toBe('url');
    expect(a.url).toBe('https://riverside.example/2024/05/07/bridge-closure/');
  });

  it('lets caller metadata win over the page', () => {
    const a = parseHtml(load('article-boilerplate.html'), 'x.html', { meta: { title: 'Feed title', published: '2024-03-15' } });
    expect(a.title).toBe('Feed title');
    expect(a.published).toBe('2024-03-15');
    expect(a.publishedFrom).toBe('given');
  });

  it('names the outlet from the domain when the page does not', () => {
    const html = '<html><body><article>' + '<p>The committee met on Monday and agreed to publish its findings on the port dispute next month, officials said.</p>'.repeat(3) + '</article></body></html>';
    expect(parseHtml(html, 'x', { url: 'https://www.reuters.com/world/some-story' }).source).toBe('Reuters');
    expect(parseHtml(html, 'x', { url: 'https://news.example.org/a' }).source).toBe('news.example.org');
  });

  it.each([
    ['empty string', ''],
    ['whitespace', '   \n  '],
    ['no body text', '<html><head><title>T</title></head><body></body></html>'],
    ['only scripts', '<script>var a = "lots of text in a script that is not shown to readers at all";</script>'],
  ])('%s -> not_article', (_what, html) => {
    const a = parseHtml(html, 'x.html');
    expect(a.status).toBe('not_article');
    expect(a.text.length).toBeLessThan(80);
  });

  it('separates paragraphs made with double <br>', () => {
    const body = 'The station reopened on Friday after a week of repairs to its roof, the rail operator said in a statement.';
    const html = `<html><body><div class="post-body">${body}<br><br>${body}<br><br>${body}</div></body></html>`;
    expect(parseHtml(html, 'x').text.split('\n\n')).toEqual([body, body, body]);
  });
});

describe('parseHtml on adversarial input (must finish)', () => {
  it('still reads a paragraph nested 1,500 levels deep', () => {
    const p = 'The bridge reopened on Friday, the council said, after three months of repairs to its supports.';
    const a = parseHtml(`${'<div>'.repeat(1500)}<p>${p}</p><p>${p}</p>${'</div>'.repeat(1500)}`, 'x');
    expect(a.text).toBe(`${p}\n\n${p}`);
  });

  it.each([
    ['100k digits', `<p>${'7'.repeat(100_000)}</p>`],
    ['"of the " 50k times', `<p>${'of the '.repeat(50_000)}</p>`],
    ['100k nested divs', `${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}`],
    ['20k unclosed tags', '<b><i><span>'.repeat(7_000)],
    ['long attribute', `<div class="${'a-'.repeat(50_000)}"><p>x</p></div>`],
    ['meta charset junk', `<meta ${'charset '.repeat(10_000)}>`],
    ['broken JSON-LD', '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><p>Body</p>'],
  ])('%s', (_what, html) => {
    const a = parseHtml(html, 'x');
    expect(['ok', 'not_article']).toContain(a.status);
  });
});
