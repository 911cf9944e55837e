/**
 * takeTurnsWhileProving (src/zk/prove.ts): single-threaded proving gives the realm's event loop a turn before
 * each of ffjavascript's tasks, and the proof is unchanged. A file of its own: the patch is for the whole realm.
 * Node has no `scheduler.postTask`, so a turn here is a setTimeout(0), behind any timer already due.
 * (Chromium's service worker, with postTask, is measured in tests/e2e/prover.spec.ts.)
 *
 * What is counted is the longest stretch of the proof's tasks with no timer run between them, not timer runs:
 * the curve's wasm compiles off the thread, so how many timers run while it builds depends on the machine's load.
 */
import { describe, expect, it } from 'vitest';
import * as snarkjs from 'snarkjs';
import { calculateWitness, proveWitness, takeTurnsWhileProving, verify, type Groth16Proof } from '../../src/zk/index';
import { fullWeekWitness } from '../../bench/lib/full-week';
import { artifacts } from './helpers';

const N = 8;
const art = artifacts(N);
const week = fullWeekWitness(N);

/** Counts ffjavascript's tasks: installed under the turns, so a task is counted when it runs, after its turn. */
const stretch = { tasks: 0, sinceTimer: 0, longest: 0 };
async function countTasks(): Promise<void> {
  const curve = (await snarkjs.curves.getCurveFromName('bn128', { singleThread: true })) as { tm: object };
  const proto = Object.getPrototypeOf(curve.tm) as { queueAction(...args: unknown[]): unknown };
  const run = proto.queueAction;
  proto.queueAction = function (this: unknown, ...args: unknown[]) {
    stretch.tasks++;
    stretch.longest = Math.max(stretch.longest, ++stretch.sinceTimer);
    return run.apply(this, args);
  };
}

/** Proves single-threaded while a 0 ms timer re-arms itself; returns whether the proof verifies and the stretch. */
async function proveWithTimer(): Promise<{ ok: boolean; tasks: number; longest: number }> {
  const wtns = await calculateWitness(week.input, art.wasm);
  Object.assign(stretch, { tasks: 0, sinceTimer: 0, longest: 0 });
  let proving = true;
  const tick = () => {
    if (!proving) return;
    stretch.sinceTimer = 0;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const { proof, publicSignals } = await proveWitness(wtns, art.zkey, { singleThread: true });
  proving = false;
  const { tasks, longest } = stretch; // before verifying, whose curve's tasks would count too
  const ok = await verify(art.vkey, publicSignals, proof as Groth16Proof);
  return { ok, tasks, longest };
}

describe('takeTurnsWhileProving', () => {
  it('lets timers run between the tasks of a single-threaded proof, which still verifies', { timeout: 60_000 }, async () => {
    await countTasks();
    // Before: the proof's tasks run back to back, chained by microtasks: no timer runs between any two.
    const before = await proveWithTimer();
    expect(before.ok).toBe(true);
    expect(before.tasks).toBeGreaterThan(100); // ~150 for this batch
    expect(before.longest).toBe(before.tasks);

    expect(await takeTurnsWhileProving(false)).toBe(true);
    expect(await takeTurnsWhileProving(false)).toBe(true); // once per realm: a second call changes nothing

    // After: each task waits for a turn. The tasks of one Promise.all round wait for timers queued back to back,
    // so the re-armed timer runs at least once a round: the longest stretch is one round's tasks (29 of 152
    // here), not the proof's. (In Chromium a background-priority turn lets other work go first at every task.)
    const after = await proveWithTimer();
    expect(after.ok).toBe(true);
    expect(after.tasks).toBe(before.tasks);
    expect(after.longest).toBeLessThanOrEqual(before.tasks / 4);
  });
});
