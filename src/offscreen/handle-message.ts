import type { LoadedArtifacts } from './artifacts.ts';
import { offscreenMessageSchema, type ProgressEvent, type ProveReply } from './messages.ts';
import { runProveJob } from './prove-job.ts';
import { isTrustedWorkerSender, type OffscreenSenderLike } from './sender.ts';

export interface OffscreenDeps {
  runtimeId: string;
  loadArtifacts(batchSize: number): Promise<LoadedArtifacts>;
  postProgress(event: ProgressEvent): void;
}

/**
 * Sender check → schema → job, for one `offscreen/…` message. Proofs run one
 * at a time: the threads are shared, so two at once would only both be slower.
 */
let queue: Promise<unknown> = Promise.resolve();

export async function handleOffscreenMessage(message: unknown, sender: OffscreenSenderLike, deps: OffscreenDeps): Promise<ProveReply> {
  if (!isTrustedWorkerSender(sender, deps.runtimeId)) {
    return { ok: false, error: { code: 'forbidden_sender', message: 'only the service worker may ask for proofs' } };
  }
  return runOffscreenJob(message, deps);
}

/**
 * Schema → job, queued, for a caller whose sender is already known: Chrome's
 * offscreen page after the sender check above, or Firefox's prover Worker
 * (src/offscreen/worker.ts), which only the background that started it can
 * post to.
 */
export async function runOffscreenJob(
  message: unknown,
  deps: Omit<OffscreenDeps, 'runtimeId'> & {
    /** Default false: snarkjs's worker threads (Chrome's page). Firefox's Worker cannot start them (worker.ts). */
    singleThread?: boolean;
  },
): Promise<ProveReply> {
  const parsed = offscreenMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid_message', message: `${issue?.path.join('.') || '(root)'}: ${issue?.message}`.slice(0, 300) } };
  }
  const msg = parsed.data;
  const job = queue.then(() =>
    runProveJob(msg, {
      loadArtifacts: deps.loadArtifacts,
      singleThread: deps.singleThread ?? false,
      onStage: (stage, elapsedMs) => deps.postProgress({ type: 'offscreen/progress', requestId: msg.requestId, stage, elapsedMs }),
    }),
  );
  queue = job.catch(() => undefined);
  return job;
}
