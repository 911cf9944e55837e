/**
 * What a stake proof says about the records it counted, for a pool owner to check
 * a delivery against (docs/delivery.md), computed exactly as circuits/epoch.circom does:
 *
 *   r            = Poseidon(root, scope)             fixed once the root is on chain
 *   fingerprint  = Π (r − saltedDomain − r²·packed)  over the batch's counted real leaves (1 if none)
 *   totals       = Poseidon(Σunits, Σvisits, Σinteractions, count, totalsBlind)
 *
 * Equal fingerprints mean equal multisets of (saltedDomain, packed) with overwhelming
 * probability (Schwartz–Zippel); a record can only be forged by finding a Poseidon
 * preimage for a chosen saltedDomain.
 */
import { mod } from './field.ts';
import { LEAF_LAYOUT, type Leaf } from './leaf.ts';
import { LEAF_FIELD_BITS } from '../scoring/constants.ts';
import { CATEGORY_BITS } from '../shared/categories.ts';
import { poseidon } from './poseidon.ts';

/** The challenge r = Poseidon(root, scope). */
export function deliveryChallenge(root: bigint, scope: bigint): bigint {
  return poseidon([root, scope]);
}

/** Π (r − saltedDomain − r²·packed) over `leaves` (the counted real ones), mod the field. */
export function computeFingerprint(leaves: readonly Leaf[], root: bigint, scope: bigint): bigint {
  const r = deliveryChallenge(root, scope);
  const r2 = mod(r * r);
  let product = 1n;
  for (const l of leaves) product = mod(product * mod(r - l.saltedDomain - mod(r2 * l.packed)));
  return product;
}

/** The in-category totals of a batch, at the resolution the leaves commit. */
export interface BatchTotals {
  /** Σ activeUnits (10-second units, each leaf saturated at 2^12 − 1). */
  activeUnits: bigint;
  visits: bigint;
  interactionUnits: bigint;
  /** Number of counted real leaves (domain-days). */
  count: bigint;
}

const field = (packed: bigint, offset: number, bits: number): bigint => (packed >> BigInt(offset)) & ((1n << BigInt(bits)) - 1n);

/** Whether a leaf is counted under `mask` and real (padding has saltedDomain 0). */
export function isSelected(leaf: Leaf, mask: bigint): boolean {
  const category = field(leaf.packed, LEAF_LAYOUT.category, CATEGORY_BITS);
  return leaf.saltedDomain !== 0n && ((mask >> category) & 1n) === 1n;
}

/** The totals over `leaves` (the counted real ones). */
export function computeTotals(leaves: readonly Leaf[]): BatchTotals {
  const t: BatchTotals = { activeUnits: 0n, visits: 0n, interactionUnits: 0n, count: 0n };
  for (const l of leaves) {
    t.activeUnits += field(l.packed, LEAF_LAYOUT.activeUnits, LEAF_FIELD_BITS.activeUnits);
    t.visits += field(l.packed, LEAF_LAYOUT.visits, LEAF_FIELD_BITS.visits);
    t.interactionUnits += field(l.packed, LEAF_LAYOUT.interactionUnits, LEAF_FIELD_BITS.interactionUnits);
    t.count += 1n;
  }
  return t;
}

/** Poseidon(Σunits, Σvisits, Σinteractions, count, blind): the public `totalsCommitment`. */
export function computeTotalsCommitment(t: BatchTotals, blind: bigint): bigint {
  return poseidon([t.activeUnits, t.visits, t.interactionUnits, t.count, blind]);
}
