/**
 * Pure formatting of on-chain amounts and identifiers for the earning UI.
 * Amounts travel as decimal strings of base units (they can exceed 2^53), so
 * everything here works on BigInt and never goes through a float. No chrome.*:
 * the locale is a parameter, so these run under vitest.
 */

/** Parses a decimal base-unit string; anything malformed is 0n (the worker validated it already). */
export function toBigInt(value: string | bigint): bigint {
  if (typeof value === 'bigint') return value;
  return /^\d+$/.test(value) ? BigInt(value) : 0n;
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * `value` base units of a token with `decimals` decimals, for people:
 * grouped integer part, at most `maxFraction` fraction digits (truncated, never
 * rounded up, so the UI never shows more than there is), trailing zeros
 * dropped. A non-zero amount too small to show becomes "< 0.0001".
 */
export function formatTokenAmount(value: string | bigint, decimals: number, locale = 'en', maxFraction = 4): string {
  const amount = toBigInt(value);
  const base = 10n ** BigInt(decimals);
  const whole = amount / base;
  const fractionDigits = Math.min(maxFraction, decimals);
  const rest = amount % base;
  const sep = decimalSeparator(locale);
  let fraction = decimals === 0 ? '' : rest.toString().padStart(decimals, '0').slice(0, fractionDigits).replace(/0+$/, '');
  if (whole === 0n && fraction === '' && rest > 0n) {
    return `< 0${sep}${'0'.repeat(Math.max(0, fractionDigits - 1))}1`;
  }
  const grouped = whole.toLocaleString(locale);
  if (fraction !== '') fraction = sep + fraction;
  return grouped + fraction;
}

/** A grouped integer from a decimal string ("12345678901234567890" → "12,345,678,901,234,567,890"). */
export function formatBigInt(value: string | bigint, locale = 'en'): string {
  return toBigInt(value).toLocaleString(locale);
}

/** "0x1234…abcd": enough to recognise an address, hash or root; the full value goes in a title or copy button. */
export function shortenHex(hex: string, head = 6, tail = 4): string {
  if (hex.length <= head + tail + 1) return hex;
  return `${hex.slice(0, head)}…${hex.slice(-tail)}`;
}

const DAY_MS = 86_400_000;

/** Whole days left until `endSeconds` (chain time, seconds), rounded up; 0 once it has passed. */
export function daysLeft(endSeconds: number, nowMs: number): number {
  const ms = endSeconds * 1000 - nowMs;
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

type PoolPhase = 'upcoming' | 'active' | 'ended';

/** Where a pool's period (chain seconds) stands at `nowMs`. */
export function poolPhase(startSeconds: number, endSeconds: number, nowMs: number): PoolPhase {
  const now = nowMs / 1000;
  if (now < startSeconds) return 'upcoming';
  return now < endSeconds ? 'active' : 'ended';
}

/** The first moment (ms) a week ending on day number `lastDay` can be minted: DataSBT counts epochs in UTC weeks, so the next UTC midnight. */
export function mintableFrom(lastDay: number): number {
  return (lastDay + 1) * DAY_MS;
}

/** A share of `part` in `whole` as a percentage with one decimal, for "your share" figures; 0 when whole is 0. */
export function sharePercent(part: string | bigint, whole: string | bigint): number {
  const p = toBigInt(part);
  const w = toBigInt(whole);
  if (w === 0n) return 0;
  return Number((p * 1000n) / w) / 10;
}
