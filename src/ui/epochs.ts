import type { EarnState } from './api';

export type EpochView = EarnState['epochs'][number];

/** The epoch "Prove and mint" applies to: the latest finished, unminted one that has points (as the worker picks it). */
export function mintCandidate(epochs: readonly EpochView[]): EpochView | undefined {
  return epochs.filter((e) => e.finished && !e.minted && e.points > 0).sort((a, b) => b.epoch - a.epoch)[0];
}
