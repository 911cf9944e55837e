import { dataStakingPoolAbi } from './generated/index.ts';
import { ensureAllowance } from './approve-token.ts';
import { readPool } from './read-pool.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface FundPoolParameters {
  pool: Address;
  amount: bigint;
}

export type FundPoolReturnType = TxResult;

/** Add rewards to a running pool (anyone may); they stream over the time left. */
export async function fundPool(client: SignerClient, params: FundPoolParameters): Promise<FundPoolReturnType> {
  const pool = await readPool(client, { pool: params.pool });
  await ensureAllowance(client, { token: pool.rewardToken, spender: params.pool, amount: params.amount });
  const receipt = await sendContractWrite(client, 'Fund pool', {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'fund',
    args: [params.amount],
  });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
