import { z } from 'zod';
import { JOB_KINDS, JOB_STATES } from '../../shared/earning-messages';
import { errorCodeSchema } from '../../shared/error-codes';

/**
 * The `jobs` table: proof and transaction work persisted so it survives the
 * worker (docs/earning.md "Jobs"). A signed transaction is stored before it
 * is sent (`tx`), so a resumed job rebroadcasts instead of signing again.
 * Values are plain JSON (amounts as decimal strings).
 *
 * A row is parsed with jobRecordSchema when it is created and when it is
 * loaded (src/vault/jobs.ts), so job code reads typed params per kind. The
 * schemas only check: parsing never changes a row's shape (no transforms
 * that write back differently), so rows written before the schemas existed
 * still parse (tests/unit/vault-jobs.test.ts).
 */
export type JobKind = (typeof JOB_KINDS)[number];
export type JobState = (typeof JOB_STATES)[number];

type Hex = `0x${string}`;
/** A hex string typed for viem; the regex checks it, the pipe only names the type. */
const hex = (re: RegExp) => z.string().regex(re).pipe(z.custom<Hex>());
const addressSchema = hex(/^0x[0-9a-fA-F]{40}$/);
const uintString = z.string().regex(/^(0|[1-9][0-9]{0,77})$/, 'expected a decimal integer');

/** Every job: its intent key (one open job per key), and the chain and holder it was started for. */
const commonParams = {
  key: z.string(),
  /** Absent only in hand-made rows: a job then runs on whatever network is current. */
  chainId: z.number().int().optional(),
  address: addressSchema,
};
const poolRef = { pool: addressSchema, tokenId: uintString };

/** Params per kind. Stake adds the pool's terms (decimal strings) when building; exit its plan (JSON, exitPlanSchema). */
export const jobParamsSchemas = {
  mint: z.object({ ...commonParams, epoch: z.number().int().min(0) }),
  stake: z.object({
    ...commonParams,
    ...poolRef,
    categoryMask: uintString.optional(),
    minPoints: uintString.optional(),
    poolId: uintString.optional(),
    /** A delivery pool: the digest of the payload the user confirmed (docs/delivery.md); the job delivers exactly that. */
    deliveryDigest: hex(/^0x[0-9a-fA-F]{64}$/).optional(),
  }),
  unstake: z.object({ ...commonParams, ...poolRef }),
  claim: z.object({ ...commonParams, ...poolRef }),
  exit: z.object({ ...commonParams, plan: z.string().optional() }),
} as const satisfies Record<JobKind, z.ZodType>;

export type JobParams<K extends JobKind = JobKind> = z.output<(typeof jobParamsSchemas)[K]>;
/** What openJob takes: the params before parsing, without the key (openJob adds it); one member per kind. */
export type JobParamsInput<K extends JobKind = JobKind> = K extends JobKind ? Omit<z.input<(typeof jobParamsSchemas)[K]>, 'key'> : never;

const jobBase = {
  id: z.string(),
  state: z.enum(JOB_STATES),
  /** 0–100 within the current state. */
  progress: z.number(),
  /** The step the job is at (a multi-transaction job such as exit has several). */
  step: z.number().int().min(0),
  tx: z.object({ hash: hex(/^0x[0-9a-fA-F]*$/), raw: hex(/^0x[0-9a-fA-F]*$/), nonce: z.number(), chainId: z.number() }).optional(),
  result: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** A code a later version dropped reads as `internal` (the UI shows the generic message either way). */
  error: z.object({ code: errorCodeSchema.catch('internal'), message: z.string() }).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
};

const jobOf = <K extends JobKind>(kind: K) => z.object({ ...jobBase, kind: z.literal(kind), params: jobParamsSchemas[kind] });

export const jobRecordSchema = z.discriminatedUnion('kind', [jobOf('mint'), jobOf('stake'), jobOf('unstake'), jobOf('claim'), jobOf('exit')]);
export type JobRecord = z.output<typeof jobRecordSchema>;
export type JobOf<K extends JobKind> = Extract<JobRecord, { kind: K }>;

/** Narrows a loaded job to its kind; the runner dispatches by kind, so a mismatch is a bug. */
export function assertJobKind<K extends JobKind>(job: JobRecord, ...kinds: K[]): asserts job is JobOf<K> {
  const allowed: readonly JobKind[] = kinds;
  if (!allowed.includes(job.kind)) throw new TypeError(`job ${job.id} is a ${job.kind} job, not ${kinds.join(' or ')}`);
}

/**
 * One action of the exit plan, in order: every unstake, then every burn, then the wipe.
 * An unstake the chain refuses is replaced by a `leave` of the same stake (exit without
 * the reward token, forfeiting what it earned).
 */
export const exitActionSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('unstake'), pool: addressSchema, tokenId: uintString }),
  z.object({
    do: z.literal('leave'),
    pool: addressSchema,
    tokenId: uintString,
    /**
     * Read when the unstake was refused, before the leave is signed: what the stake had earned and the
     * block from which its `Left` event is looked up (a resumed step reads the chain after the leave may
     * have landed, when nothing is owed any more). Absent in plans written before they were kept.
     */
    owed: uintString.optional(),
    fromBlock: uintString.optional(),
  }),
  z.object({ do: z.literal('burn'), tokenId: uintString }),
  z.object({ do: z.literal('wipe') }),
]);
export type ExitAction = z.output<typeof exitActionSchema>;
export const exitPlanSchema = z.array(exitActionSchema);

/** The exit plan stored in `params.plan` (JSON text), validated. */
export const parseExitPlan = (text: string | undefined): ExitAction[] => exitPlanSchema.parse(JSON.parse(text ?? 'null'));

export const JOBS_INDEXES = {
  /** v4: added with the earning flow; open jobs are found by state, the latest by updatedAt. */
  4: 'id, state, kind, updatedAt',
} as const;
