import type { ProveProgress, Prover } from '../services.ts';
import { createArtifactCache } from '../../offscreen/artifacts.ts';
import type { ProveReply, ProveTimings } from '../../offscreen/messages.ts';
import { runProveJob } from '../../offscreen/prove-job.ts';
import type { CircuitInput } from '../../zk/witness.ts';
import { dropSharedCurve, type EpochProofResult, type Groth16Proof } from '../../zk/prove.ts';
import { replyError } from './errors.ts';
import {
  createOffscreenDocument,
  IDLE_ALARM,
  type AlarmsApiLike,
  type OffscreenApiLike,
  type OffscreenDocument,
  type RuntimeContextsLike,
} from './offscreen-document.ts';
import { offscreenHost } from './offscreen-host.ts';
import { OffscreenTransportError, type MessagingLike } from './offscreen-path.ts';
import type { ThreadHost } from './thread-host.ts';
import { createTimingStore, estimatePercent, type ProverPath, type StorageAreaLike } from './timings.ts';
import { createPathChoice } from './path-choice.ts';

/**
 * The two paths keep their Chrome names in measurements and bench output:
 * 'offscreen' is the path away from the background's thread (Chrome's offscreen
 * page with threads, or the ThreadHost a browser adapter passes: Firefox's
 * dedicated Worker, single-threaded inside), 'worker' proves
 * single-threaded in the background itself (Chrome's service worker, Firefox's
 * event page).
 * - 'auto' (default): the path that is fastest on this machine (path-choice.ts:
 *   by core count until both paths have proven here, then by their measured
 *   times), falling back to the worker when no ThreadHost exists or it fails;
 * - 'offscreen': the ThreadHost only (errors are thrown, no fallback);
 * - 'worker': single-threaded in the service worker only.
 */
export type ProverMode = 'auto' | 'offscreen' | 'worker';

export interface ProverDeps {
  runtime: MessagingLike & RuntimeContextsLike;
  /** chrome.offscreen; undefined where the API is missing. */
  offscreen?: OffscreenApiLike;
  /**
   * The 'offscreen' path's host when it is not Chrome's offscreen page (Firefox's
   * dedicated Worker, worker-host.ts). Takes precedence over `offscreen`.
   */
  threads?: ThreadHost;
  storage: StorageAreaLike;
  /**
   * The worker's prover gets `create` only: its IDLE_ALARM is wired in the
   * worker's one alarm table (src/background/alarm-table.ts) to onIdleAlarm().
   * With `onAlarm` (unit tests, the bench build's extra provers) the prover
   * listens for its idle alarm itself.
   */
  alarms: AlarmsApiLike & { onAlarm?: { addListener(fn: (alarm: { name: string }) => void): void } };
  now(): number;
  mode?: ProverMode;
  /** The extension version and logical core count that stamp the measured path choice (path-choice.ts). */
  version?: string;
  cores?: number;
  /** Close the offscreen page (and drop the worker's artifact copy) after this long without a proof; default 2 min. */
  idleMs?: number;
}

export interface BrowserProver extends Prover {
  /** The path the last successful proof took, and its phase durations (the bench reads them). */
  readonly last: { path: ProverPath; timings: ProveTimings } | null;
  /** The IDLE_ALARM handler: drops the worker's artifact copy and closes the offscreen page once idle. */
  onIdleAlarm(): void;
}

/**
 * One controller per offscreen API (Chrome allows one page per extension), so
 * provers in the same worker (the bench build has three) count each other's
 * jobs in flight and none closes the page under another's proof.
 */
const documents = new WeakMap<OffscreenApiLike, OffscreenDocument>();
function documentFor(api: OffscreenApiLike, create: () => OffscreenDocument): OffscreenDocument {
  let doc = documents.get(api);
  if (!doc) documents.set(api, (doc = create()));
  return doc;
}

/**
 * The worker's Prover. Create it at the worker's top level and route its
 * IDLE_ALARM to onIdleAlarm() there, so the handler exists when the alarm
 * wakes a restarted worker (or pass `alarms.onAlarm` to have it listen itself).
 */
