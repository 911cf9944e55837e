import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { createSealer } from '../keyring';
import { hostOf, registrableDomain } from '../shared/domain';
import { forEachChunkById } from './chunks';
import { VaultError } from './errors';
import { COMMITMENTS_INDEXES, type CommitmentRecord } from './schema/commitments';
import { DAYS_INDEXES, type DayRecord } from './schema/days';
import { FOOTPRINTS_INDEXES, type FootprintRecord, type FootprintRecordV1, type FootprintRecordV3 } from './schema/footprints';
import { JOBS_INDEXES, type JobRecord } from './schema/jobs';
import { SECRETS_INDEXES, type SecretRecord } from './schema/secrets';

/**
 * The vault: one IndexedDB database in the service worker's origin.
 * Every schema version and its upgrade stays here forever, in order; a
 * published version is never edited (dexie #156) and a table is never dropped
 * in the same upgrade that changes it (#742).
 */
export const VAULT_DB_NAME = 'surf-to-earn-vault';
export const VAULT_LATEST_VERSION = 5;

export type VaultDb = Dexie & {
  footprints: EntityTable<FootprintRecord, 'id'>;
  secrets: EntityTable<SecretRecord, 'key'>;
  jobs: EntityTable<JobRecord, 'id'>;
  commitments: EntityTable<CommitmentRecord, 'id'>;
  days: EntityTable<DayRecord, 'day'>;
};

/** The vault public key (base64 raw), or undefined before onboarding. The v4 upgrade seals to it. */
export type VaultPublicKeyProvider = () => Promise<string | undefined>;

const noKeyring: VaultPublicKeyProvider = async () => undefined;

/**
 * Declares versions 1..upTo on `db`. Tests call it with an older `upTo` to
 * build a pre-upgrade database. `vaultPublicKey` is only asked when the v4
 * upgrade finds plaintext rows to seal.
 */
export function declareVaultVersions(db: Dexie, upTo: number = VAULT_LATEST_VERSION, vaultPublicKey: VaultPublicKeyProvider = noKeyring): void {
  if (upTo >= 1) db.version(1).stores({ footprints: FOOTPRINTS_INDEXES[1] });
  if (upTo >= 2) {
    db.version(2)
      .stores({ footprints: FOOTPRINTS_INDEXES[2] })
      .upgrade((tx) =>
        tx
          .table('footprints')
          .toCollection()
          .modify((row: Partial<FootprintRecordV1> & Partial<FootprintRecordV3>, ctx: { value: unknown }) => {
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
  // v4 seals every row's site and adds the earning flow's tables.
  if (upTo >= 4) {
    db.version(4)
      .stores({ footprints: FOOTPRINTS_INDEXES[4], secrets: SECRETS_INDEXES[3], jobs: JOBS_INDEXES[4], commitments: COMMITMENTS_INDEXES[4] })
      .upgrade((tx) => sealPlaintextSites(tx, vaultPublicKey));
  }
  // v5 adds the per-day sealed aggregates (schema/days.ts): every day that holds footprints gets a
  // stamp, so reads may build and keep its aggregate. Nothing is opened or sealed here.
  if (upTo >= 5) {
    db.version(5)
      .stores({ footprints: FOOTPRINTS_INDEXES[4], secrets: SECRETS_INDEXES[3], jobs: JOBS_INDEXES[4], commitments: COMMITMENTS_INDEXES[4], days: DAYS_INDEXES[5] })
      .upgrade(async (tx) => {
        const days = (await tx.table('footprints').orderBy('day').uniqueKeys()) as number[];
        await tx.table<DayRecord, number>('days').bulkPut(days.map((day) => ({ day, stamp: 1 })));
      });
  }
}

/**
 * v3 → v4: replaces each row's plaintext host and domain with a box sealed to
 * the vault public key. WebCrypto is not IndexedDB work, so each await on it
 * goes through Dexie.waitFor to keep the upgrade transaction alive. Rows to
 * seal and no keyring: the upgrade throws and the database stays at v3 (the
 * plaintext is kept until it can be sealed, never dropped).
 */
async function sealPlaintextSites(tx: Transaction, vaultPublicKey: VaultPublicKeyProvider): Promise<void> {
  const table = tx.table<FootprintRecordV3 | FootprintRecord, string>('footprints');
  if ((await table.count()) === 0) return;
  const publicKey = await Dexie.waitFor(vaultPublicKey());
  if (!publicKey) throw new VaultError('internal', 'the vault holds plaintext footprints and no keyring exists to seal them');
  const sealer = await Dexie.waitFor(createSealer(publicKey));
  await forEachChunkById(table, async (chunk) => {
    const plain = chunk.filter((r): r is FootprintRecordV3 => 'domain' in r || 'host' in r);
    const sealed = await Dexie.waitFor(
      Promise.all(plain.map(async ({ host, domain, ...rest }): Promise<FootprintRecord> => ({ ...rest, site: await sealer.seal({ host, domain }) }))),
    );
    await table.bulkPut(sealed);
  });
}

export interface OpenVaultOptions {
  /** Where the v4 upgrade finds the vault public key (the keyring record). */
  vaultPublicKey: VaultPublicKeyProvider;
  name?: string;
  /** Tests pass fake-indexeddb. */
  dexie?: DexieOptions;
}

/** Opens (lazily) the vault at the latest version. */
export function openVault(opts: OpenVaultOptions): VaultDb {
  const db = new Dexie(opts.name ?? VAULT_DB_NAME, opts.dexie) as VaultDb;
  declareVaultVersions(db, VAULT_LATEST_VERSION, opts.vaultPublicKey);
  return db;
}

/**
 * After a failed open (the v4 upgrade found plaintext rows and no keyring),
 * Dexie refuses every later operation. Once the keyring exists, this lets the
 * next operation open, and so upgrade, again. A no-op when the open did not fail.
 */
export function retryFailedVaultOpen(db: Dexie): void {
  if (db.hasFailed()) db.close({ disableAutoOpen: false });
}
