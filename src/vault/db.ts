import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import { hostOf, registrableDomain } from '../shared/domain';
import { FOOTPRINTS_INDEXES, type FootprintRecord, type FootprintRecordV1 } from './schema/footprints';
import { SECRETS_INDEXES, type SecretRecord } from './schema/secrets';

/**
 * The vault: one IndexedDB database in the service worker's origin.
 * Every schema version and its upgrade stays here forever, in order; a
 * published version is never edited (dexie #156) and a table is never dropped
 * in the same upgrade that changes it (#742).
 */
export const VAULT_DB_NAME = 'surf-to-earn-vault';
export const VAULT_LATEST_VERSION = 3;

export type VaultDb = Dexie & {
  footprints: EntityTable<FootprintRecord, 'id'>;
  secrets: EntityTable<SecretRecord, 'key'>;
};

/** Declares versions 1..upTo on `db`. Tests call it with an older `upTo` to build a pre-upgrade database. */
export function declareVaultVersions(db: Dexie, upTo: number = VAULT_LATEST_VERSION): void {
  if (upTo >= 1) db.version(1).stores({ footprints: FOOTPRINTS_INDEXES[1] });
  if (upTo >= 2) {
    db.version(2)
      .stores({ footprints: FOOTPRINTS_INDEXES[2] })
      .upgrade((tx) =>
        tx
          .table('footprints')
          .toCollection()
          .modify((row: Partial<FootprintRecordV1> & Partial<FootprintRecord>, ctx: { value: unknown }) => {
            // v1 kept the origin; v2 keeps only host + registrable domain. An unparsable origin
            // cannot be placed on a site, so the row goes (it could never score anyway).
            const host = row.origin ? hostOf(row.origin) : undefined;
            if (!host) {
              delete (ctx as { value?: unknown }).value;
              return;
            }
            row.host = host;
            row.domain = registrableDomain(host);
            row.updatedAt = row.startedAt ?? 0;
            delete row.origin;
          }),
      );
  }
  // v3 only adds a table: nothing to migrate, footprints keep their v2 schema.
  if (upTo >= 3) db.version(3).stores({ footprints: FOOTPRINTS_INDEXES[2], secrets: SECRETS_INDEXES[3] });
}

/** Opens (lazily) the vault at the latest version. `options` lets tests pass fake-indexeddb. */
export function openVault(name: string = VAULT_DB_NAME, options?: DexieOptions): VaultDb {
  const db = new Dexie(name, options) as VaultDb;
  declareVaultVersions(db);
  return db;
}
