import type { EarnState } from './api';

export type EpochView = EarnState['epochs'][number];

/** The epoch "Prove and mint" applies to: the one the worker mints (src/shared/epoch.ts). */
export { mintCandidate } from '../shared/epoch';
