import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex, keccak256 } from 'viem';
import {
  DELIVERY_BUCKETS,
  DeliveryError,
  MAX_ENVELOPE_BYTES,
  ENVELOPE_OVERHEAD,
  deliveryHash,
  deliveryKeyBytes,
  deliveryKeyToHex,
  deriveDeliveryKeyPair,
  encodeDeliveryContext,
  encodeDeliveryPayload,
  envelopeSizeFor,
  generateDeliveryKeyPair,
  openDelivery,
  sealDelivery,
  type DeliveryContext,
  type DeliveryErrorReason,
  type DeliveryPayload,
} from '../../src/delivery';
import { deliverySuite } from '../../src/delivery/suite';

const context: DeliveryContext = {
  chainId: 31337,
  pool: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  tokenId: (2914n << 160n) | 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266n,
  epoch: 2914,
  holder: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
};

const record = (i: number) => ({ domain: `site-${i}.example.com`, leafSalt: 1000n + BigInt(i), packed: BigInt(i) << 8n });
/** n records in batches of at most 200. */
const recordsPayload = (n: number): DeliveryPayload => ({
  version: 1,
  tier: 'records',
  batches: Array.from({ length: Math.max(1, Math.ceil(n / 200)) }, (_, k) => ({
    root: 42n + BigInt(k),
    records: Array.from({ length: Math.min(200, n - k * 200) }, (_, i) => record(k * 200 + i)),
  })),
});
const totalsPayload: DeliveryPayload = {
  version: 1,
  tier: 'totals',
  batches: [{ root: 42n, activeUnits: 1234, visits: 56, interactionUnits: 78, count: 9, totalsBlind: 777n }],
};

