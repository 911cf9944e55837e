/**
 * Pure checks for the earning forms, mirrored from the worker's schemas
 * (src/shared/earning-messages.ts, src/shared/settings.ts) without zod so the
 * popup bundle stays small; tests/unit/ui-form-checks.test.ts pins the
 * mirrors to the originals. They return message keys, which the form shows.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 1440;
export const AUTO_LOCK_DEFAULT_MINUTES = 15;
/** The literal the worker requires for ui/exit (not localised: it is part of the contract). */
export const EXIT_CONFIRM_WORD = 'EXIT';

export type NewPasswordErrors = { password?: 'password_error_short'; confirm?: 'password_error_mismatch' };

/** A new password: long enough, and typed the same twice. */
export function checkNewPassword(password: string, confirm: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (password.length < PASSWORD_MIN_LENGTH) errors.password = 'password_error_short';
  if (confirm !== password) errors.confirm = 'password_error_mismatch';
  return errors;
}

/** A 0x-prefixed 32-byte hex private key, surrounding whitespace ignored. */
export function normalisePrivateKey(text: string): string | null {
  const key = text.trim();
  return /^0x[0-9a-fA-F]{64}$/.test(key) ? key : null;
}

/** Auto-lock minutes as typed: a whole number in range, else null. */
export function parseAutoLockMinutes(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= AUTO_LOCK_MIN_MINUTES && n <= AUTO_LOCK_MAX_MINUTES ? n : null;
}
