import { parseEventLogs } from 'viem';
import { dataStakingPoolAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface SweepPoolParameters {
  pool: Address;
  /** Defaults to the signer (the sponsor). */
  to?: Address;
}

export interface SweepPoolReturnType extends TxResult {
  amount: bigint;
}

/** Sponsor only, after the end: take back rewards nobody earned (nobody staked). */
export async function sweepPool(client: SignerClient, params: SweepPoolParameters): Promise<SweepPoolReturnType> {
  const receipt = await sendContractWrite(client, 'Sweep pool', {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'sweep',
    args: [params.to ?? client.account.address],
  });
  const [swept] = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Swept', logs: receipt.logs });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, amount: swept?.args.amount ?? 0n };
}
