import { describe, expect, it } from 'vitest';
import {
  DeliveryError,
  buildDeliveryPayload,
  decodeDeliveryPayload,
  describeDelivery,
  encodeDeliveryPayload,
  envelopeSizeFor,
  generateDeliveryKeyPair,
  sealDelivery,
  type DeliveryPayload,
} from '../../src/delivery';
import { categoryKey, categoryMask } from '../../src/shared/categories';
import { buildEpochCommitment, leafMeasures } from '../../src/zk';
import { makeWeek } from '../../bench/delivery/week';

const epoch = 2914;
const mask = categoryMask(['news', 'tech', 'ai']);
const secrets = { nullifierSecret: 0x1234567n, vaultSalt: 0xabcdefn };

function weekPayload(domainDays: number, tier: 'records' | 'totals' = 'records'): DeliveryPayload {
  const rows = makeWeek({ epoch, domainDays, categories: ['news', 'tech', 'ai'], seed: 11 });
  const commitment = buildEpochCommitment(rows, secrets, { epoch, batchSize: 256 });
  return buildDeliveryPayload({ tier, commitment, vaultSalt: secrets.vaultSalt, categoryMask: mask, totalsBlinds: commitment.batches.map((_, k) => 1000n + BigInt(k)) });
}

function expectBadPayload(bytes: Uint8Array) {
  try {
    decodeDeliveryPayload(bytes);
    expect.unreachable();
  } catch (e) {
    expect(e).toBeInstanceOf(DeliveryError);
    expect((e as DeliveryError).reason).toBe('bad_payload');
  }
}

describe('payload encoding', () => {
  it('round-trips both tiers, canonically, with zero padding after it', () => {
    for (const payload of [weekPayload(40), weekPayload(40, 'totals')]) {
      const bytes = encodeDeliveryPayload(payload);
      expect(decodeDeliveryPayload(bytes)).toEqual(payload);
      expect(encodeDeliveryPayload(decodeDeliveryPayload(bytes))).toEqual(bytes);
      const padded = new Uint8Array(bytes.length + 100);
      padded.set(bytes);
      expect(decodeDeliveryPayload(padded)).toEqual(payload);
    }
  });

  it('costs 38 bytes plus the domain per record and 83 bytes per totals batch', () => {
    const one: DeliveryPayload = { version: 1, tier: 'records', batches: [{ root: 1n, records: [{ domain: 'a.io', leafSalt: 2n, packed: 3n }] }] };
    expect(encodeDeliveryPayload(one)).toHaveLength(3 + 32 + 2 + 1 + 4 + 32 + 5);
    const totals: DeliveryPayload = { version: 1, tier: 'totals', batches: [{ root: 1n, activeUnits: 1, visits: 2, interactionUnits: 3, count: 4, totalsBlind: 5n }] };
    expect(encodeDeliveryPayload(totals)).toHaveLength(3 + 32 + 16 + 32);
  });

  it('refuses what no valid payload encodes', () => {
    const bytes = encodeDeliveryPayload(weekPayload(10));
    const dirty = new Uint8Array(bytes.length + 8);
    dirty.set(bytes);
    dirty[bytes.length + 4] = 1;
    expectBadPayload(dirty);
    expectBadPayload(bytes.subarray(0, bytes.length - 1));
    expectBadPayload(Uint8Array.from([2, ...bytes.subarray(1)]));
    expectBadPayload(Uint8Array.from([1, 3, ...bytes.subarray(2)]));
    expectBadPayload(new Uint8Array([1, 1, 0])); // no batch
    const upper: DeliveryPayload = { version: 1, tier: 'records', batches: [{ root: 1n, records: [{ domain: 'Example.com', leafSalt: 2n, packed: 3n }] }] };
    expect(() => encodeDeliveryPayload(upper)).toThrow(DeliveryError);
    const wide: DeliveryPayload = { version: 1, tier: 'records', batches: [{ root: 1n, records: [{ domain: 'a.io', leafSalt: 2n, packed: 1n << 36n }] }] };
    expect(() => encodeDeliveryPayload(wide)).toThrow(DeliveryError);
    // A 40-bit packed written by hand is refused on the way in too.
    const one = encodeDeliveryPayload({ version: 1, tier: 'records', batches: [{ root: 1n, records: [{ domain: 'a.io', leafSalt: 2n, packed: 3n }] }] });
    one[one.length - 5] = 0xff;
    expectBadPayload(one);
  });
});

describe('describeDelivery', () => {
  it('lists every record a person consents to, sorted, with the envelope size', async () => {
    const payload = weekPayload(30);
    const d = describeDelivery(payload, epoch);
    expect(d.tier).toBe('records');
    expect(d.rows).toHaveLength(30);
    const rows = makeWeek({ epoch, domainDays: 30, categories: ['news', 'tech', 'ai'], seed: 11 });
    const sorted = [...rows].sort((a, b) => a.day - b.day || (a.domain < b.domain ? -1 : 1));
    expect(d.rows.map((r) => r.domain)).toEqual(sorted.map((r) => r.domain));
    const first = sorted[0];
    const m = leafMeasures(first);
    expect(d.rows[0]).toEqual({
      domain: first.domain,
      category: categoryKey(first.category),
      date: new Date(first.day * 86_400_000).toISOString().slice(0, 10),
      activeSeconds: m.activeUnits * 10,
      visits: m.visits,
      interactions: m.interactionUnits * 10,
    });
    expect(d.payloadBytes).toBe(encodeDeliveryPayload(payload).length);
    const owner = await generateDeliveryKeyPair();
    const context = { chainId: 1, pool: '0x5FbDB2315678afecb367f032d93F642f64180aa3', tokenId: 1n, epoch, holder: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' } as const;
    expect((await sealDelivery({ recipientPublicKey: owner.publicKey, context, payload })).length).toBe(d.envelopeBytes);
  });

  it('shows the week’s totals for a totals pool', () => {
    const d = describeDelivery(weekPayload(30, 'totals'), epoch);
    expect(d.rows).toEqual([]);
    expect(d.totals?.activeDomainDays).toBe(30);
    expect(d.envelopeBytes).toBe(256);
  });

  it('keeps a full week of one pool’s categories (300 records) within 24 KiB', () => {
    const d = describeDelivery(weekPayload(300), epoch);
    expect(d.rows).toHaveLength(300);
    expect(d.envelopeBytes).toBeLessThanOrEqual(24 * 1024);
    expect(d.envelopeBytes).toBe(envelopeSizeFor(d.payloadBytes));
  });
});
