import { toHex } from 'viem';
import type { CommitmentRecord, DomainDayRow } from '../../vault';
import type { WorkerContext } from '../context';

/** The key of a commitment: one per chain, holder and epoch. */
export const commitmentId = (chainId: number, address: string, epoch: number): string =>
  `${chainId}:${address.toLowerCase()}:${epoch}`;

/**
 * Freezes the rows an epoch's proof commits to, sealed like footprints, so a
 * later stake proves against exactly the minted root even if late snapshots of
 * that week arrive or retention removes footprints.
 */
export async function freezeCommitment(
  ctx: WorkerContext,
  p: { chainId: number; address: string; epoch: number; root: bigint; points: number; rows: readonly DomainDayRow[] },
): Promise<CommitmentRecord> {
  const sealer = await ctx.lock.sealer();
  const record: CommitmentRecord = {
    id: commitmentId(p.chainId, p.address, p.epoch),
    chainId: p.chainId,
    address: p.address.toLowerCase(),
    epoch: p.epoch,
    root: toHex(p.root),
    points: p.points,
    rows: await sealer.seal(p.rows),
    createdAt: ctx.now(),
  };
  await ctx.db.commitments.put(record);
  return record;
}

/** The frozen rows of an epoch, opened (unlocked only), or undefined when this vault never committed it. */
export async function readCommitment(
  ctx: WorkerContext,
  chainId: number,
  address: string,
  epoch: number,
): Promise<{ record: CommitmentRecord; rows: DomainDayRow[] } | undefined> {
  const record = await ctx.db.commitments.get(commitmentId(chainId, address, epoch));
  if (!record) return undefined;
  const opener = await ctx.lock.opener();
  return { record, rows: await opener.open<DomainDayRow[]>(record.rows) };
}

/** Every commitment of this holder on this chain, oldest epoch first. */
export async function listCommitments(ctx: WorkerContext, chainId: number, address: string): Promise<CommitmentRecord[]> {
  const prefix = `${chainId}:${address.toLowerCase()}:`;
  return (await ctx.db.commitments.toArray()).filter((c) => c.id.startsWith(prefix)).sort((a, b) => a.epoch - b.epoch);
}
