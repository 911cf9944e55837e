import { t, uiLanguage } from './i18n';

/** Locale-aware integer formatting (1,234 / 1,234). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

/** A short human duration from whole seconds: "45 s", "12 min", "1 h 5 min" (localised units). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return t('duration_seconds', s);
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('duration_minutes', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t('duration_hours', hours) : t('duration_hours_minutes', [hours, rest]);
}

/** A local calendar date from ms since the epoch, in the UI language. */
export function formatDate(timeMs: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(timeMs),
  );
}

/** A short local range of day numbers ("Nov 23 – 29", "11月23日～29日"); the locale decides what repeats. */
export function formatDayRange(first: number, last: number): string {
  const f = new Intl.DateTimeFormat(uiLanguage(), { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return f.formatRange(new Date(first * 86_400_000), new Date(last * 86_400_000));
}

/** Percent of a part in a whole, clamped to 0…100, for bar widths. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((part / whole) * 100)));
}

/** A local date range from ms since the epoch ("Dec 1 – 31, 2026"); the locale decides what repeats. */
export function formatDateRange(startMs: number, endMs: number): string {
  const f = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
  return startMs <= endMs ? f.formatRange(new Date(startMs), new Date(endMs)) : f.format(new Date(endMs));
}

/** A local time of day from ms since the epoch ("7:51 PM", "19:51"). */
export function formatTime(timeMs: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' }).format(new Date(timeMs));
}

/**
 * A token id for display: ids are `holder << 96 | epoch`, 70-odd decimal
 * digits, so the middle is elided (the full id is in the element's title).
 */
export function shortTokenId(id: string): string {
  return id.length <= 14 ? id : `${id.slice(0, 6)}…${id.slice(-6)}`;
}
