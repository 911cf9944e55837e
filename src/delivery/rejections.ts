/**
 * Why a decrypted delivery does not match its stake proof. Stable codes for the
 * dataset's verification.json and for tests; the message says which batch or record.
 */
export const DELIVERY_REJECTIONS = [
  /** The payload's tier is not the pool's (or the pool asks for none). */
  'wrong_tier',
  /** The payload has another number of batches than the stake has proofs. */
  'batch_count',
  /** A batch names another root than the stake's: records of another token, week or batch. */
  'foreign_record',
  /** A record's category is outside the pool's mask: the proof never counted it. */
  'record_out_of_category',
  /** A record's day is outside the stake's week (day offset 7). */
  'record_out_of_epoch',
  /** The fingerprint differs and the delivery holds records the proof did not count. */
  'invented_record',
  /** The fingerprint differs and a record was changed. */
  'altered_record',
  /** The fingerprint differs and records the proof counted are missing. */
  'withheld_record',
  /** Poseidon(values, blind) is not the batch's totalsCommitment. */
  'totals_mismatch',
  /** The records' points are not the proof's, or the staked weight is not the last proof's points. */
  'weight_mismatch',
] as const;

export type DeliveryRejection = (typeof DELIVERY_REJECTIONS)[number];
