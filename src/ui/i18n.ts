import { browser } from '../platform/browser';
import type { CategoryKey } from '../shared/categories';
import type { UiErrorCode } from './messaging';

/**
 * The one way UI code reads a user-facing string. Keys live in
 * public/_locales/{en,ja}/messages.json; tests/unit/i18n.test.ts scans src/
 * for calls of t with a literal key and fails on a key missing from either locale, so keep
 * the key a string literal at the call site (dynamic keys go through the
 * typed helpers below, which the test checks separately).
 */
export function t(key: string, substitutions?: string | number | readonly (string | number)[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  const text = browser.i18n.getMessage(key, subs);
  // An empty answer means a missing key: show the key so the gap is visible, never a blank.
  return text || key;
}

/** Localised name of a category; every key in CATEGORIES has a `category_<key>` message (tested). */
export function categoryLabel(key: CategoryKey | string): string {
  return t(`category_${key}`);
}

/**
 * Localised message for an error code (`error_<code>`; every code has one in
 * both locales, tests/unit/i18n.test.ts). A code outside the enum (a newer
 * worker's) falls back to the generic message.
 */
export function errorMessage(code: UiErrorCode): string {
  const text = browser.i18n.getMessage(`error_${code}`);
  return text || t('error_internal');
}

/** The UI language (e.g. "ja", "en-US") for Intl formatting; "en" outside the extension. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

/** Sets <html lang> and the document title from the locale, since HTML files cannot use __MSG_ keys. */
export function localiseDocument(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}
