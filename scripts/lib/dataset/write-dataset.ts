/**
 * Writes a pool owner's dataset directory (Node only):
 *   records.parquet + records.jsonl   (records pool)  or  totals.parquet + totals.jsonl (totals pool)
 *   README.md                          the Hugging Face dataset card (card.ts)
 *   verification.json                  per stake: verified, or the reason and message
 *
 * Deterministic: rows in one canonical order (rows.ts), no timestamps, a fixed
 * Parquet `created_by`, so the same input gives byte-identical files. Each file
 * is written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { datasetCard } from './card.ts';
import { RECORD_COLUMNS, TOTALS_COLUMNS, type Column } from './columns.ts';
import { recordRows, totalsRows, verificationEntries } from './rows.ts';
import type { DatasetInput } from './types.ts';

export const DATASET_CREATED_BY = 'surf-to-earn dataset v1';

export interface WrittenDataset {
  /** Absolute paths of the files written, by name. */
  files: Record<string, string>;
  rows: number;
}

type Row = Record<string, string | number | boolean>;

function toParquet(columns: readonly Column[], rows: readonly Row[]): Uint8Array {
  const columnData: ColumnSource[] = columns.map((c) => ({
    name: c.name,
    type: c.parquet,
    nullable: false,
    data: rows.map((r) => (c.parquet === 'INT64' ? BigInt(r[c.name] as number) : r[c.name])),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: DATASET_CREATED_BY }));
}

/** One JSON object per line, keys in column order. */
function toJsonl(columns: readonly Column[], rows: readonly Row[]): string {
  return rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, r[c.name]]))) + '\n').join('');
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export async function writeDataset(dir: string, input: DatasetInput): Promise<WrittenDataset> {
  const { pool, stakes } = input;
  const columns = pool.tier === 'records' ? RECORD_COLUMNS : TOTALS_COLUMNS;
  const rows: Row[] = pool.tier === 'records' ? recordRows(stakes).map((r) => ({ ...r })) : totalsRows(stakes).map((r) => ({ ...r }));
  const base = pool.tier;
  const verification = verificationEntries(stakes);
  const files: Record<string, string | Uint8Array> = {
    [`${base}.parquet`]: toParquet(columns, rows),
    [`${base}.jsonl`]: toJsonl(columns, rows),
    'verification.json': JSON.stringify({ pool: pool.address.toLowerCase(), chain_id: pool.chainId, tier: pool.tier, stakes: verification }, null, 2) + '\n',
    'README.md': datasetCard({
      pool,
      columns,
      dataFile: `${base}.parquet`,
      rows: rows.length,
      stakes: verification.length,
      verifiedStakes: verification.filter((v) => v.verified).length,
    }),
  };
  await mkdir(dir, { recursive: true });
  const written: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    written[name] = join(dir, name);
    await writeAtomic(written[name], data);
  }
  return { files: written, rows: rows.length };
}
