/**
 * The extension side: from the week's commitment, exactly the records (or the
 * totals) that a stake proof's `fingerprint` (or `totalsCommitment`) covers,
 * batch by batch. It selects leaves the way the circuit does (`isSelected`:
 * category in the pool's mask, not padding), so zero-point records are
 * delivered too, and it refuses to build a delivery that could not verify.
 */
import { computeTotals, isSelected } from '../zk/fingerprint.ts';
import { leafSalt, saltDomain } from '../zk/leaf.ts';
import type { EpochCommitment } from '../zk/commitment.ts';
import { DeliveryError } from './errors.ts';
import { DELIVERY_PAYLOAD_VERSION, type DeliveryPayload, type DeliveryRecord, type DeliveryTier } from './payload.ts';

export interface BuildDeliveryPayloadParameters {
  /** The pool's tier; `none` has nothing to deliver and is refused. */
  tier: DeliveryTier;
  /** The week's commitment the stake proves (EpochWitness.commitment of the stake job). */
  commitment: EpochCommitment;
  /** The vault salt the commitment was built with: it derives each record's leafSalt. */
  vaultSalt: bigint;
  /** The pool's category mask, as the proof's public `categoryMask`. */
  categoryMask: bigint;
  /**
   * Each batch's `totalsBlind`, as the proof used it (EpochWitness.batches[k].totalsBlind).
   * Required for the totals tier.
   */
  totalsBlinds?: readonly bigint[];
}

/**
 * Builds the payload. Throws DeliveryError('not_deliverable') for tier `none`, a
 * vault salt that does not reproduce the committed leaves, or missing totals blinds.
 */
export function buildDeliveryPayload({ tier, commitment, vaultSalt, categoryMask, totalsBlinds }: BuildDeliveryPayloadParameters): DeliveryPayload {
  if (tier === 'none') throw new DeliveryError('not_deliverable', 'This pool asks for no delivery');
  const { epoch } = commitment;
  if (tier === 'totals') {
    if (totalsBlinds?.length !== commitment.batches.length) {
      throw new DeliveryError('not_deliverable', 'A totals delivery needs the totals blind of every batch');
    }
    return {
      version: DELIVERY_PAYLOAD_VERSION,
      tier,
      batches: commitment.batches.map((batch, k) => {
        const t = computeTotals(batch.leaves.filter((l) => isSelected(l, categoryMask)));
        return {
          root: batch.root,
          activeUnits: Number(t.activeUnits),
          visits: Number(t.visits),
          interactionUnits: Number(t.interactionUnits),
          count: Number(t.count),
          totalsBlind: totalsBlinds[k],
        };
      }),
    };
  }
  return {
    version: DELIVERY_PAYLOAD_VERSION,
    tier,
    batches: commitment.batches.map((batch) => {
      const records: DeliveryRecord[] = [];
      batch.rows.forEach((row, i) => {
        const leaf = batch.leaves[i];
        if (!isSelected(leaf, categoryMask)) return;
        const domain = row.domain.toLowerCase();
        const salt = leafSalt(vaultSalt, epoch, domain);
        if (saltDomain(salt, domain) !== leaf.saltedDomain) {
          throw new DeliveryError('not_deliverable', 'The vault salt does not reproduce the committed leaves: this delivery would never verify');
        }
        records.push({ domain, leafSalt: salt, packed: leaf.packed });
      });
      return { root: batch.root, records };
    }),
  };
}
