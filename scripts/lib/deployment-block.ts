/**
 * The block a deployment starts at (the extension scans events from there) when
 * this run sent nothing: the previous file's value when it describes the same
 * contracts, else the first block where DataSBT has code (a binary search over
 * historical state, which needs an archive node), else 0 (always safe, only slower).
 */
import type { Address } from 'viem';
import { getBlockNumber, getCode } from 'viem/actions';
import type { ReaderClient } from '../../src/chain/types.ts';
import type { Deployment } from './deployments.ts';

function sameContracts(a: Deployment['contracts'], b: Deployment['contracts']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Deployment['contracts']>;
  return [...keys].every((k) => (a[k] ?? '').toLowerCase() === (b[k] ?? '').toLowerCase());
}

async function hasCodeAt(client: ReaderClient, address: Address, blockNumber: bigint): Promise<boolean> {
  const code = await getCode(client, { address, blockNumber });
  return code !== undefined && code !== '0x';
}

/** See the file comment; `previous` is the deployments file already there, if any. */
export async function findDeploymentBlock(
  client: ReaderClient,
  contracts: Deployment['contracts'],
  previous: Deployment | null,
): Promise<{ block: number; note?: string }> {
  if (previous && sameContracts(previous.contracts, contracts)) return { block: previous.deploymentBlock };
  try {
    let high = await getBlockNumber(client);
    let low = 0n;
    if (!(await hasCodeAt(client, contracts.dataSbt as Address, high))) return { block: 0, note: 'DataSBT has no code yet' };
    while (low < high) {
      const mid = (low + high) / 2n;
      if (await hasCodeAt(client, contracts.dataSbt as Address, mid)) high = mid;
      else low = mid + 1n;
    }
    return { block: Number(low) };
  } catch {
    return { block: 0, note: 'the node keeps no old state, so deploymentBlock is 0 (event scans start at genesis)' };
  }
}
