import { toHex } from 'viem';
import { readDataToken } from '../../chain/read-data-token.ts';
import type { CommitmentRecord, DomainDayRow } from '../../vault';
import type { WorkerContext } from '../context';
import type { Sealer } from '../services';
import type { JobChain } from './job-chain';
import { asAddress } from './masks';

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
  /** The sealer the caller already holds, if any (else it is fetched). */
  withSealer?: Sealer,
): Promise<CommitmentRecord> {
  const sealer = withSealer ?? (await ctx.lock.sealer());
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

/** A minted, live data token of this vault, with its frozen rows' epoch. */
export interface OwnedToken {
  tokenId: bigint;
  epoch: number;
}

/** Live tokens of this holder whose epochs this vault committed (only those can stake: their rows are here). */
export async function ownedTokens(ctx: WorkerContext, chain: JobChain): Promise<OwnedToken[]> {
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const out: OwnedToken[] = [];
  for (const c of await listCommitments(ctx, chain.network.chainId, chain.address)) {
    const { token } = await readDataToken(chain.client, { sbt, holder: chain.address, epoch: BigInt(c.epoch) });
    if (token) out.push({ tokenId: token.tokenId, epoch: c.epoch });
  }
  return out;
}
