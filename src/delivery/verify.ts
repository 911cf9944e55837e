/**
 * The pool owner's check of a decrypted delivery against the stake's proofs
 * (their public signals, as the stake transaction carried them). Verification
 * answers a value for every well-formed payload: the verified records or totals, or a rejection code
 * (rejections.ts) with a message naming the batch and record.
 *
 * Records: every record is in the pool's categories and the stake's week; per
 * batch, Π (r − Poseidon(leafSalt, domain) − r²·packed) with r = Poseidon(root, scope)
 * equals the proof's fingerprint (equal multisets, Schwartz–Zippel); the records'
 * points, day-capped across batches, equal each proof's points and the staked
 * weight. Totals: Poseidon(Σunits, Σvisits, Σinteractions, count, blind) equals each
 * batch's totalsCommitment.
 */
import { SCORING } from '../scoring/constants.ts';
import { epochDays } from '../shared/epoch.ts';
import { computeFingerprint, computeTotalsCommitment, deliveryChallenge } from '../zk/fingerprint.ts';
import { saltDomain, unpackLeaf, type LeafMeasures } from '../zk/leaf.ts';
import { diagnoseFingerprint } from './diagnose.ts';
import { DeliveryError } from './errors.ts';
import { deliveryPayloadSchema, type DeliveryPayload, type DeliveryTier, type RecordsPayload, type TotalsPayload } from './payload.ts';
import { leafPoints, runningPoints } from './points.ts';
import { viewRecord, type RecordView } from './record-view.ts';
import type { DeliveryRejection } from './rejections.ts';

/** The public signals of one batch proof of the stake. */
export interface DeliveryBatchSignals {
  root: bigint;
  scope: bigint;
  fingerprint: bigint;
  totalsCommitment: bigint;
  /** The running points after this batch (the last batch's is the weight). */
  points: bigint;
}

export interface VerifyDeliveryParameters {
  payload: DeliveryPayload;
  /** The pool's tier. */
  tier: DeliveryTier;
  epoch: number;
  categoryMask: bigint;
  /** The stake's batch proofs, in order. */
  batches: readonly DeliveryBatchSignals[];
  /** The weight the pool recorded for the stake. */
  stakedWeight: bigint;
}

export interface VerifiedRecord extends RecordView {
  /** Index of the batch proof that covers it, and that batch's root. */
  batch: number;
  root: bigint;
  leafSalt: bigint;
  packed: bigint;
  points: number;
}

export interface VerifiedTotals {
  activeUnits: number;
  /** activeUnits × 10. */
  activeSeconds: number;
  visits: number;
  interactionUnits: number;
  /** interactionUnits × 10. */
  interactions: number;
  /** Counted domain-days. */
  activeDomainDays: number;
}

export type DeliveryVerification =
  | { verified: true; tier: 'records'; records: VerifiedRecord[] }
  | { verified: true; tier: 'totals'; totals: VerifiedTotals }
  | { verified: false; reason: DeliveryRejection; message: string; batch?: number; record?: number };

type Rejected = Extract<DeliveryVerification, { verified: false }>;
const reject = (reason: DeliveryRejection, message: string, at: { batch?: number; record?: number } = {}): Rejected => ({
  verified: false,
  reason,
  message,
  ...at,
});

/**
 * Checks a payload against its stake. A payload from openDelivery is already
 * valid; one built by hand is validated first and throws DeliveryError('bad_payload')
 * if malformed (a misuse, not a verdict). Every verdict is a value.
 */
