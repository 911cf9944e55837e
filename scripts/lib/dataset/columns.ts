/**
 * The dataset's columns, once: name, Parquet type, Hugging Face dtype and what
 * it means. The Parquet writer and the dataset card both read this list.
 */
import type { BasicType } from 'hyparquet-writer';

export interface Column {
  name: string;
  parquet: BasicType;
  dtype: 'int32' | 'int64' | 'string' | 'bool';
  description: string;
}

export const PROVENANCE_COLUMNS: readonly Column[] = [
  { name: 'chain_id', parquet: 'INT64', dtype: 'int64', description: 'EIP-155 chain id of the stake.' },
  { name: 'pool', parquet: 'STRING', dtype: 'string', description: 'The pool contract (lower-case address).' },
  { name: 'token_id', parquet: 'STRING', dtype: 'string', description: 'The staked week token (uint256, decimal).' },
  { name: 'holder', parquet: 'STRING', dtype: 'string', description: 'The address that staked (lower-case).' },
  { name: 'epoch', parquet: 'INT32', dtype: 'int32', description: 'The week: days 7·epoch … 7·epoch+6 since 1970-01-01.' },
  { name: 'root', parquet: 'STRING', dtype: 'string', description: 'The batch root the proof committed (0x, 32 bytes); the week root for totals.' },
  { name: 'delivery_hash', parquet: 'STRING', dtype: 'string', description: 'keccak256 of the encrypted envelope, as emitted by the stake.' },
  { name: 'transaction', parquet: 'STRING', dtype: 'string', description: 'Hash of the stake transaction.' },
  { name: 'block', parquet: 'INT64', dtype: 'int64', description: 'Block number of the stake transaction.' },
  { name: 'verified', parquet: 'BOOLEAN', dtype: 'bool', description: 'Whether the delivery matched the stake proof (see verification.json).' },
];

export const RECORD_COLUMNS: readonly Column[] = [
  ...PROVENANCE_COLUMNS,
  { name: 'domain', parquet: 'STRING', dtype: 'string', description: 'Registrable domain (eTLD+1), lower case.' },
  { name: 'category', parquet: 'STRING', dtype: 'string', description: 'Category key of the domain-day.' },
  { name: 'date', parquet: 'STRING', dtype: 'string', description: "The user's local calendar day, YYYY-MM-DD." },
  { name: 'active_seconds', parquet: 'INT32', dtype: 'int32', description: 'Active time, in 10-second steps (floor), at most 40,950.' },
  { name: 'visits', parquet: 'INT32', dtype: 'int32', description: 'Page views of at least 2 s, at most 255.' },
  { name: 'interactions', parquet: 'INT32', dtype: 'int32', description: 'Trusted clicks, keys and scrolls, in steps of 10 (floor), at most 2,550.' },
];

export const TOTALS_COLUMNS: readonly Column[] = [
  ...PROVENANCE_COLUMNS,
  { name: 'active_seconds', parquet: 'INT32', dtype: 'int32', description: "The week's active time in the pool's categories (sum of 10-second steps)." },
  { name: 'visits', parquet: 'INT32', dtype: 'int32', description: "The week's page views in the pool's categories." },
  { name: 'interactions', parquet: 'INT32', dtype: 'int32', description: "The week's trusted interactions in the pool's categories (sum of 10-steps)." },
  { name: 'active_domain_days', parquet: 'INT32', dtype: 'int32', description: 'Domain-days with activity in the pool’s categories.' },
];
