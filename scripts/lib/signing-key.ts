/**
 * Where a script's signing key comes from: a key file (`--key-file FILE`) or an
 * environment variable, never a command-line argument (it would sit in the shell
 * history and in every `ps` listing). A key file that others can read is refused,
 * like ssh refuses a private key with loose permissions.
 */
import { readFile, stat } from 'node:fs/promises';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { Hex } from 'viem';

/** A key that could not be loaded; the message says what to fix (nothing was sent). */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

const KEY = /^(0x)?([0-9a-fA-F]{64})$/;

/** Arguments that would put a key on the command line: refused before anything else runs. */
export const KEY_ARGUMENTS = ['--key', '--private-key', '--privateKey', '--pk', '--mnemonic'] as const;

/** The first of `argv` that would pass a key on the command line, or null. */
export function keyOnCommandLine(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = arg.split('=')[0];
    if ((KEY_ARGUMENTS as readonly string[]).includes(name)) return name;
  }
  return null;
}

/** An account from `text` (0x + 64 hex digits, surrounding whitespace ignored), or a SigningKeyError naming `source`. */
export function accountFromKey(text: string, source: string): PrivateKeyAccount {
  const match = KEY.exec(text.trim());
  if (!match) throw new SigningKeyError(`${source} does not hold a private key: expected 64 hex digits (32 bytes), optionally with 0x.`);
  try {
    return privateKeyToAccount(`0x${match[2]}` as Hex);
  } catch (err) {
    throw new SigningKeyError(`${source} is not a valid secp256k1 private key (zero or ≥ the curve order).`, { cause: err });
  }
}

/** Reads a key file: missing, unreadable, readable by group/others, or not a 32-byte hex key all throw. */
export async function accountFromKeyFile(file: string): Promise<PrivateKeyAccount> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (err) {
    throw new SigningKeyError(`Key file ${file} does not exist or cannot be accessed.`, { cause: err });
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SigningKeyError(
      `Key file ${file} is readable by other users (mode ${(mode & 0o777).toString(8)}); run \`chmod 600 ${file}\` and try again.`,
    );
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SigningKeyError(`Key file ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, { cause: err });
  }
  return accountFromKey(text, `Key file ${file}`);
}

export interface KeySource {
  /** `--key-file` value, if given (wins over the environment). */
  keyFile?: string;
  /** Environment variable to read when no key file is given. */
  envVar: string;
  env?: NodeJS.ProcessEnv;
}

/** The account from the key file, else from the environment variable, else null (the caller decides whether that is an error). */
export async function loadSigningAccount(source: KeySource): Promise<PrivateKeyAccount | null> {
  if (source.keyFile) return accountFromKeyFile(source.keyFile);
  const value = (source.env ?? process.env)[source.envVar];
  return value ? accountFromKey(value, `$${source.envVar}`) : null;
}
