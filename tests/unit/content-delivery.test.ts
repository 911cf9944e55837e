import { afterEach, describe, expect, it } from 'vitest';
import { RESEND_MS, deliverFootprint } from '../../src/content/messaging';
import type { FootprintSnapshot } from '../../src/shared/footprint';

const snap: FootprintSnapshot = {
  id: '0123456789abcdef0123456789abcdef',
  origin: 'https://news.example',
  startedAt: 1_700_000_000_000,
  activeMs: 1200,
  scrollDepth: 40,
  clicks: 1,
  keys: 0,
  scrolls: 2,
  lang: 'en',
  tzOffset: 0,
};

type Reply = 'stored' | 'refused' | 'error' | 'channel closed' | 'extension gone';

/** A content-script runtime whose sendMessage answers from a script (one entry per call). */
function fakeRuntime(script: Reply[]) {
  const calls: unknown[] = [];
  const runtime = {
    id: 'ext' as string | undefined,
    sendMessage: async (message: unknown) => {
      calls.push(message);
      const next = script.shift() ?? 'stored';
      if (next === 'stored') return { ok: true, data: { stored: true } };
      // The worker's answer for a site that is not captured now (paused, a site rule, an excluded category).
      if (next === 'refused') return { ok: true, data: { stored: false } };
      if (next === 'error') return { ok: false, error: { code: 'invalid_message', message: 'bad' } };
      if (next === 'extension gone') runtime.id = undefined;
      throw new Error(next === 'channel closed' ? 'A listener indicated an asynchronous response…but the message channel closed' : 'Extension context invalidated.');
    },
  };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
  return calls;
}

/** Runs the scheduled resends at once, recording their delays. */
function runNow(delays: number[]) {
  return (fn: () => void, ms: number) => {
    delays.push(ms);
    queueMicrotask(fn);
  };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('deliverFootprint (content script → worker)', () => {
  it('sends a footprint lost with a stopped worker again, the same snapshot, until it is answered', async () => {
    const calls = fakeRuntime(['channel closed', 'channel closed', 'stored']);
    const delays: number[] = [];
    let gone = 0;
    expect(await deliverFootprint(snap, () => gone++, runNow(delays))).toBe('lost');
    await settle();
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => JSON.stringify(c) === JSON.stringify({ type: 'content/footprint', footprint: snap }))).toBe(true);
    expect(delays).toEqual([RESEND_MS[0], RESEND_MS[1]]);
    expect(gone).toBe(0);
  });

  it('gives up after the last resend', async () => {
    const calls = fakeRuntime(Array(10).fill('channel closed') as Reply[]);
    const delays: number[] = [];
    await deliverFootprint(snap, () => {}, runNow(delays));
    await settle();
    expect(calls).toHaveLength(1 + RESEND_MS.length);
    expect(delays).toEqual([...RESEND_MS]);
  });

  it('never resends a stored footprint, and goes on capturing', async () => {
    const calls = fakeRuntime(['stored']);
    const delays: number[] = [];
    let stopped = 0;
    expect(await deliverFootprint(snap, () => stopped++, runNow(delays))).toBe('stored');
    await settle();
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(stopped).toBe(0);
  });

  it('stops capturing this page, without resending, at the first refusal (the site is not captured now)', async () => {
    for (const reply of ['refused', 'error'] as const) {
      const calls = fakeRuntime([reply]);
      const delays: number[] = [];
      let stopped = 0;
      expect(await deliverFootprint(snap, () => stopped++, runNow(delays))).toBe('refused');
      await settle();
      expect(calls).toHaveLength(1);
      expect(delays).toEqual([]);
      expect(stopped).toBe(1);
    }
  });

  it('stops capturing, without resending, when the extension is gone', async () => {
    const calls = fakeRuntime(['extension gone']);
    const delays: number[] = [];
    let gone = 0;
    expect(await deliverFootprint(snap, () => gone++, runNow(delays))).toBe('gone');
    await settle();
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(gone).toBe(1);
  });
});
