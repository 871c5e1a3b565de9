import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';
import { searchKey } from './routes/articles.js';

describe('Lru', () => {
  it('drops the least recently used entry past its capacity', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
    lru.set('a', 4);
    expect(lru.get('a')).toBe(4);
    lru.clear();
    expect(lru.size).toBe(0);
  });

  it('keeps the total weight under its bound, dropping the oldest first', () => {
    const lru = new Lru<string>(10, 10, (v) => v.length);
    lru.set('a', 'xxxx');
    lru.set('b', 'yyyy');
    lru.set('c', 'zzzz'); // 12 > 10: a goes
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.weight]).toEqual([undefined, 'yyyy', 'zzzz', 8]);
    lru.set('big', 'w'.repeat(11)); // never fits
    expect([lru.get('big'), lru.size]).toEqual([undefined, 2]);
    lru.set('b', 'y'); // replacing updates the weight
    expect(lru.weight).toBe(5);
  });

  it.each([0, -1, 1.5])('refuses capacity %j', (n) => {
    expect(() => new Lru(n)).toThrow(String(n));
  });
});

describe('searchKey', () => {
  it.each([
    ['Kestrel', 'kestrel'],
    ['  Harbour,  "BRIDGE" ', 'harbour bridge'],
    ['strik* ferry', 'strik* ferry'],
    ['Łódź', 'łódź'],
    ['***', ''],
  ])('normalises %j to %j', (q, key) => {
    expect(searchKey(q)).toBe(key);
  });
});
