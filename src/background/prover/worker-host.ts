import { progressEventSchema, proveReplySchema, WORKER_REPLY_TYPE, type ProgressEvent, type ProveReply } from '../../offscreen/messages.ts';
import { IDLE_ALARM, type AlarmsApiLike } from './offscreen-document.ts';
import { OffscreenTransportError } from './offscreen-path.ts';
import type { ProveJob, ThreadHost } from './thread-host.ts';

/** The part of a DOM Worker the host uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error', fn: (event: { data?: unknown; message?: string }) => void): void;
  terminate(): void;
}

interface Pending {
  resolve(reply: ProveReply): void;
  reject(error: Error): void;
  onEvent(event: ProgressEvent): void;
}

/**
 * Firefox's ThreadHost: one dedicated Worker running src/offscreen/worker.ts,
 * started on the first proof and terminated after `idleMs` without one (the
 * prover's IDLE_ALARM, like Chrome's offscreen page: memory back to the
 * browser). Replies and progress are validated like the offscreen page's. A
 * worker that fails to load or dies fails its jobs with OffscreenTransportError,
 * so 'auto' proves in the background instead; the next proof starts a new worker.
 */
export function createWorkerHost(deps: { spawn(): WorkerLike; alarms: AlarmsApiLike; now(): number; idleMs: number }): ThreadHost {
  let worker: WorkerLike | null = null;
  const pending = new Map<string, Pending>();
  let lastUsed = 0;

  const arm = (ms: number): void => void deps.alarms.create(IDLE_ALARM, { delayInMinutes: ms / 60_000 });
  const failAll = (error: Error): void => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const drop = (): void => {
    worker?.terminate();
    worker = null;
  };

  const start = (): WorkerLike => {
    let w: WorkerLike;
    try {
      w = deps.spawn();
    } catch (cause) {
      throw new OffscreenTransportError(`prover worker: ${(cause as Error)?.message ?? cause}`, { cause });
    }
    w.addEventListener('message', (event) => {
      const data = event.data as { type?: unknown; requestId?: unknown; reply?: unknown } | null;
      if (data?.type === WORKER_REPLY_TYPE && typeof data.requestId === 'string') {
        const job = pending.get(data.requestId);
        if (!job) return;
        pending.delete(data.requestId);
        const reply = proveReplySchema.safeParse(data.reply);
        if (reply.success) job.resolve(reply.data);
        else {
          const issue = reply.error.issues[0];
          job.reject(new OffscreenTransportError(`prover worker gave no valid answer (${issue?.path.join('.') || '(root)'}: ${issue?.message})`));
        }
        return;
      }
      const progress = progressEventSchema.safeParse(data);
      if (progress.success) pending.get(progress.data.requestId)?.onEvent(progress.data);
    });
    w.addEventListener('error', (event) => {
      // A script that fails to load, or an uncaught error: this worker cannot be trusted to answer any more.
      if (worker === w) drop();
      failAll(new OffscreenTransportError(`prover worker failed: ${event.message ?? 'error'}`));
    });
    return w;
  };

  return {
    prove(job: ProveJob, onEvent) {
      lastUsed = deps.now();
      arm(deps.idleMs);
      return new Promise<ProveReply>((resolve, reject) => {
        try {
          worker ??= start();
          pending.set(job.requestId, { resolve, reject, onEvent });
          worker.postMessage({ type: 'offscreen/prove', ...job });
        } catch (cause) {
          pending.delete(job.requestId);
          reject(cause instanceof OffscreenTransportError ? cause : new OffscreenTransportError(String(cause), { cause }));
        }
      }).finally(() => {
        lastUsed = deps.now();
        arm(deps.idleMs);
      });
    },
    async closeIfIdle() {
      if (!worker) return false;
      const idleFor = deps.now() - lastUsed;
      if (pending.size > 0 || idleFor < deps.idleMs - 1_000) {
        arm(pending.size > 0 ? deps.idleMs : deps.idleMs - idleFor);
        return false;
      }
      drop();
      return true;
    },
  };
}
