import { toHex } from 'viem';
import type { Opener, Sealer } from '../keyring';
import type { DomainDayRow } from './aggregate';
import type { VaultDb } from './db';
import type { CommitmentRecord } from './schema/commitments';

/** The key of a commitment: one per chain, holder and epoch. */
export const commitmentId = (chainId: number, address: string, epoch: number): string =>
  `${chainId}:${address.toLowerCase()}:${epoch}`;

/** What an epoch's proof committed to: the holder, the root and the rows behind it. */
export interface CommitmentInput {
  chainId: number;
  address: string;
  epoch: number;
  root: bigint;
  points: number;
  rows: readonly DomainDayRow[];
}

/**
 * Stores the rows an epoch's proof commits to, sealed like footprints, so a
 * later stake proves against exactly the minted root even if late snapshots of
 * that week arrive or retention removes footprints. Seals before writing (no
 * WebCrypto inside a Dexie transaction); storing the same epoch again replaces it.
 */
export async function storeCommitment(db: VaultDb, sealer: Sealer, p: CommitmentInput, now: number): Promise<CommitmentRecord> {
  const record: CommitmentRecord = {
    id: commitmentId(p.chainId, p.address, p.epoch),
    chainId: p.chainId,
    address: p.address.toLowerCase(),
    epoch: p.epoch,
    root: toHex(p.root),
    points: p.points,
    rows: await sealer.seal(p.rows),
    createdAt: now,
  };
  await db.commitments.put(record);
  return record;
}

/** The commitment of this holder's epoch on this chain, still sealed, or undefined when this vault never committed it. */
export function getCommitment(db: VaultDb, chainId: number, address: string, epoch: number): Promise<CommitmentRecord | undefined> {
  return db.commitments.get(commitmentId(chainId, address, epoch));
}

/** The frozen rows of a commitment. Throws KeyringError('corrupt') when the box does not open. */
export function openCommitmentRows(opener: Opener, record: CommitmentRecord): Promise<DomainDayRow[]> {
  return opener.open<DomainDayRow[]>(record.rows);
}

/** Every commitment of this holder on this chain, oldest epoch first. */
export async function listCommitments(db: VaultDb, chainId: number, address: string): Promise<CommitmentRecord[]> {
  const prefix = `${chainId}:${address.toLowerCase()}:`;
  return (await db.commitments.toArray()).filter((c) => c.id.startsWith(prefix)).sort((a, b) => a.epoch - b.epoch);
}
