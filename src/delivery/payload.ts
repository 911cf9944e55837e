/**
 * What a staker hands a pool owner (issue #9, docs/protocol.md §10.3): per batch
 * of the stake proof, either the exact in-category records the proof's
 * `fingerprint` covers, or the five values behind its `totalsCommitment`.
 *
 * A record is (domain, leafSalt, packed): the owner recomputes
 * `saltedDomain = Poseidon(leafSalt, domainField(domain))` and reads the measures,
 * category and day from `unpackLeaf(packed, epoch)`. Each batch also names the
 * root it claims to cover, so records of another token or week are told apart
 * from altered ones (the fingerprint alone would only say "different").
 */
import { z } from 'zod';
import { SNARK_SCALAR_FIELD } from '../zk/field.ts';
import { LEAF_LAYOUT } from '../zk/leaf.ts';
import { MAX_BATCHES } from '../zk/commitment.ts';
import { BATCH_SIZES } from '../zk/artifacts.ts';

/** The payload format this code writes and reads. */
export const DELIVERY_PAYLOAD_VERSION = 1;

/** What a pool asks for: records, exact weekly totals, or nothing. */
export const DELIVERY_TIERS = ['none', 'records', 'totals'] as const;
export type DeliveryTier = (typeof DELIVERY_TIERS)[number];

/** Most records one batch can hold: the largest circuit's leaf count. */
export const MAX_RECORDS_PER_BATCH = BATCH_SIZES.production;

/** A registrable domain as the vault keys it: lower case, no spaces or controls, at most 253 UTF-8 bytes. */
const domainSchema = z
  .string()
  .min(1)
  .refine((s) => s === s.toLowerCase() && !/[\s\p{Cc}]/u.test(s) && new TextEncoder().encode(s).length <= 253, {
    message: 'a domain is lower case, without spaces or control characters, at most 253 bytes',
  });

const fieldElement = z.bigint().nonnegative().lt(SNARK_SCALAR_FIELD);
const packedSchema = z.bigint().nonnegative().lt(1n << BigInt(LEAF_LAYOUT.totalBits));
const u32 = z.number().int().nonnegative().max(0xffff_ffff);

export const deliveryRecordSchema = z.object({
  domain: domainSchema,
  /** Poseidon(vaultSalt, epoch, domainField): opens this one (domain, week) and nothing else. */
  leafSalt: fieldElement,
  /** dayOffset | category | activeUnits | visits | interactionUnits (src/zk/leaf.ts). */
  packed: packedSchema,
});

export const recordsBatchSchema = z.object({
  /** The batch root this batch's records claim to be committed under. */
  root: fieldElement,
  records: z.array(deliveryRecordSchema).max(MAX_RECORDS_PER_BATCH),
});

export const totalsBatchSchema = z.object({
  root: fieldElement,
  activeUnits: u32,
  visits: u32,
  interactionUnits: u32,
  /** Counted real leaves: active domain-days in the pool's categories. */
  count: u32,
  totalsBlind: fieldElement,
});

const batches = <T extends z.ZodType>(batch: T) => z.array(batch).min(1).max(MAX_BATCHES);

export const deliveryPayloadSchema = z.discriminatedUnion('tier', [
  z.object({ version: z.literal(DELIVERY_PAYLOAD_VERSION), tier: z.literal('records'), batches: batches(recordsBatchSchema) }),
  z.object({ version: z.literal(DELIVERY_PAYLOAD_VERSION), tier: z.literal('totals'), batches: batches(totalsBatchSchema) }),
]);

export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;
export type RecordsBatch = z.infer<typeof recordsBatchSchema>;
export type TotalsBatch = z.infer<typeof totalsBatchSchema>;
export type DeliveryPayload = z.infer<typeof deliveryPayloadSchema>;
export type RecordsPayload = Extract<DeliveryPayload, { tier: 'records' }>;
export type TotalsPayload = Extract<DeliveryPayload, { tier: 'totals' }>;
