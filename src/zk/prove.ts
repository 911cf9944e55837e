/**
 * Proving with snarkjs, taking the circuit's wasm and zkey as bytes (the
 * extension fetches them from its own package) or as a path/URL string (Node
 * reads a path, the browser fetches a URL). `singleThread` avoids ffjavascript's
 * worker threads, which a MV3 service worker cannot start.
 */
import * as snarkjs from 'snarkjs';
import { ZkError } from './errors.ts';
import { SNARK_SCALAR_FIELD } from './field.ts';
import type { CircuitInput } from './witness.ts';

export type ArtifactSource = Uint8Array | string;

export interface ProvingArtifacts {
  wasm: ArtifactSource;
  zkey: ArtifactSource;
}

export interface ProveOptions {
  singleThread?: boolean;
}

export type Groth16Proof = snarkjs.SnarkjsProof;

export interface EpochProofResult {
  proof: Groth16Proof;
  /** The public signals, in PUBLIC_SIGNAL_NAMES order. */
  publicSignals: bigint[];
}

/**
 * Rejects any input value outside [0, r). The witness calculator would reduce
 * it modulo r silently, so a value >= r would alias a different, valid one.
 */
function assertInputInField(input: CircuitInput): void {
  for (const [name, value] of Object.entries(input) as [string, string | string[]][]) {
    for (const v of Array.isArray(value) ? value : [value]) {
      let x: bigint;
      try {
        x = BigInt(v);
      } catch (cause) {
        throw new ZkError('out-of-range', `${name} is not an integer`, { cause });
      }
      if (x < 0n || x >= SNARK_SCALAR_FIELD) throw new ZkError('out-of-range', `${name} is not a field element`);
    }
  }
}

/**
 * Runs the witness calculator; throws ZkError('out-of-range') for a value that
 * is not a field element and ZkError('witness-failed') if a constraint cannot hold.
 */
export async function calculateWitness(input: CircuitInput, wasm: ArtifactSource): Promise<Uint8Array> {
  assertInputInField(input);
  const out: { type: 'mem'; data?: Uint8Array } = { type: 'mem' };
  try {
    await snarkjs.wtns.calculate(input, wasm, out);
  } catch (cause) {
    throw new ZkError('witness-failed', 'These footprints do not satisfy the proof circuit', { cause });
  }
  return out.data!;
}

/** Groth16 proof from a computed witness. */
export async function proveWitness(
  witness: Uint8Array,
  zkey: ArtifactSource,
  options: ProveOptions = {},
): Promise<EpochProofResult> {
  try {
    const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, witness, undefined, {
      singleThread: options.singleThread ?? false,
    });
    return { proof, publicSignals: publicSignals.map((s) => BigInt(s)) };
  } catch (cause) {
    throw new ZkError('prove-failed', 'The proof could not be computed', { cause });
  }
}

/**
 * Starts snarkjs's worker threads ahead of a multi-threaded proof: ffjavascript
 * builds the bn128 curve once per realm (each thread compiles its wasm) and
 * keeps it in `globalThis.curve_bn128`, which groth16.prove then reuses. Calling
 * it while the artifacts load and the witness runs takes the start-up off the
 * proof's critical path; once started it resolves at once.
 */
export async function startProverThreads(): Promise<void> {
  await snarkjs.curves.getCurveFromName('bn128', { singleThread: false });
}

/**
 * Forgets the curve ffjavascript keeps for the realm without stopping threads: for the service worker,
 * whose kept curve is single-threaded (memory back to the browser; the next proof builds one again).
 */
export function dropSharedCurve(): void {
  (globalThis as { curve_bn128?: unknown }).curve_bn128 = null;
}

/** ffjavascript's thread manager, as far as taking turns needs it. */
interface TaskQueue {
  singleThread?: boolean;
  queueAction(...args: unknown[]): unknown;
}

type PostTask = (callback: () => void, options: { priority: 'background' }) => Promise<void>;

/** One turn of the realm's event loop, after everything else waiting there. */
function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let takingTurns = false;

/**
 * Makes single-threaded proving in this realm give its event loop a turn before each of ffjavascript's tasks.
 *
 * Single-threaded, ffjavascript runs a proof's tasks (about 160 for a 256-footprint batch: FFTs and
 * multi-exponentiations of at most ~0.13 s each here) back to back, chained by microtasks only. So the realm
 * runs no other task for the whole proof (7-10 s here, in Node and in Chromium's service worker): the worker
 * answers no message, fires no timer and writes no progress, and the popup's job row stays "queued" until the
 * proof is done (issue #14, docs/earning.md "Prove and mint"). With a turn before each task, each step of
 * handling a message (a storage read, a reply) waits for at most one task.
 *
 * It patches the prototype of ffjavascript's thread manager, reached through a curve it builds: `shared`
 * asks for the realm's kept curve (a service worker, where ffjavascript proves single-threaded whatever is
 * asked and the proof then reuses that curve: built here, ahead of it), otherwise a single-threaded curve
 * is built only to reach the prototype. Multi-threaded managers are left alone. Returns false, and changes
 * nothing, when the library no longer has that shape; rejects when the curve cannot be built. Either way the
 * proof still works, without turns. Turns are `scheduler.postTask` at `background` priority (Chromium, and
 * Firefox since 142), so everything else waiting goes first; `setTimeout(0)` elsewhere (clamped to 4 ms once
 * nested: up to ~0.6 s over a 256 batch).
 */
export async function takeTurnsWhileProving(shared: boolean): Promise<boolean> {
  // The kept curve is asked for every time: built ahead of the proof after the idle alarm dropped it, at once otherwise.
  if (takingTurns && !shared) return true;
  const curve = (await snarkjs.curves.getCurveFromName('bn128', { singleThread: !shared })) as { tm?: unknown };
  const proto = curve.tm ? (Object.getPrototypeOf(curve.tm) as Partial<TaskQueue>) : undefined;
  const run = proto?.queueAction;
  if (takingTurns) return true; // patched meanwhile, by a call that awaited the curve too
  if (!proto || typeof run !== 'function') return false;
  takingTurns = true;
  proto.queueAction = function (this: TaskQueue, ...args: unknown[]) {
    if (!this.singleThread) return run.apply(this, args);
    return nextTurn().then(() => run.apply(this, args));
  };
  return true;
}

/** Witness then proof. */
export async function prove(
  input: CircuitInput,
  artifacts: ProvingArtifacts,
  options: ProveOptions = {},
): Promise<EpochProofResult> {
  const witness = await calculateWitness(input, artifacts.wasm);
  return proveWitness(witness, artifacts.zkey, options);
}

/**
 * Stops ffjavascript's worker threads (multi-threaded proving keeps a cached
 * curve with live workers; a Node process would otherwise not exit).
 */
export async function releaseProver(): Promise<void> {
  const g = globalThis as { curve_bn128?: { terminate(): Promise<void> } | null };
  if (g.curve_bn128) await g.curve_bn128.terminate();
}
