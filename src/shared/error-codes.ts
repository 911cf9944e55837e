import { z } from 'zod';

/**
 * Every code a worker reply can carry (the UI localises each as `error_<code>`,
 * tests/unit/i18n.test.ts checks both locales). Lives apart from the message
 * contract so the error base (src/shared/errors.ts) and libraries that throw
 * it do not import every message schema.
 */
export const CORE_ERROR_CODES = ['invalid_message', 'forbidden_sender', 'capture_disabled', 'storage_full', 'internal'] as const;

/** Error codes of the earning flow (docs/earning.md). */
export const EARNING_ERROR_CODES = [
  'not_set_up',
  'already_set_up',
  'locked',
  'wrong_password',
  'network_unavailable',
  'chain_error',
  'nothing_to_mint',
  /** A week of more domain-days than the most batches a mint takes (docs/protocol.md §10): it cannot be proven. */
  'week_too_large',
  'not_eligible',
  /** A pool the factory of the current network did not create: the extension never stakes into it. */
  'unknown_pool',
  'job_not_found',
  'not_devnet',
  /** A signed transaction can never be mined (another transaction used its nonce) and the job could not re-sign it. */
  'tx_replaced',
  'host_permission_missing',
  /** The node answers with another chain id than the network's: nothing is signed or sent (docs/earning.md "Chain faults"). */
  'wrong_chain',
  /** The account cannot pay for the transaction's gas at the current fees; the job waits for funds. */
  'insufficient_funds',
  /** A signed transaction's fee cap is below the network's base fee; the job waits for fees to fall. */
  'fee_too_low',
  /** What a delivery stake would deliver is not what the user confirmed on the consent screen (docs/delivery.md). */
  'delivery_changed',
  /** A delivery pool's stake was asked for without the user's consent to its delivery. */
  'consent_required',
  /** The wallet's account is not the one the task was started with (a key imported since): nothing is signed; the task ends. */
  'account_changed',
] as const;

/** Every error the worker answers with. `code` is stable; `message` is for logs, the UI localises `code`. */
export const errorCodeSchema = z.enum([...CORE_ERROR_CODES, ...EARNING_ERROR_CODES]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

const ERROR_CODES: ReadonlySet<string> = new Set(errorCodeSchema.options);

/** Whether `code` is a reply code (a library's own finer codes, e.g. a keyring's `corrupt`, are not). */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && ERROR_CODES.has(code);

/** The error part of a failed reply. */
export interface ReplyError {
  code: ErrorCode;
  message: string;
}
