import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from './helpers/memory-storage';
import { createProver, createWorkerHost, PROVER_TIMINGS_KEY, type WorkerLike } from '../../src/background/prover';
import { IDLE_ALARM } from '../../src/background/prover/offscreen-document';
import { WORKER_REPLY_TYPE } from '../../src/offscreen/messages';

/** A fake dedicated Worker: answers each job like src/offscreen/worker.ts (progress, then the wrapped reply). */
class FakeWorker implements WorkerLike {
  readonly posted: unknown[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: { data?: unknown; message?: string }) => void)[]>();
  constructor(private answer: (job: { requestId: string }) => unknown | 'hold') {}
  addEventListener(type: 'message' | 'error', fn: (event: { data?: unknown; message?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: 'message' | 'error', event: { data?: unknown; message?: string }): void {
    for (const fn of this.listeners.get(type) ?? []) fn(event);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
    const job = message as { requestId: string };
    queueMicrotask(() => {
      for (const stage of ['loading', 'witness', 'proving']) this.emit('message', { data: { type: 'offscreen/progress', requestId: job.requestId, stage, elapsedMs: 500 } });
      const reply = this.answer(job);
      if (reply !== 'hold') this.emit('message', { data: { type: WORKER_REPLY_TYPE, requestId: job.requestId, reply } });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const proof = { pi_a: ['1', '2', '1'], pi_b: [['1', '2'], ['3', '4'], ['1', '0']], pi_c: ['5', '6', '1'], protocol: 'groth16', curve: 'bn128' };
const okReply = () => ({ ok: true, proof, publicSignals: Array.from({ length: 11 }, (_, i) => String(i + 1)), timings: { loadMs: 100, witnessMs: 200, proveMs: 1000 } });
const input = {
  root: '1', epoch: '1', categoryMask: '1', minPoints: '0', scope: '1', accIn: '0', nullifierSecret: '1', saltedDomain: [], packed: [],
  prevDaySum: ['0', '0', '0', '0', '0', '0', '0'], prevBlind: '0', accBlind: '1', totalsBlind: '1',
};

function world(answer: (job: { requestId: string }) => unknown | 'hold') {
  let clock = 1_000_000;
  const workers: FakeWorker[] = [];
  const alarms: { name: string; delayInMinutes?: number }[] = [];
  const storage = memoryStorage();
  const store = storage.store;
  const host = createWorkerHost({
    spawn: () => {
      const w = new FakeWorker(answer);
      workers.push(w);
      return w;
    },
    alarms: { create: (name, info) => void alarms.push({ name, ...info }) },
    now: () => clock,
    idleMs: 120_000,
  });
  const deps = {
    runtime: { getURL: (p: string) => `moz-extension://uuid/${p}` } as never,
    threads: host,
    storage,
    alarms: { create: (name: string, info: { delayInMinutes?: number }) => void alarms.push({ name, ...info }) },
    now: () => clock,
  };
  return { host, deps, workers, alarms, store, advance: (ms: number) => (clock += ms) };
}

describe("Firefox's prover Worker (createWorkerHost)", () => {
  it('proves through the Worker with the offscreen contract: stages relayed, the reply validated, one worker reused', async () => {
    const w = world(okReply);
    const prover = createProver({ ...w.deps, mode: 'offscreen' });
    const stages: string[] = [];
    const out = await prover.prove(input, 8, (p) => stages.push(p.stage));
    expect(out.publicSignals).toEqual(Array.from({ length: 11 }, (_, i) => BigInt(i + 1)));
    expect(stages).toEqual(['loading', 'witness', 'proving', 'proving']);
    expect(w.workers[0].posted[0]).toMatchObject({ type: 'offscreen/prove', batchSize: 8, input });
    expect(w.store.get(PROVER_TIMINGS_KEY)).toEqual({ 'offscreen:8': { loadMs: 100, witnessMs: 200, proveMs: 1000 } });
    await prover.prove(input, 8);
    expect(w.workers).toHaveLength(1);
    expect(w.alarms.some((a) => a.name === IDLE_ALARM)).toBe(true);
  });

  it('a reply that fails the schema is a transport error: offscreen mode throws it, auto falls back to the background', async () => {
    const bad = world(() => ({ ok: true, proof: 'forged' }));
    const err = await createProver({ ...bad.deps, mode: 'offscreen' }).prove(input, 8).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'OffscreenTransportError' });
    // auto (no core count: the 'offscreen' default) falls back to proving in the background, which here cannot fetch the artifacts.
    const fallback = await createProver(world(() => ({ ok: true, proof: 'forged' })).deps).prove(input, 8).catch((e: unknown) => e);
    expect(fallback).toMatchObject({ name: 'ProverError', code: 'artifact_unavailable' });
  });

  it('a worker that errors fails its jobs as transport errors, and the next proof starts a new one', async () => {
    const w = world(() => 'hold');
    const job = w.host.prove({ requestId: 'a', input, batchSize: 8 }, () => undefined);
    await vi.waitFor(() => expect(w.workers[0].posted).toHaveLength(1));
    w.workers[0].emit('error', { message: 'out of memory' });
    await expect(job).rejects.toMatchObject({ name: 'OffscreenTransportError' });
    expect(w.workers[0].terminated).toBe(true);
    void w.host.prove({ requestId: 'b', input, batchSize: 8 }, () => undefined).catch(() => undefined);
    expect(w.workers).toHaveLength(2);
  });

  it('a worker that cannot be started is a transport error', async () => {
    const host = createWorkerHost({
      spawn: () => {
        throw new Error('SecurityError');
      },
      alarms: { create: () => undefined },
      now: () => 0,
      idleMs: 1_000,
    });
    await expect(host.prove({ requestId: 'a', input, batchSize: 8 }, () => undefined)).rejects.toMatchObject({ name: 'OffscreenTransportError' });
  });

  it('terminates the worker only after the idle period with no job in flight', async () => {
    const w = world(okReply);
    await w.host.prove({ requestId: 'a', input, batchSize: 8 }, () => undefined);
    w.advance(60_000);
    expect(await w.host.closeIfIdle()).toBe(false);
    expect(w.workers[0].terminated).toBe(false);
    w.advance(60_000);
    expect(await w.host.closeIfIdle()).toBe(true);
    expect(w.workers[0].terminated).toBe(true);
    expect(await w.host.closeIfIdle()).toBe(false); // nothing left to close
  });
});
