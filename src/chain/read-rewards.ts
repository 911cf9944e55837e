import { readContract } from 'viem/actions';
import { dataStakingPoolAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import { readAll } from './read-many.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadStakeParameters {
  pool: Address;
  tokenId: bigint;
}

export interface StakeInfo {
  status: 'none' | 'staked' | 'exited' | 'rejected';
  weight: bigint;
  pending: bigint;
}

export interface ReadStakesParameters {
  /** Every (pool, token) pair to read; the result has one entry per pair, in order. */
  stakes: readonly ReadStakeParameters[];
}

const STATUS = ['none', 'staked', 'exited', 'rejected'] as const;

const stakeOfCall = (p: ReadStakeParameters) =>
  ({ address: p.pool, abi: dataStakingPoolAbi, functionName: 'stakeOf', args: [p.tokenId] }) as const;
const pendingCall = (p: ReadStakeParameters) =>
  ({ address: p.pool, abi: dataStakingPoolAbi, functionName: 'pendingRewards', args: [p.tokenId] }) as const;

type StakeRecord = Awaited<ReturnType<typeof readStakeRecord>>;
const readStakeRecord = (client: ReaderClient, p: ReadStakeParameters) => readContract(client, stakeOfCall(p));
const toStakeInfo = (record: StakeRecord, pending: bigint): StakeInfo =>
  ({ status: STATUS[record.status] ?? 'none', weight: BigInt(record.weight), pending });

/** A token's stake in a pool and the rewards it could claim now (many at once: `readStakes`). */
export async function readStake(client: ReaderClient, params: ReadStakeParameters): Promise<StakeInfo> {
  try {
    const [record, pending] = await Promise.all([readStakeRecord(client, params), readContract(client, pendingCall(params))]);
    return toStakeInfo(record, pending);
  } catch (err) {
    throw toChainError('Read stake', err);
  }
}

/**
 * Many stakes at once, the same values as `readStake` for each pair: every
 * stake record in one batched read (src/chain/read-many.ts), then the pending
 * rewards of only the pairs that are staked (the contract answers 0 for the
 * others), so 200 pools × 10 tokens cost a few `eth_call`s, not 4,000.
 */
export async function readStakes(client: ReaderClient, params: ReadStakesParameters): Promise<StakeInfo[]> {
  const records = (await readAll(client, params.stakes.map(stakeOfCall), 'Read stake')) as StakeRecord[];
  const staked = params.stakes.flatMap((p, i) => (STATUS[records[i].status] === 'staked' ? [i] : []));
  const pending = (await readAll(client, staked.map((i) => pendingCall(params.stakes[i])), 'Read stake')) as bigint[];
  const pendingOf = new Map(staked.map((i, k) => [i, pending[k]]));
  return records.map((record, i) => toStakeInfo(record, pendingOf.get(i) ?? 0n));
}
