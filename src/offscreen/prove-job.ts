import { ZkError } from '../zk/errors.ts';
import { calculateWitness, proveWitness } from '../zk/prove.ts';
import { ArtifactError, type LoadedArtifacts } from './artifacts.ts';
import type { CircuitInput } from '../zk/witness.ts';
import type { OffscreenErrorCode, ProveReply } from './messages.ts';

export interface ProveJobDeps {
  loadArtifacts(batchSize: number): Promise<LoadedArtifacts>;
  /** Called on entering each stage, then every `tickMs` while in it, with ms spent in the stage. */
  onStage(stage: 'loading' | 'witness' | 'proving', elapsedMs: number): void;
  singleThread: boolean;
  tickMs?: number;
  now?: () => number;
}

/**
 * One proof: artifacts (cached by the loader), witness, Groth16. Never throws:
 * a failure becomes a typed ProveReply error, ZkError reasons kept as codes.
 * Used by the offscreen page (multi-threaded) and by the worker's fallback
 * (single-threaded), so both answer exactly alike.
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
    const artifacts = await deps.loadArtifacts(msg.batchSize);
    const t1 = enter('witness');
    const witness = await calculateWitness(msg.input, artifacts.wasm);
    const t2 = enter('proving');
    const { proof, publicSignals } = await proveWitness(witness, artifacts.zkey, { singleThread: deps.singleThread });
    const t3 = now();
    return {
      ok: true,
      proof: proof as Extract<ProveReply, { ok: true }>['proof'],
      publicSignals: publicSignals.map(String),
      timings: { loadMs: t1 - t0, witnessMs: t2 - t1, proveMs: t3 - t2 },
    };
  } catch (cause) {
    return { ok: false, error: toErrorBody(cause) };
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
  }
}

function toErrorBody(cause: unknown): { code: OffscreenErrorCode; message: string } {
  if (cause instanceof ZkError && (cause.reason === 'out-of-range' || cause.reason === 'witness-failed' || cause.reason === 'prove-failed')) {
    return { code: cause.reason, message: cause.message };
  }
  if (cause instanceof ArtifactError) return { code: 'artifact_unavailable', message: cause.message.slice(0, 500) };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'internal', message: message.slice(0, 500) };
}
