import { describe, expect, it } from 'vitest';
import { daysLeft, formatBigInt, formatTokenAmount, mintableFrom, poolPhase, sharePercent, shortenHex, toBigInt } from '../../src/ui/amounts';

describe('formatTokenAmount', () => {
  it('formats base units with decimals, grouping and at most four fraction digits', () => {
    expect(formatTokenAmount('5000000000000000000000', 18)).toBe('5,000');
    expect(formatTokenAmount('12345600000000000000', 18)).toBe('12.3456');
    expect(formatTokenAmount('1500000', 6)).toBe('1.5');
    expect(formatTokenAmount('0', 18)).toBe('0');
    expect(formatTokenAmount('42', 0)).toBe('42');
  });

  it('truncates instead of rounding up, so it never shows more than there is', () => {
    expect(formatTokenAmount('1999999999999999999', 18)).toBe('1.9999');
    expect(formatTokenAmount('123456789', 6, 'en', 2)).toBe('123.45');
  });

  it('shows a tiny non-zero amount as less than the smallest step', () => {
    expect(formatTokenAmount('1', 18)).toBe('< 0.0001');
    expect(formatTokenAmount('1', 6, 'en', 2)).toBe('< 0.01');
    expect(formatTokenAmount('1', 2)).toBe('0.01');
  });

  it('handles amounts beyond 2^53 exactly', () => {
    expect(formatTokenAmount('123456789012345678901234567890', 18)).toBe('123,456,789,012.3456');
    expect(formatBigInt('12345678901234567890')).toBe('12,345,678,901,234,567,890');
  });

  it('uses the locale for grouping and the decimal separator', () => {
    expect(formatTokenAmount('1234500000000000000000', 18, 'de')).toBe('1.234,5');
    expect(formatTokenAmount('1234500000000000000000', 18, 'ja')).toBe('1,234.5');
  });

  it('treats malformed input as zero', () => {
    expect(toBigInt('-1')).toBe(0n);
    expect(toBigInt('1e18')).toBe(0n);
    expect(formatTokenAmount('abc', 18)).toBe('0');
  });
});

describe('identifiers, periods and shares', () => {
  it('shortens hex and leaves short strings alone', () => {
    expect(shortenHex('0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0')).toBe('0x9fE4…a6e0');
    expect(shortenHex('0x1234')).toBe('0x1234');
  });

  it('counts whole days left, rounding up, and zero after the end', () => {
    const now = Date.UTC(2026, 11, 1);
    expect(daysLeft(now / 1000 + 86_400 * 20, now)).toBe(20);
    expect(daysLeft(now / 1000 + 3600, now)).toBe(1);
    expect(daysLeft(now / 1000 - 1, now)).toBe(0);
  });

  it('places a pool period as upcoming, active or ended', () => {
    const now = 1_000_000_000;
    expect(poolPhase(now / 1000 + 1, now / 1000 + 10, now)).toBe('upcoming');
    expect(poolPhase(now / 1000 - 1, now / 1000 + 10, now)).toBe('active');
    expect(poolPhase(now / 1000 - 10, now / 1000, now)).toBe('ended');
  });

  it('a week can be minted from the start of the day after its last day', () => {
    expect(mintableFrom(20_000)).toBe(20_001 * 86_400_000);
  });

  it('computes a share with one decimal from big weights', () => {
    expect(sharePercent('1320', '128400')).toBe(1);
    expect(sharePercent('1', '3')).toBe(33.3);
    expect(sharePercent('5', '0')).toBe(0);
  });
});
