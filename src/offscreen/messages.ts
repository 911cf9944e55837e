import { z } from 'zod';
import { BATCH_SIZES } from '../zk/artifacts.ts';
import { PUBLIC_SIGNAL_COUNT } from '../zk/witness.ts';

/**
 * The contract between the service worker and the offscreen prover page.
 * Every message here is `offscreen/…` and goes worker → offscreen; the page
 * ignores every other runtime message (all extension contexts receive them,
 * and answering a popup's `ui/…` message would hijack its reply). Progress goes
 * back over a runtime Port (named PROGRESS_PORT_PREFIX + requestId, opened by
 * the worker), so it never reaches any onMessage listener.
 */

export const OFFSCREEN_PREFIX = 'offscreen/';
export const PROGRESS_PORT_PREFIX = 'offscreen/progress/';

/** Whether the offscreen page answers this runtime message at all (anything else is left to its addressee). */
export function isOffscreenMessage(message: unknown): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith(OFFSCREEN_PREFIX);
}

/** A decimal field element as the witness calculator takes it (< 2^256; the zk layer checks < r). */
const decimalSchema = z.string().regex(/^(0|[1-9][0-9]{0,77})$/, 'not a decimal integer');

export const batchSizeSchema = z.union([z.literal(BATCH_SIZES.test), z.literal(BATCH_SIZES.production)]);

/** CircuitInput (src/zk/witness.ts) as data from another context. */
export const circuitInputSchema = z
  .object({
    root: decimalSchema,
    epoch: decimalSchema,
    categoryMask: decimalSchema,
    minPoints: decimalSchema,
    scope: decimalSchema,
    accIn: decimalSchema,
    nullifierSecret: decimalSchema,
    saltedDomain: z.array(decimalSchema).max(BATCH_SIZES.production),
    packed: z.array(decimalSchema).max(BATCH_SIZES.production),
    prevDaySum: z.array(decimalSchema).length(7),
    prevBlind: decimalSchema,
    accBlind: decimalSchema,
    totalsBlind: decimalSchema,
  })
  .strict();

export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a request id');

/** worker → offscreen: prove `input` with the batch's circuit. Answer: ProveReply. */
export const offscreenProveSchema = z
  .object({ type: z.literal('offscreen/prove'), requestId: requestIdSchema, input: circuitInputSchema, batchSize: batchSizeSchema })
  .strict()
  .refine((m) => m.input.saltedDomain.length === m.batchSize && m.input.packed.length === m.batchSize, {
    message: 'leaf arrays must have batchSize entries',
    path: ['input'],
  });
export type OffscreenProve = z.infer<typeof offscreenProveSchema>;

export const offscreenMessageSchema = offscreenProveSchema;
export type OffscreenMessage = OffscreenProve;

// ---------------------------------------------------------------- offscreen → worker

export const stageSchema = z.enum(['loading', 'witness', 'proving']);

/** Posted on the job's progress Port: the stage entered, and ms spent in it so far. */
export const progressEventSchema = z
  .object({ type: z.literal('offscreen/progress'), requestId: requestIdSchema, stage: stageSchema, elapsedMs: z.number().nonnegative() })
  .strict();
export type ProgressEvent = z.infer<typeof progressEventSchema>;

export const OFFSCREEN_ERROR_CODES = [
  'invalid_message',
  'forbidden_sender',
  'artifact_unavailable',
  'out-of-range',
  'witness-failed',
  'prove-failed',
  'internal',
] as const;
export type OffscreenErrorCode = (typeof OFFSCREEN_ERROR_CODES)[number];

const g1Schema = z.array(decimalSchema).length(3);
export const groth16ProofSchema = z
  .object({
    pi_a: g1Schema,
    pi_b: z.array(z.array(decimalSchema).length(2)).length(3),
    pi_c: g1Schema,
    protocol: z.literal('groth16'),
    curve: z.literal('bn128'),
  })
  .strict();

/**
 * Phase durations of one job, ms (loading is 0 when the artifacts were already in memory). `threadsMs`
 * (multi-threaded only): how long the worker threads took to start, overlapped with loading and witness
 * (~0 once started); the proving stage includes any wait for them.
 */
export const timingsSchema = z
  .object({ loadMs: z.number(), witnessMs: z.number(), proveMs: z.number(), threadsMs: z.number().optional() })
  .strict();
export type ProveTimings = z.infer<typeof timingsSchema>;

export const proveReplySchema = z.discriminatedUnion('ok', [
  z
    // One per PUBLIC_SIGNAL_NAMES (it was a hard-coded 7 after the circuit grew to 11: every offscreen reply failed
    // validation and `auto` silently proved in the worker instead; caught by the Firefox suite's Worker path).
    .object({ ok: z.literal(true), proof: groth16ProofSchema, publicSignals: z.array(decimalSchema).length(PUBLIC_SIGNAL_COUNT), timings: timingsSchema })
    .strict(),
  z
    .object({ ok: z.literal(false), error: z.object({ code: z.enum(OFFSCREEN_ERROR_CODES), message: z.string().max(500) }).strict() })
    .strict(),
]);
export type ProveReply = z.infer<typeof proveReplySchema>;

// ---------------------------------------------------------------- Firefox's prover Worker → background

/**
 * Firefox has no offscreen page: the same jobs run in a dedicated Worker
 * (src/offscreen/worker.ts) that answers on its one postMessage channel, where
 * a reply cannot travel as a sendMessage answer. Progress events are posted as
 * above; the final ProveReply comes wrapped in this.
 */
export const WORKER_REPLY_TYPE = 'offscreen/reply';
export interface WorkerReply {
  type: typeof WORKER_REPLY_TYPE;
  requestId: string;
  reply: ProveReply;
}
