import { describe, expect, it } from 'vitest';
import { ALLOWED, NTAGS, packWeights, parseModel, serializeModel, TAGS, viterbi, viterbiPacked, type TaggerModel } from './model.js';
import { gzipSync } from 'node:zlib';

const tag = (name: string): number => TAGS.indexOf(name as (typeof TAGS)[number]);

describe('BIO constraints', () => {
  it.each([
    ['O', 'I-CON', 0],
    ['B-SRC', 'I-CUE', 0],
    ['B-CON', 'I-CON', 1],
    ['I-CON', 'I-CON', 1],
    ['I-SRC', 'B-CUE', 1],
  ])('%s -> %s allowed=%i', (prev, cur, ok) => {
    expect(ALLOWED[tag(prev) * NTAGS + tag(cur)]).toBe(ok);
  });
  it('a block cannot start inside a span', () => {
    expect(ALLOWED[NTAGS * NTAGS + tag('I-CUE')]).toBe(0);
  });
});

describe('viterbi', () => {
  // Two features per token: feature 0 prefers I-CON everywhere, feature 1 prefers B-CON a little.
  const w = new Float32Array(2 * NTAGS);
  w[0 * NTAGS + tag('I-CON')] = 5;
  w[1 * NTAGS + tag('B-CON')] = 1;
  const trans = new Float32Array((NTAGS + 1) * NTAGS);
  it('never emits an I- tag without its B- (the constraint beats the emission)', () => {
    const ids = Int32Array.from([0, 1, 0, 1, 0, 1]);
    const got = Array.from(viterbi(ids, 2, w, trans), (t) => TAGS[t]);
    expect(got).toEqual(['B-CON', 'I-CON', 'I-CON']);
  });
  it('empty block -> no tags', () => {
    expect(viterbi(new Int32Array(0), 2, w, trans).length).toBe(0);
  });
});

describe('model file', () => {
  it('round-trips weights (rounded to 2 decimals) and metadata', () => {
    const m: TaggerModel = { bits: 3, weights: new Float32Array(8 * NTAGS), trans: new Float32Array((NTAGS + 1) * NTAGS), meta: { note: 'x' } };
    m.weights[5 * NTAGS + 2] = 1.234;
    m.trans[3] = -0.5;
    const back = parseModel(serializeModel(m), 'mem');
    expect(back.bits).toBe(3);
    expect(back.weights[5 * NTAGS + 2]).toBeCloseTo(1.23, 5);
    expect(back.trans[3]).toBe(-0.5);
    expect(back.meta).toEqual({ note: 'x' });
  });
  it.each([
    ['another format', (() => {
      const h = Buffer.from('{"format":"other"}');
      const b = Buffer.alloc(4 + h.length);
      b.writeUInt32LE(h.length, 0);
      h.copy(b, 4);
      return b;
    })()],
    ['a truncated file', Buffer.from([1, 0])],
  ])('rejects %s, naming the file', (_why, body) => {
    expect(() => parseModel(gzipSync(body), 'bad.gz')).toThrow(/attributions: bad\.gz/);
  });
  it('rejects bytes that are not gzip', () => {
    expect(() => parseModel(Buffer.from('hello'), 'bad.gz')).toThrow(/attributions: bad\.gz/);
  });
});

describe('packed weights', () => {
  // A small random model (seeded): the packed decoder must choose the same tags as the float one.
  let seed = 7;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const nb = 64;
  const m: TaggerModel = { bits: 6, weights: new Float32Array(nb * NTAGS), trans: new Float32Array((NTAGS + 1) * NTAGS), meta: {} };
  for (let i = 0; i < m.weights.length; i++) m.weights[i] = Math.round((rand() - 0.5) * 800) / 100;
  for (let i = 0; i < m.trans.length; i++) m.trans[i] = Math.round((rand() - 0.5) * 400) / 100;
  it.each([
    ['all live', null],
    ['every third token gated', Uint8Array.from({ length: 40 }, (_, k) => (k % 3 === 2 ? 0 : 1))],
  ])('same tags as viterbi: %s', (_why, live) => {
    const ids = Int32Array.from({ length: 40 * 5 }, () => Math.floor(rand() * nb));
    const want = viterbi(ids, 5, m.weights, m.trans, live);
    expect(Array.from(viterbiPacked(ids, 5, packWeights(m), live))).toEqual(Array.from(want));
  });
  it('a model read from a file comes packed, as packWeights would pack it', () => {
    const back = parseModel(serializeModel(m), 'mem');
    const want = packWeights({ ...back, packed: undefined });
    expect(back.packed!.scale).toBe(want.scale);
    expect(Array.from(back.packed!.rows)).toEqual(Array.from(want.rows));
    expect(Array.from(back.packed!.trans)).toEqual(Array.from(want.trans));
  });
  it('scales down when a weight would overflow int16', () => {
    const big: TaggerModel = { ...m, weights: Float32Array.from(m.weights) };
    big.weights[3] = 500;
    const p = packWeights(big);
    expect(p.scale).toBeLessThan(100);
    expect(p.rows[3]).toBe(Math.round(500 * p.scale));
    expect(p.rows[3]).toBeLessThanOrEqual(32767);
  });
});
