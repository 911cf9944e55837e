import { getBlock } from 'viem/actions';
import { readCurrentEpoch } from '../../chain/read-current-epoch.ts';
import type { SendOnceOptions, SignedTx } from '../../chain/send-once.ts';
import type { ErrorCode } from '../../shared/error-codes';
import { SurfError } from '../../shared/errors';
import { confirmationsFor, type ResolvedNetwork } from '../../shared/network';
import { updateJob, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { createNetworkPublicClient, type NetworkPublicClient } from '../network';
import { landedCheck } from './landed';
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
  const { address } = job.params;
  return { network, client: createNetworkPublicClient(network), address };
}

/** The chain's epoch (DataSBT.currentEpoch: weeks of chain time). */
export async function chainEpoch(chain: Pick<JobChain, 'client' | 'network'>): Promise<number> {
  return Number(await readCurrentEpoch(chain.client, { sbt: asAddress(chain.network.deployment.contracts.dataSbt) }));
}

/** The chain's clock (latest block), unix seconds: pools and epochs run on chain time, not the device's. */
export async function chainTime(chain: Pick<JobChain, 'client'>): Promise<bigint> {
  return (await getBlock(chain.client, { blockTag: 'latest' })).timestamp;
}

/**
 * The send-once options for the job's current step: a signed transaction of
 * an interrupted attempt is reused; a new one is persisted before broadcast
 * (replacing a dead one). The account is asked for only when something must
 * be signed; `landed` tells the dead-transaction rule whether the step's
 * effect is already on chain (./landed.ts).
 */
export async function txOptions(ctx: WorkerContext, job: JobRecord): Promise<SendOnceOptions> {
  const chain = await connectJob(ctx, job);
  return {
    from: chain.address,
    signed: job.tx,
    account: () => ctx.lock.account(),
    landed: landedCheck(chain, job),
    confirmations: confirmationsFor(chain.network),
    persist: async (tx: SignedTx) => {
      await updateJob(ctx.db, job.id, { tx, state: 'submitting', progress: 0, error: undefined }, ctx.now());
    },
    onBroadcast: async () => {
      await updateJob(ctx.db, job.id, { state: 'confirming', progress: 50 }, ctx.now());
    },
  };
}

/** A job or earning-handler failure the user can read; `code` is an ErrorCode the UI localises. */
export class JobError extends SurfError<ErrorCode> {
  override name = 'JobError';
}
