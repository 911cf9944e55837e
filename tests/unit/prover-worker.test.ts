import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from './helpers/memory-storage';
import { createProver, ProverError, PROVER_TIMINGS_KEY } from '../../src/background/prover';
import { createOffscreenDocument, IDLE_ALARM, OFFSCREEN_PATH } from '../../src/background/prover/offscreen-document';
import { estimatePercent } from '../../src/background/prover/timings';
import { ZkError } from '../../src/zk/errors';
import type { ProveProgress } from '../../src/background/services';

const URL_OF = (p: string) => `chrome-extension://id/${p}`;

/** A small fake browser: one offscreen slot, alarms recorded, storage in a Map. */
function fakeBrowser(opts: { reply?: (m: unknown) => unknown; createDelayMs?: number } = {}) {
  let open = false;
  let clock = 1_000_000;
  const alarms: { name: string; delayInMinutes?: number }[] = [];
  const alarmListeners: ((a: { name: string }) => void)[] = [];
  const storage = memoryStorage();
  const store = storage.store;
  const portListeners = new Map<string, (m: unknown) => void>();
  const offscreen = {
    createDocument: vi.fn(async (p: { url: string; reasons: string[] }) => {
      await new Promise((r) => setTimeout(r, opts.createDelayMs ?? 5));
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
      expect(p).toMatchObject({ url: OFFSCREEN_PATH, reasons: ['WORKERS'] });
    }),
    closeDocument: vi.fn(async () => {
      if (!open) throw new Error('No current offscreen document.');
      open = false;
    }),
  };
  const runtime = {
    id: 'id',
    getURL: URL_OF,
    getContexts: vi.fn(async (f: { documentUrls?: string[] }) => (open && f.documentUrls?.[0] === URL_OF(OFFSCREEN_PATH) ? [{}] : [])),
    connect: vi.fn((info: { name: string }) => ({
      onMessage: { addListener: (fn: (m: unknown) => void) => portListeners.set(info.name, fn) },
      disconnect: vi.fn(),
    })),
    sendMessage: vi.fn(async (m: unknown) => {
      const { requestId } = m as { requestId: string };
      for (const stage of ['loading', 'witness', 'proving'])
        portListeners.get(`offscreen/progress/${requestId}`)?.({ type: 'offscreen/progress', requestId, stage, elapsedMs: 500 });
      return opts.reply?.(m);
    }),
  };
  return {
    deps: {
      runtime,
      offscreen,
      storage,
      alarms: { create: (name: string, info: { delayInMinutes?: number }) => void alarms.push({ name, ...info }), onAlarm: { addListener: (fn: (a: { name: string }) => void) => alarmListeners.push(fn) } },
      now: () => clock,
    },
    offscreen,
    runtime,
    alarms,
    store,
    isOpen: () => open,
    advance: (ms: number) => (clock += ms),
    fireAlarm: (name: string) => alarmListeners.forEach((fn) => fn({ name })),
  };
}

const proof = { pi_a: ['1', '2', '1'], pi_b: [['1', '2'], ['3', '4'], ['1', '0']], pi_c: ['5', '6', '1'], protocol: 'groth16', curve: 'bn128' };
const okReply = () => ({ ok: true, proof, publicSignals: Array.from({ length: 11 }, (_, i) => String(i + 1)), timings: { loadMs: 100, witnessMs: 200, proveMs: 1000 } });
const input = {
  root: '1', epoch: '1', categoryMask: '1', minPoints: '0', scope: '1', accIn: '0', nullifierSecret: '1', saltedDomain: [], packed: [],
  prevDaySum: ['0', '0', '0', '0', '0', '0', '0'], prevBlind: '0', accBlind: '1', totalsBlind: '1',
};

describe('offscreen document lifecycle', () => {
  it('creates the page once under concurrent calls and survives a lost "single document" race', async () => {
    const b = fakeBrowser({ createDelayMs: 20 });
    const doc = createOffscreenDocument({ ...b.deps, idleMs: 60_000 });
    await Promise.all([doc.ensure(), doc.ensure(), doc.ensure()]);
    expect(b.offscreen.createDocument).toHaveBeenCalledTimes(1);
    await doc.ensure();
    expect(b.offscreen.createDocument).toHaveBeenCalledTimes(1);

    // Another creator (a previous worker) got there between our check and our create.
    const other = createOffscreenDocument({ ...b.deps, idleMs: 60_000 });
    b.runtime.getContexts.mockResolvedValueOnce([]);
    await expect(other.ensure()).resolves.toBeUndefined();
  });

  it('retries a creation that failed once, and reports a second failure', async () => {
    const b = fakeBrowser();
    const doc = createOffscreenDocument({ ...b.deps, idleMs: 60_000 });
    b.offscreen.createDocument.mockRejectedValueOnce(new Error('Page failed to load.'));
    await doc.ensure();
    expect(b.isOpen()).toBe(true);
    const c = fakeBrowser();
    const failing = createOffscreenDocument({ ...c.deps, idleMs: 60_000 });
    c.offscreen.createDocument.mockRejectedValue(new Error('Page failed to load.'));
    await expect(failing.ensure()).rejects.toThrow('Page failed to load.');
    await expect(failing.ensure()).rejects.toThrow(); // not cached: each call tries again
  });

  it('closes only after the idle period with no job in flight', async () => {
    const b = fakeBrowser();
    const doc = createOffscreenDocument({ ...b.deps, idleMs: 120_000 });
    await doc.ensure();
    doc.begin();
    b.advance(600_000);
    expect(await doc.closeIfIdle()).toBe(false); // a job is running
    doc.end();
    expect(b.alarms.at(-1)).toEqual({ name: IDLE_ALARM, delayInMinutes: 2 });
    b.advance(30_000);
    expect(await doc.closeIfIdle()).toBe(false); // too early: re-armed for the rest
    expect(b.alarms.at(-1)?.delayInMinutes).toBeCloseTo(1.5);
    b.advance(90_000);
    expect(await doc.closeIfIdle()).toBe(true);
    expect(b.isOpen()).toBe(false);
    expect(await doc.closeIfIdle()).toBe(false); // nothing left to close
  });

  it('closes a page orphaned by a worker that died mid-proof, when the alarm wakes the next worker', async () => {
    const b = fakeBrowser();
    const dying = createOffscreenDocument({ ...b.deps, idleMs: 120_000 });
    await dying.ensure();
    dying.begin(); // ... and the worker is stopped: end() never runs
    expect(b.alarms.at(-1)?.name).toBe(IDLE_ALARM);
    const next = createOffscreenDocument({ ...b.deps, idleMs: 120_000 });
    b.advance(120_000);
    expect(await next.closeIfIdle()).toBe(true);
  });
});

