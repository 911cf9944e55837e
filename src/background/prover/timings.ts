import { z } from 'zod';
import type { ProveTimings } from '../../offscreen/messages.ts';

/**
 * The last measured phase durations per prover path and batch, in
 * chrome.storage.local, so progress percentages are estimated from this
 * machine's previous proof (a worker restart keeps them). Read data is
 * validated; anything else falls back to rough defaults.
 */
export const TIMINGS_KEY = 'proverTimings';
export type ProverPath = 'offscreen' | 'worker';

const entrySchema = z.object({ loadMs: z.number().nonnegative(), witnessMs: z.number().nonnegative(), proveMs: z.number().nonnegative() });
const storedSchema = z.record(z.string(), entrySchema);

/** Rough 2-core figures, used until this machine has proven once. */
function defaults(path: ProverPath, batchSize: number): ProveTimings {
  const scale = batchSize / 256;
  return { loadMs: 1_000 * scale, witnessMs: 1_500 * scale + 100, proveMs: (path === 'offscreen' ? 6_000 : 12_000) * scale + 300 };
}

export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface TimingStore {
  expected(path: ProverPath, batchSize: number): Promise<ProveTimings>;
  record(path: ProverPath, batchSize: number, timings: ProveTimings): Promise<void>;
}

export function createTimingStore(storage: StorageAreaLike): TimingStore {
  const readAll = async (): Promise<Record<string, ProveTimings>> => {
    const parsed = storedSchema.safeParse((await storage.get(TIMINGS_KEY))[TIMINGS_KEY]);
    return parsed.success ? parsed.data : {};
  };
  return {
    async expected(path, batchSize) {
      return (await readAll())[`${path}:${batchSize}`] ?? defaults(path, batchSize);
    },
    async record(path, batchSize, timings) {
      const all = await readAll();
      const key = `${path}:${batchSize}`;
      // A load from the in-memory cache takes ~0 ms: keep the last real load as the estimate for the next one.
      const loadMs = timings.loadMs < 50 && all[key] ? all[key].loadMs : timings.loadMs;
      all[key] = { ...timings, loadMs };
      await storage.set({ [TIMINGS_KEY]: all });
    },
  };
}

/** Percent within a stage from the time spent in it and the time it took last time (never 100 before it ends). */
export function estimatePercent(elapsedMs: number, expectedMs: number): number {
  if (expectedMs <= 0) return 99;
  return Math.min(99, Math.max(0, Math.round((elapsedMs / expectedMs) * 100)));
}
