import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN, uiAccountImportSchema, uiExitSchema } from '../../src/shared/earning-messages';
import { AUTO_LOCK_DEFAULT_MINUTES, AUTO_LOCK_MAX_MINUTES, AUTO_LOCK_MIN_MINUTES, DEFAULT_SETTINGS } from '../../src/shared/settings';
import * as checks from '../../src/ui/form-checks';
import { parseCustomNetwork } from '../../src/options/network-form';
import devnet from '../../deployments/31337.json';

describe('UI mirrors of the worker schemas', () => {
  it('match the originals', () => {
    expect(checks.PASSWORD_MIN_LENGTH).toBe(PASSWORD_MIN);
    expect(checks.AUTO_LOCK_MIN_MINUTES).toBe(AUTO_LOCK_MIN_MINUTES);
    expect(checks.AUTO_LOCK_MAX_MINUTES).toBe(AUTO_LOCK_MAX_MINUTES);
    expect(checks.AUTO_LOCK_DEFAULT_MINUTES).toBe(AUTO_LOCK_DEFAULT_MINUTES);
    expect(DEFAULT_SETTINGS.autoLockMinutes).toBe(checks.AUTO_LOCK_DEFAULT_MINUTES);
    expect(uiExitSchema.safeParse({ type: 'ui/exit', confirm: checks.EXIT_CONFIRM_WORD }).success).toBe(true);
  });

  it('accept a private key exactly when the import schema does', () => {
    for (const key of ['0x' + 'a'.repeat(64), '0x' + 'A1'.repeat(32), '0x' + 'a'.repeat(63), 'a'.repeat(64), '0x' + 'g'.repeat(64), '']) {
      const ui = checks.normalisePrivateKey(key) !== null;
      const worker = uiAccountImportSchema.safeParse({ type: 'ui/account-import', password: 'x', privateKey: key }).success;
      expect(ui, key).toBe(worker);
    }
    expect(checks.normalisePrivateKey(`  0x${'b'.repeat(64)}\n`)).toBe(`0x${'b'.repeat(64)}`);
  });
});

describe('new password', () => {
  it('flags a short password and a mismatch, each on its own', () => {
    expect(checks.checkNewPassword('short', 'short')).toEqual({ password: 'password_error_short' });
    expect(checks.checkNewPassword('long enough', 'long enougH')).toEqual({ confirm: 'password_error_mismatch' });
    expect(checks.checkNewPassword('abc', 'abd')).toEqual({ password: 'password_error_short', confirm: 'password_error_mismatch' });
    expect(checks.checkNewPassword('12345678', '12345678')).toEqual({});
  });
});

describe('auto-lock minutes', () => {
  it('takes whole minutes in range only', () => {
    expect(checks.parseAutoLockMinutes('15')).toBe(15);
    expect(checks.parseAutoLockMinutes(' 1440 ')).toBe(1440);
    for (const bad of ['0', '1441', '1.5', '-3', '', 'ten', '1e2']) expect(checks.parseAutoLockMinutes(bad), bad).toBeNull();
  });
});

describe('custom network form', () => {
  const file = JSON.stringify(devnet);

  it('accepts an http(s) RPC URL with a valid deployments file', () => {
    const parsed = parseCustomNetwork(' https://rpc.example.org ', file);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.network).toMatchObject({ kind: 'custom', rpcUrl: 'https://rpc.example.org', deployment: { chainId: devnet.chainId } });
  });

  it('rejects a bad URL, an empty file, bad JSON and a file that fails the schema, naming the field', () => {
    expect(parseCustomNetwork('ftp://x', file)).toEqual({ ok: false, rpcError: 'network_error_rpc', deploymentError: undefined });
    expect(parseCustomNetwork('nonsense', file)).toMatchObject({ ok: false, rpcError: 'network_error_rpc' });
    expect(parseCustomNetwork('http://127.0.0.1:8545', '  ')).toMatchObject({ deploymentError: { key: 'network_error_empty' } });
    expect(parseCustomNetwork('http://127.0.0.1:8545', '{ nope')).toMatchObject({ deploymentError: { key: 'network_error_json' } });
    expect(parseCustomNetwork('http://127.0.0.1:8545', '{"chainId": 5}')).toMatchObject({
      deploymentError: { key: 'network_error_deployment', field: 'deploymentBlock' },
    });
  });
});
