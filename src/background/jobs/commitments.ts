import { readDataTokens } from '../../chain/read-data-token.ts';
import { getCommitment, listCommitments, openCommitmentRows, storeCommitment, type CommitmentInput, type CommitmentRecord, type DomainDayRow } from '../../vault';
import type { Sealer } from '../../keyring';
import type { WorkerContext } from '../context';
import type { JobChain } from './job-chain';
import { asAddress } from './masks';

/**
 * Freezes the rows an epoch's proof commits to (src/vault/commitments.ts), so
 * a later stake proves against exactly the minted root.
 */
export async function freezeCommitment(
  ctx: WorkerContext,
  p: CommitmentInput,
  /** The sealer the caller already holds, if any (else it is fetched). */
  withSealer?: Sealer,
): Promise<CommitmentRecord> {
  const sealer = withSealer ?? (await ctx.lock.sealer());
  return storeCommitment(ctx.db, sealer, p, ctx.now());
}

/**
 * The frozen rows of an epoch, opened (unlocked only), or undefined when this
 * vault never committed it. The opener is asked for only when there is a
 * record, so a missing commitment is reported even while locked.
 */
export async function readCommitment(
  ctx: WorkerContext,
  chainId: number,
  address: string,
  epoch: number,
): Promise<{ record: CommitmentRecord; rows: DomainDayRow[] } | undefined> {
  const record = await getCommitment(ctx.db, chainId, address, epoch);
  if (!record) return undefined;
  const opener = await ctx.lock.opener();
  return { record, rows: await openCommitmentRows(opener, record) };
}

/** A minted, live data token of this vault, with its frozen rows' epoch. */
export interface OwnedToken {
  tokenId: bigint;
  epoch: number;
}

/** Live tokens of this holder whose epochs this vault committed (only those can stake: their rows are here). */
export async function ownedTokens(ctx: WorkerContext, chain: JobChain): Promise<OwnedToken[]> {
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const commitments = await listCommitments(ctx.db, chain.network.chainId, chain.address);
  // One batched read for every committed epoch (src/chain/read-many.ts), not one per epoch.
  const tokens = await readDataTokens(chain.client, { sbt, holder: chain.address, epochs: commitments.map((c) => BigInt(c.epoch)) });
  return commitments.flatMap((c, i) => {
    const { token } = tokens[i];
    return token ? [{ tokenId: token.tokenId, epoch: c.epoch }] : [];
  });
}
