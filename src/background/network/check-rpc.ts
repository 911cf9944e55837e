import { getChainId } from 'viem/actions';
import type { ReaderClient } from '../../chain/types';
import { NetworkError } from './network-error';
import { toNetworkError } from './rpc-errors';

/**
 * Asks the node for eth_chainId and insists it is the deployment's chain, so a
 * setting never points the wallet at a node where the deployment's addresses
 * mean something else (or nothing). Throws NetworkError('network_unavailable').
 */
export async function checkRpcChainId(client: ReaderClient, params: { rpcUrl: string; chainId: number }): Promise<void> {
  let answered: number;
  try {
    answered = await getChainId(client);
  } catch (err) {
    const e = toNetworkError('Check network', params.rpcUrl, err);
    throw new NetworkError('network_unavailable', e.message, { cause: err });
  }
  if (answered !== params.chainId) {
    throw new NetworkError(
      'network_unavailable',
      `The node at ${params.rpcUrl} is chain ${answered}, but the deployment is for chain ${params.chainId}.`,
    );
  }
}
