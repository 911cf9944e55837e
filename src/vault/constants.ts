/** The 2 s rule is a scoring rule (src/scoring/constants.ts); re-exported for vault callers. */
export { MIN_VIEW_ACTIVE_MS } from '../scoring/constants';

/** Bulk reads and deletes go in chunks of this many rows (dexie #1083). */
export const VAULT_CHUNK = 1_000;
