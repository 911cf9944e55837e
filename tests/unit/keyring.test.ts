import { describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import {
  createKeyring,
  createOpener,
  createSealer,
  encryptJson,
  fromBase64,
  generateVaultKeyPair,
  IV_BYTES,
  KeyringError,
  openKeyring,
  parseKeyringRecord,
  PBKDF2_ITERATIONS,
  unlockKeyring,
  type KeyringRecord,
} from '../../src/keyring';
import { NOW, PASSWORD, TEST_ITERATIONS } from './helpers/world';

const create = () => createKeyring(PASSWORD, { now: NOW, iterations: TEST_ITERATIONS });

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KeyringError);
    return { code: (e as KeyringError).code, message: (e as KeyringError).message };
  }
  throw new Error('expected a KeyringError');
}

describe('keyring record', () => {
  it('with the production PBKDF2 count (600,000): create, then unlock with the password', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    const { record, kek } = await createKeyring(PASSWORD, { now: NOW });
    expect(record.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: 600_000 });
    const unlocked = await unlockKeyring(parseKeyringRecord(structuredClone(record)), PASSWORD);
    expect(unlocked.kek).toEqual(kek);
    expect(privateKeyToAccount(unlocked.secrets.accountKey).address).toBe(record.address);
  });

  it('has exactly the documented fields; only `sealed` is secret', async () => {
    const { record } = await create();
    expect(Object.keys(record).sort()).toEqual(['address', 'createdAt', 'kdf', 'sealed', 'vaultPublicKey', 'version']);
    expect(record.version).toBe(1);
    expect(record.createdAt).toBe(NOW);
    expect(Object.keys(record.kdf).sort()).toEqual(['iterations', 'name', 'salt']);
    expect(fromBase64(record.kdf.salt)).toHaveLength(16);
    expect(fromBase64(record.sealed.iv)).toHaveLength(IV_BYTES);
    expect(record.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(fromBase64(record.vaultPublicKey)).toHaveLength(65); // uncompressed P-256 point
    const opened = await unlockKeyring(record, PASSWORD);
    expect(JSON.stringify(record)).not.toContain(opened.secrets.accountKey.slice(2));
    expect(JSON.stringify(record)).not.toContain(opened.secrets.vaultPrivateKey);
  });

  it('any wrong password gets the same generic error', async () => {
    const { record } = await create();
    const errors = await Promise.all(
      ['x', PASSWORD.toUpperCase(), `${PASSWORD} `, PASSWORD.slice(0, -1), 'correct horse battery!', '日本語のパスワード', 'a'.repeat(1024)].map((p) =>
        codeOf(unlockKeyring(record, p)),
      ),
    );
    for (const e of errors) expect(e).toEqual(errors[0]);
    expect(errors[0].code).toBe('wrong_password');
    expect(errors[0].message).not.toMatch(/salt|tag|iv|decrypt/i);
  });

  it('two keyrings from the same password share no salt, key or address', async () => {
    const [a, b] = await Promise.all([create(), create()]);
    expect(a.record.kdf.salt).not.toBe(b.record.kdf.salt);
    expect(a.kek).not.toEqual(b.kek);
    expect(a.record.address).not.toBe(b.record.address);
    expect(a.record.vaultPublicKey).not.toBe(b.record.vaultPublicKey);
  });

  it('a malformed record is corrupt', async () => {
    const { record } = await create();
    for (const bad of [
      null,
      { ...record, version: 2 },
      { ...record, kdf: { ...record.kdf, name: 'scrypt' } },
      { ...record, sealed: { ...record.sealed, iv: 'AAAA' } },
      { ...record, address: 'not an address' },
      { ...record, extra: 1 },
    ]) {
      expect(() => parseKeyringRecord(bad)).toThrow(KeyringError);
      try {
        parseKeyringRecord(bad);
      } catch (e) {
        expect((e as KeyringError).code).toBe('corrupt');
      }
    }
  });

  it('the public fields are bound to the ciphertext: a changed field no longer opens (corrupt with the session kek, the generic error with a password)', async () => {
    const { record, kek } = await create();
    const other = (await create()).record;
    const flipped = fromBase64(record.sealed.ct);
    flipped[0] ^= 1;
    const tampered: KeyringRecord[] = [
      { ...record, address: other.address },
      { ...record, vaultPublicKey: other.vaultPublicKey },
      { ...record, createdAt: record.createdAt + 1 },
      { ...record, kdf: { ...record.kdf, salt: other.kdf.salt } },
      { ...record, sealed: { ...record.sealed, iv: other.sealed.iv } },
      { ...record, sealed: { ...record.sealed, ct: btoa(String.fromCharCode(...flipped)) } },
    ];
    for (const t of tampered) {
      expect(parseKeyringRecord(t)).toEqual(t); // well-formed, so only the tag can tell
      expect((await codeOf(openKeyring(t, kek))).code).toBe('corrupt');
      expect((await codeOf(unlockKeyring(t, PASSWORD))).code).toBe('wrong_password');
    }
    expect((await openKeyring(record, kek)).accountKey).toMatch(/^0x[0-9a-f]{64}$/);
  });
});

describe('AES-GCM', () => {
  it('never reuses an IV: 20,000 encryptions under one key, every IV 96 bits and distinct', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const ivs = new Set<string>();
    const boxes = await Promise.all(Array.from({ length: 20_000 }, () => encryptJson(key, { same: 'plaintext' })));
    for (const b of boxes) {
      expect(fromBase64(b.iv)).toHaveLength(12);
      ivs.add(b.iv);
    }
    expect(ivs.size).toBe(20_000);
    expect(new Set(boxes.map((b) => b.ct)).size).toBe(20_000);
  });
});

describe('sealing to the vault key', () => {
  it('round-trips JSON, one ephemeral key per sealer, a fresh IV per box', async () => {
    const pair = await generateVaultKeyPair();
    const sealer = await createSealer(pair.publicKey);
    const opener = await createOpener(pair.privateKey);
    const value = { host: 'www.bbc.com', domain: 'bbc.com', n: [1, 2, 3] };
    const boxes = await Promise.all(Array.from({ length: 2_000 }, () => sealer.seal(value)));
    expect(new Set(boxes.map((b) => b.epk)).size).toBe(1);
    expect(new Set(boxes.map((b) => b.iv)).size).toBe(2_000);
    for (const b of boxes.slice(0, 50)) expect(await opener.open(b)).toEqual(value);
    expect(JSON.stringify(boxes)).not.toContain('bbc.com');
    // A second sealer (another worker lifetime) has its own ephemeral key; the same opener opens both.
    const later = await createSealer(pair.publicKey);
    const box = await later.seal(value);
    expect(box.epk).not.toBe(boxes[0].epk);
    expect(await opener.open(box)).toEqual(value);
  });

  it('another vault key or a changed box does not open (corrupt)', async () => {
    const pair = await generateVaultKeyPair();
    const box = await (await createSealer(pair.publicKey)).seal({ host: 'a.com' });
    const stranger = await createOpener((await generateVaultKeyPair()).privateKey);
    expect((await codeOf(stranger.open(box))).code).toBe('corrupt');
    const opener = await createOpener(pair.privateKey);
    const ct = fromBase64(box.ct);
    ct[ct.length - 1] ^= 0x80;
    expect((await codeOf(opener.open({ ...box, ct: btoa(String.fromCharCode(...ct)) }))).code).toBe('corrupt');
    expect((await codeOf(opener.open({ ...box, epk: 'AAAA' }))).code).toBe('corrupt');
    expect(await opener.open(box)).toEqual({ host: 'a.com' });
  });
});