describe('createProver (offscreen path)', () => {
  it('shares one page controller between provers of one worker, so one never closes the page under another', async () => {
    let release!: () => void;
    const b = fakeBrowser({ reply: () => new Promise((r) => (release = () => r(okReply()))) });
    const a = createProver(b.deps);
    const other = createProver({ ...b.deps, mode: 'offscreen' });
    const slow = a.prove(input, 8);
    await vi.waitFor(() => expect(b.runtime.sendMessage).toHaveBeenCalled());
    expect(other.last).toBeNull();
    b.advance(10 * 60_000); // the idle alarm reaches both provers' listeners while a's proof runs
    b.fireAlarm(IDLE_ALARM);
    await new Promise((r) => setTimeout(r, 10));
    expect(b.offscreen.closeDocument).not.toHaveBeenCalled();
    release();
    await slow;
    expect(b.offscreen.createDocument).toHaveBeenCalledTimes(1);
  });

  it('returns bigint signals, reports stages with estimated percents, records timings, arms the idle alarm', async () => {
    const b = fakeBrowser({ reply: okReply });
    const prover = createProver(b.deps);
    const seen: ProveProgress[] = [];
    const out = await prover.prove(input, 8, (p) => seen.push(p));
    expect(out.publicSignals).toEqual(Array.from({ length: 11 }, (_, i) => BigInt(i + 1)));
    expect(out.proof).toEqual(proof);
    expect(seen.map((p) => p.stage)).toEqual(['loading', 'witness', 'proving', 'proving']);
    expect(seen.at(-1)).toEqual({ stage: 'proving', percent: 100 });
    expect(b.store.get(PROVER_TIMINGS_KEY)).toEqual({ 'offscreen:8': { loadMs: 100, witnessMs: 200, proveMs: 1000 } });
    expect(b.alarms.some((a) => a.name === IDLE_ALARM)).toBe(true);

    // The next proof's percent comes from this one's duration: 500 ms of 1000 ms proving = 50 %.
    seen.length = 0;
    await prover.prove(input, 8, (p) => seen.push(p));
    expect(seen[2]).toEqual({ stage: 'proving', percent: 50 });
    expect(prover.last).toEqual({ path: 'offscreen', timings: { loadMs: 100, witnessMs: 200, proveMs: 1000 } });

    b.advance(10 * 60_000);
    b.fireAlarm(IDLE_ALARM);
    await vi.waitFor(() => expect(b.offscreen.closeDocument).toHaveBeenCalled());
  });

  it('throws ZkError for zk reasons and ProverError otherwise, without falling back in offscreen mode', async () => {
    const witnessFails = fakeBrowser({ reply: () => ({ ok: false, error: { code: 'witness-failed', message: 'no' } }) });
    await expect(createProver(witnessFails.deps).prove(input, 8)).rejects.toBeInstanceOf(ZkError);
    const silent = fakeBrowser({ reply: () => undefined });
    const err = await createProver({ ...silent.deps, mode: 'offscreen' }).prove(input, 8).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('OffscreenTransportError');
    // auto: a silent page falls back to the worker (which here cannot fetch the artifacts: that is its error).
    const fallback = await createProver(fakeBrowser({ reply: () => undefined }).deps).prove(input, 8).catch((e: unknown) => e);
    expect(fallback).toMatchObject({ name: 'ProverError', code: 'artifact_unavailable' });
    const noApi = fakeBrowser();
    await expect(createProver({ ...noApi.deps, offscreen: undefined, mode: 'offscreen' }).prove(input, 8)).rejects.toBeInstanceOf(ProverError);
  });
});

describe('progress estimate', () => {
  it('is proportional, clamped to 0–99 until the stage ends', () => {
    expect(estimatePercent(0, 1000)).toBe(0);
    expect(estimatePercent(250, 1000)).toBe(25);
    expect(estimatePercent(5000, 1000)).toBe(99);
    expect(estimatePercent(10, 0)).toBe(99);
  });
});
