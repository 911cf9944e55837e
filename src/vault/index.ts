export {
  openVault,
  retryFailedVaultOpen,
  declareVaultVersions,
  VAULT_DB_NAME,
  VAULT_LATEST_VERSION,
  type VaultDb,
  type OpenVaultOptions,
  type VaultPublicKeyProvider,
} from './db';
export { upsertFootprint, mergeSnapshot, recordFromSnapshot, type FootprintPlacement, type UpsertOutcome } from './upsert';
export { footprintRowId } from './row-id';
export { openFootprints } from './open';
export { aggregateDomainDays, readDomainDays, readEpochDomainDays, type DomainDayRow, type DomainDaysReadStats } from './aggregate';
export { purgeExpired } from './retention';
export { listFootprints, type FootprintListItem } from './list';
export { exportVault, EXPORT_FORMAT } from './export';
export { deleteVaultData, type DeletedVaultData } from './delete';
export { VaultError, toVaultError } from './errors';
export { MIN_VIEW_ACTIVE_MS } from './constants';
export type { FootprintRecord, FootprintSite, OpenedFootprint } from './schema/footprints';
export type { JobRecord, JobKind, JobState, JobOf, JobParams, JobParamsInput, ExitAction } from './schema/jobs';
export { assertJobKind, jobRecordSchema, parseExitPlan } from './schema/jobs';
export { OPEN_STATES, isOpen, openJob, getJob, parseJob, updateJob, openJobs, recentJobs, type JobPatch } from './jobs';
export type { CommitmentRecord } from './schema/commitments';
export {
  commitmentId,
  storeCommitment,
  getCommitment,
  openCommitmentRows,
  listCommitments,
  type CommitmentInput,
} from './commitments';
export { getOrCreateEpochSecrets, clearEpochSecrets, randomFieldElement, type SecretSealing, type VaultEpochSecrets } from './secrets';
export type { SecretRecord } from './schema/secrets';
export type { DayRecord } from './schema/days';
