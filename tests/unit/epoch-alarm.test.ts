import { describe, expect, it } from 'vitest';
import { nextEpochEnd } from '../../src/background/earn/epoch-alarm';
import { epochOfDay, localDay } from '../../src/shared/epoch';

describe('epoch-end alarm', () => {
  it('fires at the first local midnight of the next week, in UTC and in Japan', () => {
    const now = Date.UTC(2026, 11, 1, 19, 0); // Tue 2026-12-01 19:00 UTC
    for (const tz of [0, -540]) {
      const end = nextEpochEnd(now, tz);
      expect(end).toBeGreaterThan(now);
      expect(end - now).toBeLessThanOrEqual(7 * 86_400_000);
      const week = epochOfDay(localDay(now, tz));
      expect(epochOfDay(localDay(end, tz))).toBe(week + 1);
      expect(epochOfDay(localDay(end - 1, tz))).toBe(week);
    }
  });
});
