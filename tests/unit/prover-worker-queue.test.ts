/**
 * The worker path proves one batch at a time (create-prover.ts): its single-threaded proofs take turns with the
 * worker's other work (src/zk/prove.ts), so two started at once would otherwise interleave. runProveJob is
 * replaced by one whose proofs end when the test says.
 */
import { describe, expect, it, vi } from 'vitest';
import { PATH_CHOICE_KEY } from '../../src/background/prover/path-choice.ts';
import { memoryStorage } from './helpers/memory-storage';

const running = vi.hoisted(() => ({ now: 0, most: 0, finish: [] as (() => void)[] }));

vi.mock('../../src/offscreen/prove-job.ts', () => ({
  runProveJob: vi.fn(async () => {
    running.now++;
    running.most = Math.max(running.most, running.now);
    await new Promise<void>((resolve) => running.finish.push(resolve));
    running.now--;
    return {
      ok: true,
      proof: { pi_a: ['1', '2', '1'], pi_b: [['1', '2'], ['3', '4'], ['1', '0']], pi_c: ['5', '6', '1'], protocol: 'groth16', curve: 'bn128' },
      publicSignals: ['1'],
      timings: { loadMs: 1, witnessMs: 1, proveMs: 1 },
    };
  }),
}));

const { createProver } = await import('../../src/background/prover/create-prover.ts');

describe('createProver (worker path)', () => {
  it('runs proofs started together one after another, each measured from its own start', async () => {
    let clock = 0;
    const storage = memoryStorage();
    const prover = createProver({
      mode: 'worker',
      runtime: { id: 'id', getURL: (p: string) => p, sendMessage: async () => undefined, connect: () => { throw new Error('no port'); } } as never,
      storage,
      alarms: { create: () => undefined },
      now: () => clock,
      version: '1',
      cores: 2,
    });
    const input = {} as never;
    const first = prover.prove(input, 8);
    const second = prover.prove(input, 8);
    await vi.waitFor(() => expect(running.finish).toHaveLength(1));
    clock += 5_000; // the first proof takes 5 s; the second waits meanwhile
    await new Promise((r) => setTimeout(r, 20));
    expect(running.finish).toHaveLength(1); // the second has not started
    running.finish[0]();
    await first;
    await vi.waitFor(() => expect(running.finish).toHaveLength(2));
    clock += 3_000;
    running.finish[1]();
    await second;
    expect(running.most).toBe(1);
    // The path choice keeps the best wall time of a proof: 3 s, not the 8 s the second waited in all.
    const choice = storage.store.get(PATH_CHOICE_KEY) as { best: Record<string, number> };
    expect(choice.best['worker:8']).toBe(3_000);
  });
});
