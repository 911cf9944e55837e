/** Epochs are weeks of local calendar days: epoch = floor(day / EPOCH_DAYS). */
export const EPOCH_DAYS = 7;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 in the local calendar of the given UTC offset (minutes, as Date#getTimezoneOffset). */
export function localDay(timeMs: number, timezoneOffsetMinutes: number): number {
  return Math.floor((timeMs - timezoneOffsetMinutes * 60_000) / DAY_MS);
}

export function epochOfDay(day: number): number {
  return Math.floor(day / EPOCH_DAYS);
}

export function epochDays(epoch: number): { first: number; last: number } {
  return { first: epoch * EPOCH_DAYS, last: epoch * EPOCH_DAYS + EPOCH_DAYS - 1 };
}

/** What picking the epoch to mint needs to know of a week (the Earn state's epochs have it). */
interface MintableEpoch {
  epoch: number;
  finished: boolean;
  minted: boolean;
  points: number;
}

/**
 * The epoch "Prove and mint" applies to: the latest finished, unminted week
 * that has points, whatever order `epochs` comes in. Pure and import-free, so
 * the worker and the popup pick the same one.
 */
export function mintCandidate<E extends MintableEpoch>(epochs: readonly E[]): E | undefined {
  return epochs.filter((e) => e.finished && !e.minted && e.points > 0).sort((a, b) => b.epoch - a.epoch)[0];
}
