/**
 * Leaf encoding, bit for bit as circuits/epoch.circom decomposes it.
 *
 * A leaf is two field elements: `saltedDomain = Poseidon(vaultSalt, domainField)`
 * (the per-vault salt keeps a leaf from being brute-forced from a domain list)
 * and `packed`, the raw measures at fixed bit offsets, least significant first:
 *   dayOffset (3) | category (5) | activeSeconds (17) | visits (16) | interactions (20)
 * dayOffset = day - 7 * epoch in [0, 6]: the epoch is a public input, so a leaf
 * only needs its day within the week. The widths come from src/scoring/constants.ts
 * FIELD_BITS, src/shared/categories.ts CATEGORY_BITS and src/shared/epoch.ts
 * EPOCH_DAYS, the same source the circuit's generated constants come from.
 */
import { keccak256, toBytes } from 'viem';
import { FIELD_BITS } from '../scoring/constants.ts';
import { assertDomainDay, type DomainDay } from '../scoring/score.ts';
import { CATEGORY_BITS } from '../shared/categories.ts';
import { EPOCH_DAYS, epochDays } from '../shared/epoch.ts';
import { ZkError } from './errors.ts';
import { poseidon } from './poseidon.ts';

/** Bit offsets of the packed fields (LSB first). */
export const LEAF_LAYOUT = (() => {
  const dayOffsetBits = Math.ceil(Math.log2(EPOCH_DAYS));
  const day = 0;
  const category = day + dayOffsetBits;
  const activeSeconds = category + CATEGORY_BITS;
  const visits = activeSeconds + FIELD_BITS.activeSeconds;
  const interactions = visits + FIELD_BITS.visits;
  return { dayOffsetBits, day, category, activeSeconds, visits, interactions, totalBits: interactions + FIELD_BITS.interactions };
})();

/** A leaf as the circuit sees it. */
export interface Leaf {
  saltedDomain: bigint;
  packed: bigint;
}

/** A vault row: the measures of a domain-day plus the registrable domain it belongs to. */
export interface DomainDayRow extends DomainDay {
  domain: string;
}

/** The domain as a field element: keccak256 of its UTF-8 bytes, shifted below the field. */
export function domainField(domain: string): bigint {
  return BigInt(keccak256(toBytes(domain.toLowerCase()))) >> 8n;
}

/** Poseidon(vaultSalt, domainField(domain)). */
export function saltDomain(vaultSalt: bigint, domain: string): bigint {
  return poseidon([vaultSalt, domainField(domain)]);
}

/**
 * Packs the measures of a domain-day of `epoch`; throws ZkError('out-of-range')
 * if any field is out of range and ZkError('wrong-epoch') if the day is not in the epoch.
 */
export function packDomainDay(d: DomainDay, epoch: number): bigint {
  try {
    assertDomainDay(d);
  } catch (cause) {
    throw new ZkError('out-of-range', 'A domain-day has a value out of range', { cause });
  }
  const { first, last } = epochDays(epoch);
  if (d.day < first || d.day > last) {
    throw new ZkError('wrong-epoch', `A domain-day of day ${d.day} is outside epoch ${epoch}`);
  }
  return (
    (BigInt(d.day - first) << BigInt(LEAF_LAYOUT.day)) |
    (BigInt(d.category) << BigInt(LEAF_LAYOUT.category)) |
    (BigInt(d.activeSeconds) << BigInt(LEAF_LAYOUT.activeSeconds)) |
    (BigInt(d.visits) << BigInt(LEAF_LAYOUT.visits)) |
    (BigInt(d.interactions) << BigInt(LEAF_LAYOUT.interactions))
  );
}

/** Inverse of packDomainDay (no range checks beyond the widths). */
export function unpackLeaf(packed: bigint, epoch: number): DomainDay {
  const field = (offset: number, bits: number): number =>
    Number((packed >> BigInt(offset)) & ((1n << BigInt(bits)) - 1n));
  return {
    day: epochDays(epoch).first + field(LEAF_LAYOUT.day, LEAF_LAYOUT.dayOffsetBits),
    category: field(LEAF_LAYOUT.category, CATEGORY_BITS),
    activeSeconds: field(LEAF_LAYOUT.activeSeconds, FIELD_BITS.activeSeconds),
    visits: field(LEAF_LAYOUT.visits, FIELD_BITS.visits),
    interactions: field(LEAF_LAYOUT.interactions, FIELD_BITS.interactions),
  };
}

/** The padding leaf for unused slots: zero measures on the epoch's last day (scores 0, keeps days sorted). */
export function paddingLeaf(epoch: number): Leaf {
  const day = epochDays(epoch).last;
  return { saltedDomain: 0n, packed: packDomainDay({ day, category: 0, activeSeconds: 0, visits: 0, interactions: 0 }, epoch) };
}

/** A vault row of `epoch` as a leaf. */
export function encodeLeaf(row: DomainDayRow, vaultSalt: bigint, epoch: number): Leaf {
  return { saltedDomain: saltDomain(vaultSalt, row.domain), packed: packDomainDay(row, epoch) };
}
