import type { LocalAccount } from 'viem';
import { getBlock, readContract } from 'viem/actions';
import { dataSBTAbi } from '../../chain/generated/index.ts';
import type { SignedTx } from '../../chain/send-once.ts';
import type { ResolvedNetwork } from '../../shared/network';
import type { JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { createNetworkPublicClient, type NetworkPublicClient } from '../network';
import { updateJob } from './job-store';
import { asAddress } from './masks';

/** What every job step works with: the network, a client and the holder's address. */
export interface JobChain {
  network: ResolvedNetwork;
  client: NetworkPublicClient;
  address: `0x${string}`;
}

export async function connectJob(ctx: WorkerContext, job: JobRecord): Promise<JobChain> {
  const network = await ctx.network.current();
  if (job.params.chainId !== undefined && job.params.chainId !== network.chainId) {
    throw new JobError('network_unavailable', `This task belongs to chain ${job.params.chainId}; switch back to that network to finish it.`);
  }
  const address = String(job.params.address) as `0x${string}`;
  return { network, client: createNetworkPublicClient(network), address };
}

/** The chain's epoch (DataSBT.currentEpoch: weeks of chain time). */
export async function chainEpoch(chain: Pick<JobChain, 'client' | 'network'>): Promise<number> {
  const e = await readContract(chain.client, { address: asAddress(chain.network.deployment.contracts.dataSbt), abi: dataSBTAbi, functionName: 'currentEpoch' });
  return Number(e);
}

/** The chain's clock (latest block), unix seconds: pools and epochs run on chain time, not the device's. */
export async function chainTime(chain: Pick<JobChain, 'client'>): Promise<bigint> {
  return (await getBlock(chain.client, { blockTag: 'latest' })).timestamp;
}

/**
 * The send-once options for the job's current step: a signed transaction of
 * an interrupted attempt is reused; a new one is persisted before broadcast.
 * The account is asked for only when something must be signed.
 */
export async function txOptions(ctx: WorkerContext, job: JobRecord): Promise<{
  signed?: SignedTx;
  account?: LocalAccount;
  persist(tx: SignedTx): Promise<void>;
  onBroadcast(): Promise<void>;
}> {
  const signed = job.tx as SignedTx | undefined;
  return {
    signed,
    account: signed ? undefined : await ctx.lock.account(),
    persist: async (tx) => {
      await updateJob(ctx.db, job.id, { tx, state: 'submitting', progress: 0, error: undefined }, ctx.now());
    },
    onBroadcast: async () => {
      await updateJob(ctx.db, job.id, { state: 'confirming', progress: 50 }, ctx.now());
    },
  };
}

/** A job failure the user can read; `code` is an ErrorCode the UI localises. */
export class JobError extends Error {
  override readonly name = 'JobError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
