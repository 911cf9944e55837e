/**
 * When a batch's fingerprint differs, say how. The fingerprint alone proves only
 * that the delivered multiset is not the committed one; these tests name the
 * difference where the algebra allows, and fall back on the points otherwise:
 *
 * 1. One extra record: removing record i gives the fingerprint exactly → invented
 *    (a duplicate is caught here too).
 * 2. One record's measures changed: the factor record i would need,
 *    f* = F·f_i / G, gives packed* = (r − saltedDomain_i − f*) / r²; a packed*
 *    below 2^36 happens by chance with probability ~2^-218 → altered (and
 *    packed* is the committed value).
 * 3. Otherwise compare the records' running points with the proof's: fewer →
 *    withheld, more → invented, equal → altered (a changed domain or salt, a
 *    zero-point record withheld or a foreign one swapped in look alike here).
 */
import { SNARK_SCALAR_FIELD, mod } from '../zk/field.ts';
import { LEAF_LAYOUT } from '../zk/leaf.ts';
import type { DeliveryRejection } from './rejections.ts';

export interface FingerprintDiagnosis {
  reason: Extract<DeliveryRejection, 'invented_record' | 'altered_record' | 'withheld_record'>;
  /** Index of the record in its batch, when one was identified. */
  record?: number;
  detail: string;
}

export interface DiagnoseParameters {
  /** r = Poseidon(root, scope). */
  r: bigint;
  /** The proof's fingerprint. */
  fingerprint: bigint;
  /** Each record's saltedDomain and packed, in delivery order. */
  leaves: readonly { saltedDomain: bigint; packed: bigint }[];
  /** Running points of the records through this batch, and the proof's. */
  recomputedPoints: number;
  provenPoints: bigint;
}

function powMod(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exp; e > 0n; e >>= 1n, b = (b * b) % SNARK_SCALAR_FIELD) if (e & 1n) result = (result * b) % SNARK_SCALAR_FIELD;
  return result;
}
const invert = (x: bigint): bigint => powMod(x, SNARK_SCALAR_FIELD - 2n);

export function diagnoseFingerprint({ r, fingerprint, leaves, recomputedPoints, provenPoints }: DiagnoseParameters): FingerprintDiagnosis {
  const r2 = mod(r * r);
  const factors = leaves.map((l) => mod(r - l.saltedDomain - mod(r2 * l.packed)));
  const prefix = [1n];
  for (const f of factors) prefix.push(mod(prefix[prefix.length - 1] * f));
  const suffix = new Array<bigint>(factors.length + 1).fill(1n);
  for (let i = factors.length - 1; i >= 0; i--) suffix[i] = mod(suffix[i + 1] * factors[i]);

  for (let i = 0; i < factors.length; i++) {
    if (mod(prefix[i] * suffix[i + 1]) === fingerprint) return { reason: 'invented_record', record: i, detail: 'without it the fingerprint matches' };
  }
  const product = prefix[factors.length];
  if (product !== 0n && r2 !== 0n) {
    const ratio = mod(fingerprint * invert(product));
    const r2inv = invert(r2);
    for (let i = 0; i < factors.length; i++) {
      const packed = mod(mod(r - leaves[i].saltedDomain - mod(ratio * factors[i])) * r2inv);
      if (packed < 1n << BigInt(LEAF_LAYOUT.totalBits) && packed !== leaves[i].packed) {
        return { reason: 'altered_record', record: i, detail: `its measures were changed (committed packed ${packed})` };
      }
    }
  }
  const proven = Number(provenPoints);
  if (recomputedPoints < proven) return { reason: 'withheld_record', detail: `the records score ${recomputedPoints} points, the proof counted ${proven}` };
  if (recomputedPoints > proven) return { reason: 'invented_record', detail: `the records score ${recomputedPoints} points, the proof counted ${proven}` };
  return { reason: 'altered_record', detail: 'the records score the proof’s points but are not the committed ones' };
}
