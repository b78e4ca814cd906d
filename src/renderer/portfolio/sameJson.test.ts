import { describe, expect, it } from 'vitest';
import { fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { sameJson } from './sameJson';

describe('sameJson', () => {
  it('says the same for equal JSON, whatever the objects', () => {
    // One fixture, parsed again: two calls could straddle a millisecond, and the fixture dates reads by now.
    const view = fixturePortfolio();
    expect(sameJson(view, JSON.parse(JSON.stringify(view)))).toBe(true);
    expect(sameJson({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] })).toBe(true);
    expect(sameJson([], [])).toBe(true);
  });

  it('tells any difference: a value, a missing or extra key, a length, a type', () => {
    const view = fixturePortfolio();
    const moved = structuredClone(view);
    const [first] = moved.chains;
    if (!first?.lastRead) throw new Error('the fixture reads its first network');
    first.lastRead.blockNumber += 1;
    expect(sameJson(view, moved)).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson({ a: null }, { b: null })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson({ 0: 1 }, [1])).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
