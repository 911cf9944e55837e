export { openVault, declareVaultVersions, VAULT_DB_NAME, VAULT_LATEST_VERSION, type VaultDb } from './db';
export { upsertFootprint, mergeSnapshot, recordFromSnapshot, type FootprintPlacement, type UpsertOutcome } from './upsert';
export { aggregateDomainDays, readDomainDays, readEpochDomainDays, type DomainDayRow } from './aggregate';
export { purgeExpired } from './retention';
export { listFootprints, type FootprintListItem } from './list';
export { exportVault, deleteAllFootprints, EXPORT_FORMAT } from './export';
export { VaultError, toVaultError } from './errors';
export { MIN_VIEW_ACTIVE_MS } from './constants';
export type { FootprintRecord } from './schema/footprints';
