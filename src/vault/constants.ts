/** A page view with less active time than this is noise (a tab flashed past): it earns no visit. */
export const MIN_VIEW_ACTIVE_MS = 2_000;

/** Bulk reads and deletes go in chunks of this many rows (dexie #1083). */
export const VAULT_CHUNK = 1_000;
