import type { Table } from 'dexie';
import { VAULT_CHUNK } from './constants';

/**
 * Hands the rows of `table` to `each` in chunks of VAULT_CHUNK ordered by id,
 * so memory stays flat however big the table is; the last chunk is shorter
 * (possibly empty). The next chunk is read once `each` has finished, on the
 * table given (a transaction's table reads in that transaction).
 *
 * A callback, not an async generator: inside a Dexie upgrade, `for await`
 * over a generator loses the transaction zone after the first chunk (so
 * Dexie.waitFor no longer holds the transaction open), while nested async
 * calls keep it.
 */
export async function forEachChunkById<T extends { id: string }, TInsert>(
  table: Table<T, string, TInsert>,
  each: (chunk: T[]) => Promise<void>,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const chunk =
      after === undefined ? await table.orderBy('id').limit(VAULT_CHUNK).toArray() : await table.where('id').above(after).limit(VAULT_CHUNK).toArray();
    await each(chunk);
    if (chunk.length < VAULT_CHUNK) return;
    after = chunk[chunk.length - 1].id;
  }
}