export function createProver(deps: ProverDeps): BrowserProver {
  const mode = deps.mode ?? 'auto';
  const idleMs = deps.idleMs ?? 120_000;
  const timings = createTimingStore(deps.storage);
  const choice = createPathChoice(deps.storage, { version: deps.version ?? '', cores: deps.cores });
  const workerArtifacts = createArtifactCache((path) => deps.runtime.getURL(path));
  const api = deps.offscreen;
  const host: ThreadHost | null =
    deps.threads ??
    (api && typeof deps.runtime.getContexts === 'function'
      ? offscreenHost(
          documentFor(api, () => createOffscreenDocument({ offscreen: api, runtime: deps.runtime, alarms: deps.alarms, now: deps.now, idleMs })),
          deps.runtime,
        )
      : null);
  let lastWorkerUse = 0;
  /**
   * Proofs on the worker path, one at a time. They take turns with the worker's other work (prove.ts,
   * takeTurnsWhileProving), so two at once would interleave: both proofs' memory held together, and each
   * proof's measured time (timings, the path choice) inflated by the other's.
   */
  let workerQueue: Promise<unknown> = Promise.resolve();
  let seq = 0;
  let last: BrowserProver['last'] = null;

  const onIdleAlarm = (): void => {
    if (lastWorkerUse > 0 && deps.now() - lastWorkerUse >= idleMs - 1_000) {
      workerArtifacts.clear();
      dropSharedCurve(); // the single-threaded curve the worker path keeps (prove-job.ts)
    }
    void host?.closeIfIdle().catch((cause: unknown) => console.error('[surf-to-earn] closing the offscreen prover (page or Worker) failed', cause));
  };
  deps.alarms.onAlarm?.addListener((alarm) => {
    if (alarm.name === IDLE_ALARM) onIdleAlarm();
  });

  async function run(path: ProverPath, input: CircuitInput, batchSize: number, onProgress?: (p: ProveProgress) => void): Promise<ProveReply> {
    const expected = await timings.expected(path, batchSize);
    const report = (stage: ProveProgress['stage'], elapsedMs: number): void => {
      const stageMs = stage === 'loading' ? expected.loadMs : stage === 'witness' ? expected.witnessMs : expected.proveMs;
      onProgress?.({ stage, percent: estimatePercent(elapsedMs, stageMs) });
    };
    let reply: ProveReply;
    let started = deps.now();
    if (path === 'offscreen') {
      const requestId = `p${deps.now().toString(36)}-${(seq++).toString(36)}`;
      reply = await host!.prove({ requestId, input, batchSize }, (e) => report(e.stage, e.elapsedMs));
    } else {
      const proof = workerQueue.then(() => {
        lastWorkerUse = started = deps.now();
        return runProveJob({ input, batchSize }, { loadArtifacts: workerArtifacts.load, singleThread: true, takeTurns: true, onStage: report });
      });
      workerQueue = proof.catch(() => undefined);
      reply = await proof;
      lastWorkerUse = deps.now();
      void deps.alarms.create(IDLE_ALARM, { delayInMinutes: idleMs / 60_000 });
    }
    if (reply.ok) {
      onProgress?.({ stage: 'proving', percent: 100 });
      last = { path, timings: reply.timings };
      await timings.record(path, batchSize, reply.timings).catch(() => undefined); // an estimate only
      await choice.record(path, batchSize, deps.now() - started).catch(() => undefined); // a lost measurement is only measured again
    }
    return reply;
  }

  return {
    get last() {
      return last;
    },
    onIdleAlarm,
    async prove(input, batchSize, onProgress): Promise<EpochProofResult> {
      let reply: ProveReply;
      if (mode === 'worker' || (mode === 'auto' && !host)) {
        reply = await run('worker', input, batchSize, onProgress);
      } else if (!host) {
        throw replyError('internal', 'no offscreen prover (offscreen API or Worker) is available');
      } else if (mode === 'auto' && (await choice.choose(batchSize).catch(() => 'offscreen' as const)) === 'worker') {
        reply = await run('worker', input, batchSize, onProgress);
      } else {
        try {
          reply = await run('offscreen', input, batchSize, onProgress);
          if (mode === 'auto' && !reply.ok && (reply.error.code === 'internal' || reply.error.code === 'prove-failed')) {
            console.warn('[surf-to-earn] offscreen proving failed, proving in the worker', reply.error);
            reply = await run('worker', input, batchSize, onProgress);
          }
        } catch (cause) {
          if (mode !== 'auto' || !(cause instanceof OffscreenTransportError)) throw cause;
          console.warn('[surf-to-earn] offscreen prover unavailable, proving in the worker', cause);
          reply = await run('worker', input, batchSize, onProgress);
        }
      }
      if (!reply.ok) throw replyError(reply.error.code, reply.error.message);
      return { proof: reply.proof as Groth16Proof, publicSignals: reply.publicSignals.map((s) => BigInt(s)) };
    },
  };
}
