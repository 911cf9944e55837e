import { SurfError } from '../shared/errors';

/**
 * The keyring's one error. `code` is what the UI localises; the message is
 * for logs. A wrong password is always the same generic error, whatever was
 * wrong (the AES-GCM tag is the only check, docs/earning.md).
 */
export type KeyringErrorCode = 'wrong_password' | 'not_set_up' | 'already_set_up' | 'locked' | 'corrupt';

const MESSAGES: Record<KeyringErrorCode, string> = {
  wrong_password: 'incorrect password',
  not_set_up: 'no keyring yet: onboard first',
  already_set_up: 'a keyring already exists',
  locked: 'the vault is locked',
  corrupt: 'stored keyring data is damaged',
};

/** Every code but `corrupt` is a reply code; damaged data answers as `internal` (SurfError#replyCode). */
export class KeyringError extends SurfError<KeyringErrorCode> {
  override name = 'KeyringError';
  constructor(code: KeyringErrorCode, options?: { cause?: unknown }) {
    super(code, MESSAGES[code], options);
  }
}
