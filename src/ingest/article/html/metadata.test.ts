import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate, outletForHost } from './metadata.js';

describe('normalizeDate', () => {
  it.each([
    ['2024-08-06', '2024-08-06'],
    ['2024-08-06T09:30:00Z', '2024-08-06T09:30:00Z'],
    ['2024-08-06T09:30:00.123+02:00', '2024-08-06T09:30:00+02:00'],
    ['2024-08-06T09:30:00+0200', '2024-08-06T09:30:00+02:00'],
    ['2024-08-06 09:30:00', '2024-08-06T09:30:00'],
    ['2024-08-06T09:30', '2024-08-06T09:30:00'],
    ['20240806', '2024-08-06'],
    ['2024/8/6', '2024-08-06'],
    ['Tue, 06 Aug 2024 09:30:00 GMT', '2024-08-06'],
    ['6 August 2024', '2024-08-06'],
    ['August 6, 2024', '2024-08-06'],
    ['Sept. 30, 2023', '2023-09-30'],
    ['Published 14th March 2024', '2024-03-14'],
  ])('%s -> %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each([
    ['empty', ''],
    ['not a date', 'yesterday afternoon'],
    ['month 13', '2024-13-01'],
    ['year out of range', '0024-01-01'],
    ['bare number', '1722936600'],
    ['unknown month word', 'Smarch 3, 2024'],
  ])('rejects %s', (_what, raw) => {
    expect(normalizeDate(raw)).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://example.com/news/2024/08/06/fire-in-port', '2024-08-06'],
    ['https://example.com/2024-08-06/fire', '2024-08-06'],
    ['https://example.com/story/20240806-fire', '2024-08-06'],
    ['https://example.com/2019/11/5/slug.html', '2019-11-05'],
  ])('%s -> %s', (url, iso) => {
    expect(dateFromUrl(url)).toBe(iso);
  });

  it.each([
    ['https://example.com/2024/08/fire'],
    ['https://example.com/article/12345678'],
    ['https://example.com/2024/13/45/x'],
    ['https://example.com/product/1999/'],
  ])('no date in %s', (url) => {
    expect(dateFromUrl(url)).toBeNull();
  });
});

describe('outletForHost', () => {
  it.each([
    ['reuters.com', 'Reuters'],
    ['uk.reuters.com', 'Reuters'],
    ['bbc.co.uk', 'BBC'],
  ])('%s -> %s', (host, name) => {
    expect(outletForHost(host)).toBe(name);
  });
  it('does not match a domain that only ends with the same letters', () => {
    expect(outletForHost('notreuters.com')).toBeNull();
  });
});
