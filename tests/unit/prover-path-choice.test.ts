import { describe, expect, it } from 'vitest';
import { memoryStorage } from './helpers/memory-storage';
import { createPathChoice, defaultPath, MIN_CORES_FOR_THREADS, PATH_CHOICE_KEY } from '../../src/background/prover/path-choice';


describe('prover path choice', () => {
  it('defaults by core count: threads only with cores to spare, or when the count is unknown', () => {
    expect(defaultPath(2)).toBe('worker');
    expect(defaultPath(MIN_CORES_FOR_THREADS)).toBe('offscreen');
    expect(defaultPath(8)).toBe('offscreen');
    expect(defaultPath(undefined)).toBe('offscreen');
  });

  it('measures the default path, then tries the other once, then keeps the faster', async () => {
    const storage = memoryStorage();
    const choice = createPathChoice(storage, { version: '1.0.0', cores: 2 });
    expect(await choice.choose(256)).toBe('worker');
    await choice.record('worker', 256, 9_000);
    expect(await choice.choose(256)).toBe('offscreen'); // tried once
    await choice.record('offscreen', 256, 10_000);
    expect(await choice.choose(256)).toBe('worker');
    await choice.record('offscreen', 256, 7_000); // the best time counts (a cold page only ever adds time)
    expect(await choice.choose(256)).toBe('offscreen');
    expect(await choice.choose(8)).toBe('worker'); // per batch
  });

  it('measures again after an update or on another machine, and ignores a damaged record', async () => {
    const storage = memoryStorage();
    const v1 = createPathChoice(storage, { version: '1.0.0', cores: 4 });
    await v1.record('offscreen', 256, 9_000);
    await v1.record('worker', 256, 5_000);
    expect(await v1.choose(256)).toBe('worker');
    expect(await createPathChoice(storage, { version: '1.1.0', cores: 4 }).choose(256)).toBe('offscreen');
    expect(await createPathChoice(storage, { version: '1.0.0', cores: 2 }).choose(256)).toBe('worker');
    storage.store.set(PATH_CHOICE_KEY, { version: '1.0.0', cores: 4, best: { 'worker:256': -1 } });
    expect(await v1.choose(256)).toBe('offscreen');
  });

  it('keeps the default without a core count, and survives a storage that throws', async () => {
    const unknown = createPathChoice(memoryStorage(), { version: '1.0.0' });
    await unknown.record('offscreen', 256, 9_000);
    expect(await unknown.choose(256)).toBe('offscreen');
    const broken = { get: async () => Promise.reject(new Error('gone')), set: async () => Promise.reject(new Error('gone')) };
    const choice = createPathChoice(broken, { version: '1.0.0', cores: 2 });
    expect(await choice.choose(256)).toBe('worker');
    await expect(choice.record('worker', 256, 1)).rejects.toThrow('gone'); // the prover ignores it
  });
});
