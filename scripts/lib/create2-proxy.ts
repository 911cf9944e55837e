/**
 * Putting the CREATE2 proxy on a chain that lacks it: fund its one-time signer with
 * exactly what the presigned transaction costs, then broadcast that transaction.
 * Nodes that refuse transactions without a chain id (pre-EIP-155) reject it; the
 * chain's operators then have to add the proxy (most public chains already have it).
 */
import { formatEther, type Hex } from 'viem';
import { getBalance, getCode, sendRawTransaction, sendTransaction, waitForTransactionReceipt } from 'viem/actions';
import type { SignerClient } from '../../src/chain/types.ts';
import { CREATE2_PROXY, CREATE2_PROXY_DEPLOY_COST, CREATE2_PROXY_SIGNER, CREATE2_PROXY_RUNTIME, proxyDeploymentTransaction } from './create2.ts';

/** What to tell someone whose chain has no proxy. */
export function missingProxyHelp(chain: string): string {
  return [
    `Chain ${chain} has no CREATE2 deployment proxy at ${CREATE2_PROXY}, so the deterministic addresses cannot be used yet. Nothing was sent.`,
    `Add --deploy-proxy to put it there first: the deployer sends ${formatEther(CREATE2_PROXY_DEPLOY_COST)} ETH to its one-time signer`,
    `${CREATE2_PROXY_SIGNER}, then the published presigned transaction (github.com/Arachnid/deterministic-deployment-proxy) is broadcast.`,
    'If the node refuses it (it has no chain id, pre-EIP-155), ask the chain operators to add the proxy (many predeploy it at genesis).',
  ].join('\n');
}

/** The gas the two proxy transactions need from the deployer (the funding transfer; the presigned one pays itself). */
export const PROXY_FUNDING_GAS = 21_000n;

/** Funds the signer if needed and broadcasts the presigned transaction; returns the hashes sent. */
export async function deployCreate2Proxy(client: SignerClient): Promise<Hex[]> {
  const serializedTransaction = await proxyDeploymentTransaction();
  const hashes: Hex[] = [];
  const held = await getBalance(client, { address: CREATE2_PROXY_SIGNER });
  if (held < CREATE2_PROXY_DEPLOY_COST) {
    const hash = await sendTransaction(client, { account: client.account, chain: client.chain, to: CREATE2_PROXY_SIGNER, value: CREATE2_PROXY_DEPLOY_COST - held });
    hashes.push(hash);
    await waitForTransactionReceipt(client, { hash });
  }
  let hash: Hex;
  try {
    hash = await sendRawTransaction(client, { serializedTransaction });
  } catch (err) {
    throw new Error(`The node refused the proxy's presigned transaction (${(err as Error).message.split('\n')[0]}). ${missingProxyHelp(String(client.chain.id)).split('\n').at(-1)}`, { cause: err });
  }
  hashes.push(hash);
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success') throw new Error(`The proxy's presigned transaction ${hash} failed: is something else at ${CREATE2_PROXY}?`);
  const code = (await getCode(client, { address: CREATE2_PROXY })) ?? '0x';
  if (code.toLowerCase() !== CREATE2_PROXY_RUNTIME) throw new Error(`The proxy is not at ${CREATE2_PROXY} after tx ${hash}.`);
  return hashes;
}
