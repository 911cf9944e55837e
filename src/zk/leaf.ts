/**
 * Leaf encoding, bit for bit as circuits/epoch.circom decomposes it.
 *
 * A leaf is two field elements: `saltedDomain = Poseidon(leafSalt, domainField)` with the
 * per-leaf salt `leafSalt = Poseidon(vaultSalt, epoch, domainField)` (the salt keeps a leaf from
 * being brute-forced from a domain list; being per leaf, a pool owner who receives some leaves'
 * salts in a delivery can test no other leaf, week or vault: docs/delivery.md) and `packed`, the measures at fixed bit offsets, least significant first:
 *   dayOffset (3) | category (5) | activeUnits (12) | visits (8) | interactionUnits (8)
 * dayOffset = day - 7 * epoch in [0, 6]: the epoch is a public input, so a leaf
 * only needs its day within the week. Each measure is committed at the
 * resolution the points formula reads it and saturates far above its cap
 * (`leafMeasures`), so the leaf scores exactly like the raw domain-day and
 * commits less. The widths come from src/scoring/constants.ts LEAF_FIELD_BITS,
 * src/shared/categories.ts CATEGORY_BITS and src/shared/epoch.ts EPOCH_DAYS, the
 * same source the circuit's generated constants come from.
 */
import { keccak256, toBytes } from 'viem';
import { LEAF_FIELD_BITS, SCORING } from '../scoring/constants.ts';
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
  const activeUnits = category + CATEGORY_BITS;
  const visits = activeUnits + LEAF_FIELD_BITS.activeUnits;
  const interactionUnits = visits + LEAF_FIELD_BITS.visits;
  return { dayOffsetBits, day, category, activeUnits, visits, interactionUnits, totalBits: interactionUnits + LEAF_FIELD_BITS.interactionUnits };
})();

/** The measures of a domain-day as a leaf commits them. */
export interface LeafMeasures {
  day: number;
  category: number;
  /** floor(activeSeconds / TIER1_SECONDS_PER_POINT), saturated at 2^12 - 1. */
  activeUnits: number;
  /** visits, saturated at 2^8 - 1. */
  visits: number;
  /** floor(interactions / INTERACTIONS_PER_POINT), saturated at 2^8 - 1. */
  interactionUnits: number;
}

const saturate = (value: number, bits: number): number => Math.min(value, 2 ** bits - 1);

/** The committed measures of a (validated) domain-day: quantised to the formula's units, then saturated. */
export function leafMeasures(d: DomainDay): LeafMeasures {
  return {
    day: d.day,
    category: d.category,
    activeUnits: saturate(Math.floor(d.activeSeconds / SCORING.TIER1_SECONDS_PER_POINT), LEAF_FIELD_BITS.activeUnits),
    visits: saturate(d.visits, LEAF_FIELD_BITS.visits),
    interactionUnits: saturate(Math.floor(d.interactions / SCORING.INTERACTIONS_PER_POINT), LEAF_FIELD_BITS.interactionUnits),
  };
}

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

/** The per-leaf salt Poseidon(vaultSalt, epoch, domainField(domain)): one per vault, week and domain. */
export function leafSalt(vaultSalt: bigint, epoch: number, domain: string): bigint {
  return poseidon([vaultSalt, BigInt(epoch), domainField(domain)]);
}

/** Poseidon(leafSalt, domainField(domain)): what the leaf commits in place of the domain. */
export function saltDomain(salt: bigint, domain: string): bigint {
  return poseidon([salt, domainField(domain)]);
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
  const m = leafMeasures(d);
  return (
    (BigInt(m.day - first) << BigInt(LEAF_LAYOUT.day)) |
    (BigInt(m.category) << BigInt(LEAF_LAYOUT.category)) |
    (BigInt(m.activeUnits) << BigInt(LEAF_LAYOUT.activeUnits)) |
    (BigInt(m.visits) << BigInt(LEAF_LAYOUT.visits)) |
    (BigInt(m.interactionUnits) << BigInt(LEAF_LAYOUT.interactionUnits))
  );
}

/** Inverse of packDomainDay on the committed measures (no range checks beyond the widths). */
export function unpackLeaf(packed: bigint, epoch: number): LeafMeasures {
  const field = (offset: number, bits: number): number =>
    Number((packed >> BigInt(offset)) & ((1n << BigInt(bits)) - 1n));
  return {
    day: epochDays(epoch).first + field(LEAF_LAYOUT.day, LEAF_LAYOUT.dayOffsetBits),
    category: field(LEAF_LAYOUT.category, CATEGORY_BITS),
    activeUnits: field(LEAF_LAYOUT.activeUnits, LEAF_FIELD_BITS.activeUnits),
    visits: field(LEAF_LAYOUT.visits, LEAF_FIELD_BITS.visits),
    interactionUnits: field(LEAF_LAYOUT.interactionUnits, LEAF_FIELD_BITS.interactionUnits),
  };
}

/** The padding leaf for unused slots: zero measures on the epoch's last day (scores 0; it sorts last). */
export function paddingLeaf(epoch: number): Leaf {
  const day = epochDays(epoch).last;
  return { saltedDomain: 0n, packed: packDomainDay({ day, category: 0, activeSeconds: 0, visits: 0, interactions: 0 }, epoch) };
}

/** A vault row of `epoch` as a leaf. */
export function encodeLeaf(row: DomainDayRow, vaultSalt: bigint, epoch: number): Leaf {
  return { saltedDomain: saltDomain(leafSalt(vaultSalt, epoch, row.domain), row.domain), packed: packDomainDay(row, epoch) };
}
