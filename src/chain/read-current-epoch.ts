import { readContract } from 'viem/actions';
import { dataSBTAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadCurrentEpochParameters {
  sbt: Address;
}

/**
 * The chain's epoch (DataSBT.currentEpoch: whole weeks of chain time). Epochs
 * below it are finished and can be minted; the device's clock is not asked.
 */
export async function readCurrentEpoch(client: ReaderClient, params: ReadCurrentEpochParameters): Promise<bigint> {
  try {
    return await readContract(client, { address: params.sbt, abi: dataSBTAbi, functionName: 'currentEpoch' });
  } catch (err) {
    throw toChainError('Read current epoch', err);
  }
}
