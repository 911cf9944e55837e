import { z } from 'zod';
import type { ProverPath, StorageAreaLike } from './timings.ts';

/**
 * Which path 'auto' proves on, chosen by what is fastest on this machine and
 * kept in chrome.storage.local (PATH_CHOICE_KEY). Rule (docs/earning.md
 * "Prove and mint"):
 *   1. until both paths have proven a batch here, the default by core count:
 *      the offscreen page (worker threads) only with at least
 *      MIN_CORES_FOR_THREADS logical cores (or when the count is unknown);
 *      on 2 cores the threads do not pay for themselves (bench:extension-prove);
 *   2. after one proof on the default path, the next proof of that batch tries
 *      the other path once, so both are measured on this machine (only when
 *      the core count is known: otherwise the default stays);
 *   3. then the path with the lower best wall time (what the worker waited for
 *      a proof, messaging included) wins.
 * The measurements are stamped with the extension version and the core count:
 * an update or another machine (a synced profile) measures again. A record
 * that fails validation is ignored (back to rule 1), a failed write only
 * loses a measurement: the choice can make a proof slower, never fail it.
 */
export const PATH_CHOICE_KEY = 'proverPathChoice';
/** Fewest logical cores on which the offscreen page's threads are the default before anything is measured. */
export const MIN_CORES_FOR_THREADS = 3;

const storedSchema = z.object({
  version: z.string(),
  cores: z.number().int().nonnegative(),
  /** Best wall ms seen per `${path}:${batch}`. */
  best: z.record(z.string(), z.number().nonnegative()),
});
type Stored = z.infer<typeof storedSchema>;

export interface PathChoiceStore {
  choose(batchSize: number): Promise<ProverPath>;
  record(path: ProverPath, batchSize: number, wallMs: number): Promise<void>;
}

/** The default before anything is measured: threads only where there are cores to spare for them. */
export function defaultPath(cores: number | undefined): ProverPath {
  return cores === undefined || cores >= MIN_CORES_FOR_THREADS ? 'offscreen' : 'worker';
}

export function createPathChoice(storage: StorageAreaLike, stamp: { version: string; cores?: number }): PathChoiceStore {
  const cores = stamp.cores ?? 0;
  const read = async (): Promise<Stored> => {
    const empty: Stored = { version: stamp.version, cores, best: {} };
    try {
      const parsed = storedSchema.safeParse((await storage.get(PATH_CHOICE_KEY))[PATH_CHOICE_KEY]);
      return parsed.success && parsed.data.version === stamp.version && parsed.data.cores === cores ? parsed.data : empty;
    } catch {
      return empty;
    }
  };
  return {
    async choose(batchSize) {
      const { best } = await read();
      const first = defaultPath(stamp.cores);
      const other: ProverPath = first === 'offscreen' ? 'worker' : 'offscreen';
      const a = best[`${first}:${batchSize}`];
      const b = best[`${other}:${batchSize}`];
      if (a === undefined) return first;
      // Without a core count (a context that cannot tell) there is no stamp to measure against: keep the default.
      if (b === undefined) return stamp.cores === undefined ? first : other;
      return a <= b ? first : other;
    },
    async record(path, batchSize, wallMs) {
      const stored = await read();
      const key = `${path}:${batchSize}`;
      stored.best[key] = Math.min(stored.best[key] ?? Number.POSITIVE_INFINITY, Math.max(0, Math.round(wallMs)));
      await storage.set({ [PATH_CHOICE_KEY]: stored });
    },
  };
}
