/**
 * The compact binary form of a delivery payload (the plaintext an envelope
 * seals). Big-endian, self-delimiting, canonical (one payload, one encoding):
 *
 *   u8 version (1) ‖ u8 tier (1 records, 2 totals) ‖ u8 batchCount (1..16)
 *   per batch:  root (32)
 *     records:  u16 count ‖ count × ( u8 domainLength ‖ domain (UTF-8) ‖ leafSalt (32) ‖ packed (5) )
 *     totals:   u32 activeUnits ‖ u32 visits ‖ u32 interactionUnits ‖ u32 count ‖ totalsBlind (32)
 *   then zero bytes up to the padding bucket (envelope.ts); anything else is refused.
 *
 * A record costs 38 bytes plus its domain: about 52 for a typical one, so a
 * week of 300 records is ~16 KB. Field elements are fixed width because salts
 * and blinds are uniformly random: a varint would save nothing.
 */
import { DeliveryError } from './errors.ts';
import { DELIVERY_PAYLOAD_VERSION, deliveryPayloadSchema, type DeliveryPayload } from './payload.ts';

const TIER_CODES = { records: 1, totals: 2 } as const;
const FIELD_BYTES = 32;
const PACKED_BYTES = 5;

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  uint(value: number | bigint, size: number): void {
    const out = new Uint8Array(size);
    let v = BigInt(value);
    for (let i = size - 1; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
    this.bytes(out);
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) out.set(c, (at += c.length) - c.length);
    return out;
  }
}

class Reader {
  at = 0;
  constructor(private readonly data: Uint8Array) {}
  take(n: number): Uint8Array {
    if (this.at + n > this.data.length) throw new RangeError('the payload ends early');
    return this.data.subarray(this.at, (this.at += n));
  }
  big(n: number): bigint {
    let v = 0n;
    for (const b of this.take(n)) v = (v << 8n) | BigInt(b);
    return v;
  }
  num(n: number): number {
    return Number(this.big(n));
  }
  rest(): Uint8Array {
    return this.data.subarray(this.at);
  }
}

/** Encodes a payload (validated first). Throws DeliveryError('bad_payload') for an invalid one. */
export function encodeDeliveryPayload(payload: DeliveryPayload): Uint8Array {
  const parsed = deliveryPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new DeliveryError('bad_payload', 'The delivery payload is invalid', { details: parsed.error.message });
  const p = parsed.data;
  const w = new Writer();
  w.uint(p.version, 1);
  w.uint(TIER_CODES[p.tier], 1);
  w.uint(p.batches.length, 1);
  if (p.tier === 'records') {
    for (const b of p.batches) {
      w.uint(b.root, FIELD_BYTES);
      w.uint(b.records.length, 2);
      for (const r of b.records) {
        const domain = new TextEncoder().encode(r.domain);
        w.uint(domain.length, 1);
        w.bytes(domain);
        w.uint(r.leafSalt, FIELD_BYTES);
        w.uint(r.packed, PACKED_BYTES);
      }
    }
  } else {
    for (const b of p.batches) {
      w.uint(b.root, FIELD_BYTES);
      for (const v of [b.activeUnits, b.visits, b.interactionUnits, b.count]) w.uint(v, 4);
      w.uint(b.totalsBlind, FIELD_BYTES);
    }
  }
  return w.finish();
}

/**
 * Decodes a (possibly padded) plaintext. Throws DeliveryError('bad_payload') when
 * it is truncated, has an unknown version or tier, a non-zero byte after the
 * payload, or values the schema refuses (a packed leaf of more than 36 bits, a
 * salt outside the field, an upper-case domain, too many batches or records).
 */
export function decodeDeliveryPayload(bytes: Uint8Array): DeliveryPayload {
  let raw: unknown;
  try {
    const r = new Reader(bytes);
    const version = r.num(1);
    if (version !== DELIVERY_PAYLOAD_VERSION) throw new RangeError(`unknown payload version ${version}`);
    const tierCode = r.num(1);
    const count = r.num(1);
    const batches: unknown[] = [];
    if (tierCode === TIER_CODES.records) {
      for (let k = 0; k < count; k++) {
        const root = r.big(FIELD_BYTES);
        const records = Array.from({ length: r.num(2) }, () => ({
          domain: new TextDecoder('utf-8', { fatal: true }).decode(r.take(r.num(1))),
          leafSalt: r.big(FIELD_BYTES),
          packed: r.big(PACKED_BYTES),
        }));
        batches.push({ root, records });
      }
      raw = { version, tier: 'records', batches };
    } else if (tierCode === TIER_CODES.totals) {
      for (let k = 0; k < count; k++) {
        batches.push({
          root: r.big(FIELD_BYTES),
          activeUnits: r.num(4),
          visits: r.num(4),
          interactionUnits: r.num(4),
          count: r.num(4),
          totalsBlind: r.big(FIELD_BYTES),
        });
      }
      raw = { version, tier: 'totals', batches };
    } else {
      throw new RangeError(`unknown tier code ${tierCode}`);
    }
    if (r.rest().some((b) => b !== 0)) throw new RangeError('non-zero bytes after the payload');
  } catch (cause) {
    throw new DeliveryError('bad_payload', 'The delivery does not hold a valid payload', { cause, details: String(cause) });
  }
  const parsed = deliveryPayloadSchema.safeParse(raw);
  if (!parsed.success) throw new DeliveryError('bad_payload', 'The delivery payload is invalid', { details: parsed.error.message });
  return parsed.data;
}
