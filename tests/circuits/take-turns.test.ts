/**
 * takeTurnsWhileProving (src/zk/prove.ts): single-threaded proving gives the realm's event loop a turn before
 * each of ffjavascript's tasks, and the proof is unchanged. A file of its own: the patch is for the whole realm.
 * Node has no `scheduler.postTask`, so a turn here is a setTimeout(0), behind any timer already due.
 * (Chromium's service worker, with postTask, is measured in tests/e2e/prover.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import { calculateWitness, proveWitness, takeTurnsWhileProving, verify, type Groth16Proof } from '../../src/zk/index';
import { fullWeekWitness } from '../../bench/lib/full-week';
import { artifacts } from './helpers';

const N = 8;
const art = artifacts(N);
const week = fullWeekWitness(N);

/** Proves single-threaded while a 0 ms timer re-arms itself; returns the proof and the timer's turns meanwhile. */
async function proveCountingTurns(): Promise<{ ok: boolean; turns: number }> {
  const wtns = await calculateWitness(week.input, art.wasm);
  let proving = true;
  let turns = 0;
  const tick = () => {
    if (!proving) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const { proof, publicSignals } = await proveWitness(wtns, art.zkey, { singleThread: true });
  proving = false;
  const ok = await verify(art.vkey, publicSignals, proof as Groth16Proof);
  return { ok, turns };
}

describe('takeTurnsWhileProving', () => {
  it('lets timers run between the tasks of a single-threaded proof, which still verifies', { timeout: 60_000 }, async () => {
    // Before: the timer gets turns only while the curve is built (its wasm compiles off the thread); then the
    // proof's tasks run back to back, chained by microtasks, and a due timer waits for the whole proof.
    const before = await proveCountingTurns();
    expect(before.ok).toBe(true);

    expect(await takeTurnsWhileProving(false)).toBe(true);
    expect(await takeTurnsWhileProving(false)).toBe(true); // once per realm: a second call changes nothing

    const after = await proveCountingTurns();
    expect(after.ok).toBe(true);
    // After: each task waits for a turn. This batch queues ~150 tasks in ~15 rounds of Promise.all; a round's
    // tasks wait for timers queued back to back, so the re-armed timer runs once a round: ~15 turns more.
    expect(after.turns - before.turns).toBeGreaterThanOrEqual(10);
  });
});
