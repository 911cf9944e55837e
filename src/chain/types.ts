import type { Account, Address, Chain, Client, Hex, Transport } from 'viem';

/** A client that can read, sign and send: transport, chain and a local or JSON-RPC account. */
export type SignerClient = Client<Transport, Chain, Account>;
/** A client for reads only. */
export type ReaderClient = Client<Transport, Chain | undefined>;

/** Groth16 proof in the contracts' struct layout (pack it with src/zk, never by hand). */
export interface SolidityProof {
  a: readonly [bigint, bigint];
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]];
  c: readonly [bigint, bigint];
}

/** Outcome of a state-changing action. */
export interface TxResult {
  hash: Hex;
  gasUsed: bigint;
  blockNumber: bigint;
}

export type { Address, Hex };
