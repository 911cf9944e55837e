import type { VaultDb } from './db';
import { VAULT_CHUNK } from './constants';
import type { FootprintRecord } from './schema/footprints';

export const EXPORT_FORMAT = 'surf-to-earn/vault-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * The whole vault as pretty JSON, for the user to keep or inspect: every
 * stored field of every footprint (which is all we know: sites, categories,
 * days and measures — no URLs exist to export) plus the settings given.
 * Read in chunks ordered by id so memory stays flat.
 */
export async function exportVault(db: VaultDb, extra: { settings: unknown; exportedAt: number }): Promise<string> {
  const footprints: FootprintRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const chunk =
      after === undefined
        ? await db.footprints.orderBy('id').limit(VAULT_CHUNK).toArray()
        : await db.footprints.where('id').above(after).limit(VAULT_CHUNK).toArray();
    footprints.push(...chunk);
    if (chunk.length < VAULT_CHUNK) break;
    after = chunk[chunk.length - 1].id;
  }
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: new Date(extra.exportedAt).toISOString(),
      settings: extra.settings,
      footprints,
    },
    null,
    2,
  );
}

/** Deletes every footprint. Returns how many there were. */
export async function deleteAllFootprints(db: VaultDb): Promise<number> {
  return db.transaction('rw', db.footprints, async () => {
    const n = await db.footprints.count();
    await db.footprints.clear();
    return n;
  });
}
