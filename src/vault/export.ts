import type { Opener } from '../keyring';
import type { VaultDb } from './db';
import { forEachChunkById } from './chunks';
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
  await forEachChunkById(db.footprints, async (chunk) => {
    footprints.push(...(await openFootprints(opener, chunk)));
  });
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