export function verifyDelivery(p: VerifyDeliveryParameters): DeliveryVerification {
  const parsed = deliveryPayloadSchema.safeParse(p.payload);
  if (!parsed.success) throw new DeliveryError('bad_payload', 'The delivery payload is invalid', { details: parsed.error.message });
  const { tier, batches } = p;
  const payload = parsed.data;
  if (tier === 'none' || payload.tier !== tier) return reject('wrong_tier', `The pool asks for ${tier}, the delivery holds ${payload.tier}`);
  if (payload.batches.length !== batches.length) {
    return reject('batch_count', `The stake has ${batches.length} batch proof(s), the delivery ${payload.batches.length} batch(es)`);
  }
  if (batches[batches.length - 1].points !== p.stakedWeight) {
    return reject('weight_mismatch', `The staked weight ${p.stakedWeight} is not the last proof's points ${batches[batches.length - 1].points}`);
  }
  for (let k = 0; k < batches.length; k++) {
    if (payload.batches[k].root !== batches[k].root) {
      return reject('foreign_record', `Batch ${k} of the delivery is for another root: records of another token, week or batch`, { batch: k });
    }
  }
  return payload.tier === 'totals' ? verifyTotals(payload, batches) : verifyRecords(payload, { ...p, payload });
}

function verifyTotals(payload: TotalsPayload, batches: readonly DeliveryBatchSignals[]): DeliveryVerification {
  const t: VerifiedTotals = { activeUnits: 0, activeSeconds: 0, visits: 0, interactionUnits: 0, interactions: 0, activeDomainDays: 0 };
  for (const [k, b] of payload.batches.entries()) {
    const values = { activeUnits: BigInt(b.activeUnits), visits: BigInt(b.visits), interactionUnits: BigInt(b.interactionUnits), count: BigInt(b.count) };
    if (computeTotalsCommitment(values, b.totalsBlind) !== batches[k].totalsCommitment) {
      return reject('totals_mismatch', `The totals of batch ${k} do not open its totalsCommitment`, { batch: k });
    }
    t.activeUnits += b.activeUnits;
    t.visits += b.visits;
    t.interactionUnits += b.interactionUnits;
    t.activeDomainDays += b.count;
  }
  t.activeSeconds = t.activeUnits * SCORING.TIER1_SECONDS_PER_POINT;
  t.interactions = t.interactionUnits * SCORING.INTERACTIONS_PER_POINT;
  return { verified: true, tier: 'totals', totals: t };
}

function verifyRecords(payload: RecordsPayload, p: VerifyDeliveryParameters): DeliveryVerification {
  const { last } = epochDays(p.epoch);
  const measures: LeafMeasures[][] = [];
  for (const [k, b] of payload.batches.entries()) {
    measures.push(b.records.map((r) => unpackLeaf(r.packed, p.epoch)));
    for (const [i, m] of measures[k].entries()) {
      const at = { batch: k, record: i };
      if (((p.categoryMask >> BigInt(m.category)) & 1n) === 0n) {
        return reject('record_out_of_category', `Record ${i} of batch ${k} (${b.records[i].domain}) is in a category outside the pool's`, at);
      }
      if (m.day > last) return reject('record_out_of_epoch', `Record ${i} of batch ${k} (${b.records[i].domain}) is dated outside week ${p.epoch}`, at);
    }
  }
  const points = runningPoints(measures);
  for (const [k, b] of payload.batches.entries()) {
    const signals = p.batches[k];
    const leaves = b.records.map((r) => ({ saltedDomain: saltDomain(r.leafSalt, r.domain), packed: r.packed }));
    if (computeFingerprint(leaves, signals.root, signals.scope) !== signals.fingerprint) {
      const d = diagnoseFingerprint({
        r: deliveryChallenge(signals.root, signals.scope),
        fingerprint: signals.fingerprint,
        leaves,
        recomputedPoints: points[k],
        provenPoints: signals.points,
      });
      const which = d.record === undefined ? '' : ` record ${d.record} (${b.records[d.record].domain})`;
      return reject(d.reason, `Batch ${k}${which}: the records are not the ones the proof counted; ${d.detail}`, { batch: k, record: d.record });
    }
    if (BigInt(points[k]) !== signals.points) {
      return reject('weight_mismatch', `The records through batch ${k} score ${points[k]} points, the proof ${signals.points}`, { batch: k });
    }
  }
  const records = payload.batches.flatMap((b, k) =>
    b.records.map((r, i): VerifiedRecord => ({
      ...viewRecord(r, p.epoch),
      batch: k,
      root: b.root,
      leafSalt: r.leafSalt,
      packed: r.packed,
      points: leafPoints(measures[k][i]),
    })),
  );
  return { verified: true, tier: 'records', records };
}
