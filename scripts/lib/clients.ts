/** viem clients for anvil's fixed accounts (devnet, tests, benchmarks). */
import { createTestClient, createWalletClient, defineChain, http, publicActions, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { ANVIL_MNEMONIC } from './anvil.ts';
import type { SignerClient } from '../../src/chain/types.ts';

export function localChain(chainId: number, rpcUrl: string) {
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? 'Surf to Earn devnet' : `local ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** Anvil account `index` of the fixed mnemonic. */
export function anvilAccount(index: number) {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
}

/** Private key of anvil account 0: only ever used against a local devnet. */
export const ANVIL_KEY_0: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

/** A signer client (reads included) for `account` on a local chain. */
export function signerClient(chainId: number, rpcUrl: string, account: ReturnType<typeof anvilAccount>) {
  return createWalletClient({ account, chain: localChain(chainId, rpcUrl), transport: http(rpcUrl) }).extend(publicActions);
}

/** anvil_* / evm_* helpers (time travel, mining, snapshots). */
export function testClient(chainId: number, rpcUrl: string) {
  return createTestClient({ mode: 'anvil', chain: localChain(chainId, rpcUrl), transport: http(rpcUrl) }).extend(publicActions);
}

export type LocalSigner = SignerClient & ReturnType<typeof signerClient>;
