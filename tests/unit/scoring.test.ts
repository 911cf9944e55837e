import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dwellPoints, scoreDomainDay, scoreDomainDays, type DomainDay } from '../../src/scoring/score';
import { SCORING } from '../../src/scoring/constants';
import { categoryId, categoryMask } from '../../src/shared/categories';

const day = 20_400;
const dd = (activeSeconds: number, visits: number, interactions: number, category = 0, d = day): DomainDay => ({
  day: d,
  category,
  activeSeconds,
  visits,
  interactions,
});

function docExamples(): number[][] {
  const doc = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');
  const block = doc.split('<!-- examples:start -->')[1].split('<!-- examples:end -->')[0];
  return block
    .split('\n')
    .filter((l) => /^\|\s*\d/.test(l))
    .map((l) => l.split('|').slice(1, 8).map((c) => Number(c.trim())));
}

describe('scoreDomainDay', () => {
  it('matches every worked example in docs/scoring.md', () => {
    const rows = docExamples();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const [active, visits, interactions, dwell, , , points] of rows) {
      expect(dwellPoints(active)).toBe(dwell);
      expect(scoreDomainDay(dd(active, visits, interactions))).toBe(points);
    }
  });

  it('earns nothing below the minimum active time', () => {
    expect(scoreDomainDay(dd(SCORING.MIN_ACTIVE_SECONDS - 1, 5, 100))).toBe(0);
    expect(scoreDomainDay(dd(SCORING.MIN_ACTIVE_SECONDS, 0, 0))).toBe(1);
  });

  it('never exceeds the domain-day cap and is monotone in every measure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 86_400 }),
        fc.integer({ min: 0, max: 65_535 }),
        fc.integer({ min: 0, max: 1_048_575 }),
        (a, v, i) => {
          const p = scoreDomainDay(dd(a, v, i));
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(SCORING.DOMAIN_DAY_CAP);
          expect(scoreDomainDay(dd(Math.min(a + 1, 86_400), v, i))).toBeGreaterThanOrEqual(p);
          expect(scoreDomainDay(dd(a, Math.min(v + 1, 65_535), i))).toBeGreaterThanOrEqual(p);
          expect(scoreDomainDay(dd(a, v, Math.min(i + 1, 1_048_575)))).toBeGreaterThanOrEqual(p);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('has diminishing returns: the second tier pays less per second than the first', () => {
    expect(dwellPoints(600) - dwellPoints(0)).toBe(60);
    expect(dwellPoints(1200) - dwellPoints(600)).toBe(10);
    expect(dwellPoints(3600)).toBe(dwellPoints(86_400));
  });

  it('rejects out-of-range, fractional and negative inputs', () => {
    expect(() => scoreDomainDay(dd(86_401, 0, 0))).toThrow(RangeError);
    expect(() => scoreDomainDay(dd(1.5, 0, 0))).toThrow(RangeError);
    expect(() => scoreDomainDay(dd(10, -1, 0))).toThrow(RangeError);
    expect(() => scoreDomainDay(dd(10, 0, 2 ** 20))).toThrow(RangeError);
    expect(() => scoreDomainDay({ ...dd(10, 0, 0), category: 32 })).toThrow(RangeError);
  });
});

describe('scoreDomainDays', () => {
  it('caps each day at DAY_CAP', () => {
    const eight = Array.from({ length: 8 }, () => dd(3600, 10, 500));
    expect(scoreDomainDays(eight)).toBe(SCORING.DAY_CAP);
    const twoDays = [...eight, ...eight.map((x) => ({ ...x, day: day + 1 }))];
    expect(scoreDomainDays(twoDays)).toBe(2 * SCORING.DAY_CAP);
  });

  it('counts only masked categories, before the day cap (docs example)', () => {
    const crypto = categoryId('crypto');
    const rows = [dd(600, 3, 100, crypto), dd(300, 2, 35, categoryId('nft')), dd(3600, 12, 1000, categoryId('news'))];
    expect(scoreDomainDays(rows, categoryMask(['crypto']))).toBe(76);
    expect(scoreDomainDays(rows, categoryMask(['nft']))).toBe(37);
    expect(scoreDomainDays(rows, categoryMask(['news', 'politics', 'social']))).toBe(100);
    expect(scoreDomainDays(rows)).toBe(213);
    expect(scoreDomainDays(rows, 0n)).toBe(0);
  });

  it('is independent of row order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: day, max: day + 6 }),
            category: fc.integer({ min: 0, max: 18 }),
            activeSeconds: fc.integer({ min: 0, max: 4000 }),
            visits: fc.integer({ min: 0, max: 20 }),
            interactions: fc.integer({ min: 0, max: 300 }),
          }),
          { maxLength: 40 },
        ),
        fc.bigInt({ min: 0n, max: (1n << 19n) - 1n }),
        (rows, mask) => {
          const reversed = [...rows].reverse();
          expect(scoreDomainDays(reversed, mask)).toBe(scoreDomainDays(rows, mask));
          expect(scoreDomainDays(rows, mask)).toBeLessThanOrEqual(scoreDomainDays(rows));
        },
      ),
      { numRuns: 300 },
    );
  });
});
