/**
 * Leaf encoding, bit for bit as circuits/epoch.circom decomposes it.
 *
 * A leaf is two field elements: `saltedDomain = Poseidon(vaultSalt, domainField)`
 * (the per-vault salt keeps a leaf from being brute-forced from a domain list)
 * and `packed`, the raw measures at fixed bit offsets, least significant first:
 *   day (16) | category (5) | activeSeconds (17) | visits (16) | interactions (20)
 * The widths come from src/scoring/constants.ts FIELD_BITS and
 * src/shared/categories.ts CATEGORY_BITS, the same source the circuit's
 * generated constants come from.
 */
import { keccak256, toBytes } from 'viem';
import { FIELD_BITS } from '../scoring/constants.ts';
import { assertDomainDay, type DomainDay } from '../scoring/score.ts';
import { CATEGORY_BITS } from '../shared/categories.ts';
import { ZkError } from './errors.ts';
import { poseidon } from './poseidon.ts';

/** Bit offsets of the packed fields (LSB first). */
export const LEAF_LAYOUT = (() => {
  const day = 0;
  const category = day + FIELD_BITS.day;
  const activeSeconds = category + CATEGORY_BITS;
  const visits = activeSeconds + FIELD_BITS.activeSeconds;
  const interactions = visits + FIELD_BITS.visits;
  return { day, category, activeSeconds, visits, interactions, totalBits: interactions + FIELD_BITS.interactions };
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

/** Packs the measures of a domain-day; throws ZkError('out-of-range') if any field is out of range. */
export function packDomainDay(d: DomainDay): bigint {
  try {
    assertDomainDay(d);
  } catch (cause) {
    throw new ZkError('out-of-range', 'A domain-day has a value out of range', { cause });
  }
  return (
    (BigInt(d.day) << BigInt(LEAF_LAYOUT.day)) |
    (BigInt(d.category) << BigInt(LEAF_LAYOUT.category)) |
    (BigInt(d.activeSeconds) << BigInt(LEAF_LAYOUT.activeSeconds)) |
    (BigInt(d.visits) << BigInt(LEAF_LAYOUT.visits)) |
    (BigInt(d.interactions) << BigInt(LEAF_LAYOUT.interactions))
  );
}

/** Inverse of packDomainDay (no range checks beyond the widths). */
export function unpackLeaf(packed: bigint): DomainDay {
  const field = (offset: number, bits: number): number =>
    Number((packed >> BigInt(offset)) & ((1n << BigInt(bits)) - 1n));
  return {
    day: field(LEAF_LAYOUT.day, FIELD_BITS.day),
    category: field(LEAF_LAYOUT.category, CATEGORY_BITS),
    activeSeconds: field(LEAF_LAYOUT.activeSeconds, FIELD_BITS.activeSeconds),
    visits: field(LEAF_LAYOUT.visits, FIELD_BITS.visits),
    interactions: field(LEAF_LAYOUT.interactions, FIELD_BITS.interactions),
  };
}

/** The padding leaf for unused slots: zero measures on the given day (scores 0, keeps days sorted). */
export function paddingLeaf(day: number): Leaf {
  return { saltedDomain: 0n, packed: packDomainDay({ day, category: 0, activeSeconds: 0, visits: 0, interactions: 0 }) };
}

/** A vault row as a leaf. */
export function encodeLeaf(row: DomainDayRow, vaultSalt: bigint): Leaf {
  return { saltedDomain: saltDomain(vaultSalt, row.domain), packed: packDomainDay(row) };
}
