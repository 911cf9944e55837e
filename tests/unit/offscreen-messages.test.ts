import { describe, expect, it, vi } from 'vitest';
import { handleOffscreenMessage } from '../../src/offscreen/handle-message';
import { PUBLIC_SIGNAL_COUNT } from '../../src/zk/witness';
import {
  isOffscreenMessage,
  offscreenMessageSchema,
  progressEventSchema,
  proveReplySchema,
} from '../../src/offscreen/messages';
import { isTrustedWorkerSender } from '../../src/offscreen/sender';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';

function input(n: number) {
  return {
    root: '123',
    epoch: '2914',
    categoryMask: '4294967295',
    minPoints: '1',
    scope: '12345',
    accIn: '0',
    nullifierSecret: '1',
    saltedDomain: Array.from({ length: n }, (_, i) => String(i + 1)),
    packed: Array.from({ length: n }, () => '0'),
    prevDaySum: Array.from({ length: 7 }, () => '0'),
    prevBlind: '0',
    accBlind: '5',
    totalsBlind: '6',
  };
}
const prove = (over: Record<string, unknown> = {}) => ({ type: 'offscreen/prove', requestId: 'p1', input: input(8), batchSize: 8, ...over });

describe('offscreen message routing', () => {
  it('claims only offscreen/ messages, so a popup ui/ message is left to the worker', () => {
    expect(isOffscreenMessage(prove())).toBe(true);
    expect(isOffscreenMessage({ type: 'offscreen/anything' })).toBe(true);
    for (const m of [{ type: 'ui/status' }, { type: 'content/footprint' }, { type: 'Offscreen/prove' }, { type: 7 }, null, 'offscreen/prove', undefined]) {
      expect(isOffscreenMessage(m)).toBe(false);
    }
  });
});

describe('offscreen/prove schema', () => {
  it('accepts a test batch and a production batch', () => {
    expect(offscreenMessageSchema.safeParse(prove()).success).toBe(true);
    expect(offscreenMessageSchema.safeParse(prove({ input: input(256), batchSize: 256 })).success).toBe(true);
  });

  it.each([
    ['a batch without a ceremony', prove({ batchSize: 16, input: input(16) })],
    ['leaf arrays shorter than the batch', prove({ input: input(7) })],
    ['leaf arrays longer than the batch', prove({ input: input(256) })],
    ['a hex value', prove({ input: { ...input(8), root: '0x10' } })],
    ['a negative value', prove({ input: { ...input(8), scope: '-1' } })],
    ['a leading zero', prove({ input: { ...input(8), epoch: '02914' } })],
    ['a number instead of a string', prove({ input: { ...input(8), epoch: 2914 } })],
    ['a value over 78 digits', prove({ input: { ...input(8), root: '1'.repeat(79) } })],
    ['an unknown input field', prove({ input: { ...input(8), extra: '1' } })],
    ['an unknown message field', prove({ extra: true })],
    ['a missing request id', prove({ requestId: undefined })],
    ['a request id with a slash', prove({ requestId: 'a/b' })],
    ['another offscreen type', { ...prove(), type: 'offscreen/release' }],
  ])('rejects %s', (_name, message) => {
    expect(offscreenMessageSchema.safeParse(message).success).toBe(false);
  });

  it('checks replies and progress events the worker receives', () => {
    const proof = { pi_a: ['1', '2', '1'], pi_b: [['1', '2'], ['3', '4'], ['1', '0']], pi_c: ['5', '6', '1'], protocol: 'groth16', curve: 'bn128' };
    const timings = { loadMs: 1, witnessMs: 2, proveMs: 3 };
    expect(proveReplySchema.safeParse({ ok: true, proof, publicSignals: Array(PUBLIC_SIGNAL_COUNT).fill('1'), timings }).success).toBe(true);
    expect(proveReplySchema.safeParse({ ok: true, proof, publicSignals: Array(PUBLIC_SIGNAL_COUNT - 1).fill('1'), timings }).success).toBe(false);
    // The circuit's count, not the old hard-coded 7 (with it every real offscreen reply was refused).
    expect(PUBLIC_SIGNAL_COUNT).toBe(11);
    expect(proveReplySchema.safeParse({ ok: true, proof, publicSignals: Array(7).fill('1'), timings }).success).toBe(false);
    expect(proveReplySchema.safeParse({ ok: true, proof: { ...proof, protocol: 'plonk' }, publicSignals: Array(PUBLIC_SIGNAL_COUNT).fill('1'), timings }).success).toBe(false);
    expect(proveReplySchema.safeParse({ ok: false, error: { code: 'witness-failed', message: 'x' } }).success).toBe(true);
    expect(proveReplySchema.safeParse({ ok: false, error: { code: 'made-up', message: 'x' } }).success).toBe(false);
    expect(progressEventSchema.safeParse({ type: 'offscreen/progress', requestId: 'p1', stage: 'proving', elapsedMs: 250 }).success).toBe(true);
    expect(progressEventSchema.safeParse({ type: 'offscreen/progress', requestId: 'p1', stage: 'done', elapsedMs: 250 }).success).toBe(false);
  });
});

describe('offscreen sender check', () => {
  it('trusts only our own service worker: our id and no tab', () => {
    expect(isTrustedWorkerSender({ id: RUNTIME_ID }, RUNTIME_ID)).toBe(true);
    expect(isTrustedWorkerSender({ id: RUNTIME_ID, tab: { id: 3 } }, RUNTIME_ID)).toBe(false);
    expect(isTrustedWorkerSender({ id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, RUNTIME_ID)).toBe(false);
    expect(isTrustedWorkerSender({}, RUNTIME_ID)).toBe(false);
    expect(isTrustedWorkerSender(undefined, RUNTIME_ID)).toBe(false);
    expect(isTrustedWorkerSender({ id: '' }, '')).toBe(false);
  });

  it('answers a rejected sender or an invalid message with a typed error and never loads artifacts', async () => {
    const deps = { runtimeId: RUNTIME_ID, loadArtifacts: vi.fn(), postProgress: vi.fn() };
    const fromTab = await handleOffscreenMessage(prove(), { id: RUNTIME_ID, tab: { id: 1 } }, deps);
    expect(fromTab).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    const invalid = await handleOffscreenMessage(prove({ batchSize: 16 }), { id: RUNTIME_ID }, deps);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(deps.loadArtifacts).not.toHaveBeenCalled();
    expect(deps.postProgress).not.toHaveBeenCalled();
  });

  it('turns an artifact that cannot load into artifact_unavailable, after reporting the loading stage', async () => {
    const { ArtifactError } = await import('../../src/offscreen/artifacts');
    const deps = { runtimeId: RUNTIME_ID, loadArtifacts: vi.fn(async () => Promise.reject(new ArtifactError('zk/epoch-8.zkey: HTTP 404'))), postProgress: vi.fn() };
    const reply = await handleOffscreenMessage(prove(), { id: RUNTIME_ID }, deps);
    expect(reply).toEqual({ ok: false, error: { code: 'artifact_unavailable', message: 'zk/epoch-8.zkey: HTTP 404' } });
    expect(deps.postProgress).toHaveBeenCalledWith({ type: 'offscreen/progress', requestId: 'p1', stage: 'loading', elapsedMs: 0 });
  });
});
