/**
 * Deliveries (issue #9): what a staker hands a pool owner and how the owner
 * checks it against the stake proof. Plain TS (no chrome.*): runs in the
 * extension's service worker and in Node (the owner's dataset writer).
 */
export { DeliveryError, type DeliveryErrorReason } from './errors.ts';
export {
  DELIVERY_PAYLOAD_VERSION,
  DELIVERY_TIERS,
  MAX_RECORDS_PER_BATCH,
  deliveryPayloadSchema,
  type DeliveryPayload,
  type DeliveryRecord,
  type DeliveryTier,
  type RecordsBatch,
  type RecordsPayload,
  type TotalsBatch,
  type TotalsPayload,
} from './payload.ts';
export { decodeDeliveryPayload, encodeDeliveryPayload } from './payload-codec.ts';
export { buildDeliveryPayload, type BuildDeliveryPayloadParameters } from './build-payload.ts';
export { describeDelivery, type ConsentRow, type ConsentTotals, type DeliveryDescription } from './describe.ts';
export { DELIVERY_INFO_LABEL, encodeDeliveryContext, type DeliveryContext } from './context.ts';
export {
  DELIVERY_KEY_BYTES,
  deliveryKeyBytes,
  deliveryKeyToHex,
  deriveDeliveryKeyPair,
  generateDeliveryKeyPair,
  importDeliveryPrivateKey,
  importDeliveryPublicKey,
  type DeliveryKeyInput,
  type DeliveryKeyPair,
} from './keys.ts';
export {
  DELIVERY_BUCKETS,
  ENVELOPE_MAGIC,
  ENVELOPE_OVERHEAD,
  ENVELOPE_VERSION,
  MAX_ENVELOPE_BYTES,
  deliveryHash,
  envelopeSizeFor,
  openDelivery,
  sealDelivery,
  type OpenDeliveryParameters,
  type SealDeliveryParameters,
} from './envelope.ts';
export { leafPoints, runningPoints } from './points.ts';
export { isoDate, categoryLabel, viewRecord, type RecordView } from './record-view.ts';
export { DELIVERY_REJECTIONS, type DeliveryRejection } from './rejections.ts';
export {
  verifyDelivery,
  type DeliveryBatchSignals,
  type DeliveryVerification,
  type VerifiedRecord,
  type VerifiedTotals,
  type VerifyDeliveryParameters,
} from './verify.ts';