async function rejects(promise: Promise<unknown>, reason: DeliveryErrorReason): Promise<DeliveryError> {
  const err = await promise.then(
    () => expect.unreachable('expected a DeliveryError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  expect((err as DeliveryError).reason).toBe(reason);
  return err as DeliveryError;
}

describe('delivery keys', () => {
  it('are 32 raw bytes each; the public key is 0x + 64 hex for the contract’s bytes32', async () => {
    const pair = await generateDeliveryKeyPair();
    expect(pair.publicKey).toHaveLength(32);
    expect(pair.privateKey).toHaveLength(32);
    const hex = deliveryKeyToHex(pair.publicKey);
    expect(hex).toMatch(/^0x[0-9a-f]{64}$/);
    expect(deliveryKeyBytes(hex)).toEqual(pair.publicKey);
    expect(await generateDeliveryKeyPair()).not.toEqual(pair);
  });

  it('derive deterministically from a seed and refuse malformed keys', async () => {
    const seed = new Uint8Array(32).fill(7);
    expect(await deriveDeliveryKeyPair(seed)).toEqual(await deriveDeliveryKeyPair(seed));
    expect(() => deliveryKeyBytes('0x1234')).toThrow(DeliveryError);
    expect(() => deliveryKeyBytes(new Uint8Array(31))).toThrow(DeliveryError);
    expect(() => deliveryKeyToHex(new Uint8Array(33))).toThrow(DeliveryError);
    await rejects(sealDelivery({ recipientPublicKey: new Uint8Array(32), context, payload: totalsPayload }), 'bad_key');
  });
});

describe('sealDelivery / openDelivery', () => {
  it('round-trips both tiers, with keys as raw bytes or hex', async () => {
    const owner = await generateDeliveryKeyPair();
    for (const payload of [recordsPayload(20), totalsPayload]) {
      const envelope = await sealDelivery({ recipientPublicKey: deliveryKeyToHex(owner.publicKey), context, payload });
      expect(await openDelivery({ recipientPrivateKey: owner.privateKey, context, envelope })).toEqual(payload);
      expect(await openDelivery({ recipientPrivateKey: bytesToHex(owner.privateKey), context, envelope })).toEqual(payload);
      expect(deliveryHash(envelope)).toBe(keccak256(envelope));
    }
  });

  it('lays out magic ‖ version ‖ enc (32) ‖ ciphertext, and is fresh each time', async () => {
    const owner = await generateDeliveryKeyPair();
    const a = await sealDelivery({ recipientPublicKey: owner.publicKey, context, payload: totalsPayload });
    const b = await sealDelivery({ recipientPublicKey: owner.publicKey, context, payload: totalsPayload });
    expect([...a.subarray(0, 5)]).toEqual([0x53, 0x32, 0x45, 0x44, 1]);
    expect(a.length).toBe(256);
    expect(ENVELOPE_OVERHEAD).toBe(5 + 32 + 16);
    expect(a).not.toEqual(b);
  });

  it('refuses garbage: short, wrong magic, unknown version, not a bucket size', async () => {
    const owner = await generateDeliveryKeyPair();
    const good = await sealDelivery({ recipientPublicKey: owner.publicKey, context, payload: totalsPayload });
    const open = (envelope: Uint8Array) => openDelivery({ recipientPrivateKey: owner.privateKey, context, envelope });
    await rejects(open(new Uint8Array(10)), 'garbage');
    await rejects(open(new TextEncoder().encode('{"records":[]}'.padEnd(1024))), 'garbage');
    const version = good.slice();
    version[4] = 2;
    await rejects(open(version), 'garbage');
    await rejects(open(good.slice(0, 200)), 'garbage');
    await rejects(open(new Uint8Array([...good, 0])), 'garbage');
  });

  it('cannot open a flipped ciphertext or enc byte, a wrong key, or another stake’s envelope', async () => {
    const owner = await generateDeliveryKeyPair();
    const other = await generateDeliveryKeyPair();
    const envelope = await sealDelivery({ recipientPublicKey: owner.publicKey, context, payload: recordsPayload(5) });
    const open = (e: Uint8Array, c: DeliveryContext = context, key = owner.privateKey) => openDelivery({ recipientPrivateKey: key, context: c, envelope: e });
    for (const at of [5, 36, 37, 500, envelope.length - 1]) {
      const flipped = envelope.slice();
      flipped[at] ^= 0x01;
      await rejects(open(flipped), 'undecryptable');
    }
    await rejects(open(envelope, context, other.privateKey), 'undecryptable');
    const others: Partial<DeliveryContext>[] = [
      { pool: '0x0000000000000000000000000000000000000001' },
      { tokenId: context.tokenId + 1n },
      { holder: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
      { chainId: 1 },
      { epoch: 2915 },
    ];
    for (const change of others) {
      const err = await rejects(open(envelope, { ...context, ...change }), 'undecryptable');
      expect(err.message).toMatch(/another key or for another stake/);
    }
    // The same context with the addresses in another case is the same context.
    const lower = { ...context, pool: context.pool.toLowerCase() as `0x${string}`, holder: context.holder.toLowerCase() as `0x${string}` };
    expect(await open(envelope, lower)).toEqual(recordsPayload(5));
  });

  it('answers bad_payload for an envelope that decrypts to something else', async () => {
    const owner = await generateDeliveryKeyPair();
    const suite = deliverySuite();
    const header = new Uint8Array([0x53, 0x32, 0x45, 0x44, 1]);
    const sealRaw = async (plaintext: Uint8Array) => {
      const { enc, ct } = await suite.seal(
        { recipientPublicKey: await suite.kem.deserializePublicKey(owner.publicKey), info: encodeDeliveryContext(context) },
        plaintext,
        header,
      );
      return new Uint8Array([...header, ...new Uint8Array(enc), ...new Uint8Array(ct)]);
    };
    const padded = (bytes: Uint8Array) => {
      const out = new Uint8Array(1024 - ENVELOPE_OVERHEAD);
      out.set(bytes);
      return out;
    };
    const valid = encodeDeliveryPayload(totalsPayload);
    const dirtyPadding = padded(valid);
    dirtyPadding[valid.length + 3] = 1;
    const badVersion = padded(valid);
    badVersion[0] = 9;
    const truncated = padded(encodeDeliveryPayload(recordsPayload(30)).subarray(0, 900));
    for (const plaintext of [dirtyPadding, badVersion, truncated, padded(new Uint8Array([1, 3, 1]))]) {
      await rejects(openDelivery({ recipientPrivateKey: owner.privateKey, context, envelope: await sealRaw(plaintext) }), 'bad_payload');
    }
  });
});

describe('padding buckets', () => {
  it('gives payloads of one bucket envelopes of the same size, and the next bucket only past it', async () => {
    const owner = await generateDeliveryKeyPair();
    const seal = (payload: DeliveryPayload) => sealDelivery({ recipientPublicKey: owner.publicKey, context, payload });
    const sizes = await Promise.all([10, 12, 15].map((n) => seal(recordsPayload(n)).then((e) => e.length)));
    expect(sizes).toEqual([1024, 1024, 1024]);
    expect((await seal(recordsPayload(1))).length).toBe(256);
    expect((await seal(totalsPayload)).length).toBe(256);
    const near16k = await Promise.all([220, 245, 270].map((n) => seal(recordsPayload(n)).then((e) => e.length)));
    expect(new Set(near16k)).toEqual(new Set([16 * 1024]));
    expect((await seal(recordsPayload(290))).length).toBe(24 * 1024);
    expect(DELIVERY_BUCKETS.every((b, i) => i === 0 || b > DELIVERY_BUCKETS[i - 1])).toBe(true);
    expect(envelopeSizeFor(1024 - ENVELOPE_OVERHEAD)).toBe(1024);
    expect(envelopeSizeFor(1024 - ENVELOPE_OVERHEAD + 1)).toBe(2048);
    expect(() => envelopeSizeFor(MAX_ENVELOPE_BYTES - ENVELOPE_OVERHEAD + 1)).toThrow(DeliveryError);
  });

  it('ends at the largest envelope the pool contract accepts', () => {
    const source = readFileSync(new URL('../../contracts/DataStakingPool.sol', import.meta.url), 'utf8');
    const match = /uint256 public constant MAX_ENVELOPE = ([\d_]+);/.exec(source);
    expect(match, 'DataStakingPool.MAX_ENVELOPE').not.toBeNull();
    expect(MAX_ENVELOPE_BYTES).toBe(Number(match![1].replaceAll('_', '')));
  });
});
