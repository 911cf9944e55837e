import type { Opener } from '../background/services';
import type { VaultDb } from './db';
import { VAULT_CHUNK } from './constants';
import { openFootprints } from './open';
import type { OpenedFootprint } from './schema/footprints';

export const EXPORT_FORMAT = 'surf-to-earn/vault-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * The whole vault as pretty JSON, for the user to keep or inspect: every
 * footprint with its site opened (which is all we know: sites, categories,
 * days and measures — no URLs exist to export) plus the settings given.
 * Read in chunks ordered by id so memory stays flat; each chunk is opened
 * after its read, outside any transaction.
 */
export async function exportVault(db: VaultDb, opener: Opener, extra: { settings: unknown; exportedAt: number }): Promise<string> {
  const footprints: OpenedFootprint[] = [];
  let after: string | undefined;
  for (;;) {
    const chunk =
      after === undefined
        ? await db.footprints.orderBy('id').limit(VAULT_CHUNK).toArray()
        : await db.footprints.where('id').above(after).limit(VAULT_CHUNK).toArray();
    footprints.push(...(await openFootprints(opener, chunk)));
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
