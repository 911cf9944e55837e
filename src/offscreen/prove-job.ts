import { ZkError } from '../zk/errors.ts';
import { calculateWitness, proveWitness, startProverThreads, takeTurnsWhileProving } from '../zk/prove.ts';
import { ArtifactError, type LoadedArtifacts } from './artifacts.ts';
import type { CircuitInput } from '../zk/witness.ts';
import type { OffscreenErrorCode, ProveReply } from './messages.ts';

export interface ProveJobDeps {
  loadArtifacts(batchSize: number): Promise<LoadedArtifacts>;
  /** Called on entering each stage, then every `tickMs` while in it, with ms spent in the stage. */
  onStage(stage: 'loading' | 'witness' | 'proving', elapsedMs: number): void;
  singleThread: boolean;
  /** Multi-threaded only: starts the proving threads (default startProverThreads; injectable for tests). */
  startThreads?: () => Promise<void>;
  /**
   * Single-threaded only: give this realm's event loop a turn between the proof's tasks, so it goes on
   * answering messages and writing progress (the worker path, takeTurnsWhileProving). Prepared in parallel
   * with the artifact load.
   */
  takeTurns?: boolean;
  tickMs?: number;
  now?: () => number;
}

/**
 * One proof: artifacts (cached by the loader), witness, Groth16. Never throws:
 * a failure becomes a typed ProveReply error, ZkError reasons kept as codes.
 * Used by the offscreen page (multi-threaded) and by the worker's fallback
 * (single-threaded), so both answer exactly alike. Multi-threaded, the worker
 * threads start at once, in parallel with the artifact load and the witness
 * (their start-up is `threadsMs`, overlapped; ~0 once the page has started them).
 */
export async function runProveJob(msg: { input: CircuitInput; batchSize: number }, deps: ProveJobDeps): Promise<ProveReply> {
  const now = deps.now ?? (() => performance.now());
  let ticker: ReturnType<typeof setInterval> | undefined;
  const enter = (stage: 'loading' | 'witness' | 'proving'): number => {
    if (ticker !== undefined) clearInterval(ticker);
    const t0 = now();
    deps.onStage(stage, 0);
    ticker = setInterval(() => deps.onStage(stage, now() - t0), deps.tickMs ?? 250);
    return t0;
  };
  try {
    const t0 = enter('loading');
    let threadsMs: number | undefined;
    // A failed start is left to the proof itself to report (as prove-failed), exactly as before.
    const threads = deps.singleThread
      ? undefined
      : (deps.startThreads ?? startProverThreads)().then(
          () => void (threadsMs = now() - t0),
          () => undefined,
        );
    // Without turns the proof still works: a failure here only costs the worker's answers meanwhile.
    const turns = deps.singleThread && deps.takeTurns ? takeTurnsWhileProving(inServiceWorker()).catch(() => false) : undefined;
    const artifacts = await deps.loadArtifacts(msg.batchSize);
    const t1 = enter('witness');
    const witness = await calculateWitness(msg.input, artifacts.wasm);
    const t2 = enter('proving');
    await threads;
    await turns;
    const { proof, publicSignals } = await proveWitness(witness, artifacts.zkey, { singleThread: deps.singleThread && !inServiceWorker() });
    const t3 = now();
    return {
      ok: true,
      proof: proof as Extract<ProveReply, { ok: true }>['proof'],
      publicSignals: publicSignals.map(String),
      timings: { loadMs: t1 - t0, witnessMs: t2 - t1, proveMs: t3 - t2, ...(threadsMs === undefined ? {} : { threadsMs }) },
    };
  } catch (cause) {
    return { ok: false, error: toErrorBody(cause) };
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
  }
}

/**
 * A service worker cannot start threads, so ffjavascript proves single-threaded there whatever is asked
 * (it checks for `Worker`). Asking for its shared curve (`singleThread: false`) makes it build that
 * single-threaded curve once and keep it (dropped by the prover's idle alarm, dropSharedCurve), where
 * `singleThread: true` compiles and warms up a new curve for every proof.
 */
function inServiceWorker(): boolean {
  return typeof Worker === 'undefined' && typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope !== 'undefined';
}

function toErrorBody(cause: unknown): { code: OffscreenErrorCode; message: string } {
  if (cause instanceof ZkError && (cause.reason === 'out-of-range' || cause.reason === 'witness-failed' || cause.reason === 'prove-failed')) {
    return { code: cause.reason, message: cause.message };
  }
  if (cause instanceof ArtifactError) return { code: 'artifact_unavailable', message: cause.message.slice(0, 500) };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'internal', message: message.slice(0, 500) };
}
