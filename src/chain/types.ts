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

/** One batch of a week's proof in the contracts' `BatchProof` layout (contracts/lib/WeekProofs.sol). */
export interface BatchProofArgs {
  root: bigint;
  points: bigint;
  fingerprint: bigint;
  totalsCommitment: bigint;
  accOut: bigint;
  proof: SolidityProof;
}

/** A week's proofs for a mint or a stake: one nullifier, 1 to 16 chained batches. */
export interface WeekProofArgs {
  nullifier: bigint;
  batches: readonly BatchProofArgs[];
}

/** Outcome of a state-changing action. */
export interface TxResult {
  hash: Hex;
  gasUsed: bigint;
  blockNumber: bigint;
}

export type { Address, Hex };
