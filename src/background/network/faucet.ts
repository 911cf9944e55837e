import { parseEther, toHex, type Address } from 'viem';
import { toNetworkError } from './rpc-errors';

/** What the devnet faucet sets the balance to. */
export const FAUCET_AMOUNT = parseEther('10');

/** Any EIP-1193 requester (a viem client); method syntax keeps viem's typed request assignable. */
export interface RawRequester {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
}

/**
 * Sets `address`'s ETH to FAUCET_AMOUNT with anvil_setBalance: "Get test ETH"
 * on the local devnet only (the caller checks the network is the devnet; a node
 * that is not anvil refuses the method and this throws NetworkError).
 */
export async function fundFromFaucet(client: RawRequester, params: { address: Address; rpcUrl: string; amount?: bigint }): Promise<void> {
  try {
    await client.request({ method: 'anvil_setBalance', params: [params.address, toHex(params.amount ?? FAUCET_AMOUNT)] });
  } catch (err) {
    throw toNetworkError('Get test ETH', params.rpcUrl, err);
  }
}
