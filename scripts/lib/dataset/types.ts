/**
 * What a pool owner's dataset is written from: the pool, and per stake its
 * on-chain provenance, the verification outcome and the delivered data.
 */
import type { Address, Hex } from 'viem';

export interface DatasetPool {
  chainId: number;
  address: Address;
  /** Shown as the dataset's pretty name. */
  name: string;
  tier: 'records' | 'totals';
  /** Category keys of the pool's mask (src/shared/categories.ts). */
  categories: readonly string[];
  /** A Hugging Face license id (e.g. "cc-by-nc-4.0"), or "other" with `licenseName`. */
  license: string;
  licenseName?: string;
  /** The pool's terms of use, quoted in the card. */
  terms?: string;
  owner?: Address;
  description?: string;
}

/** One delivered record as it enters the dataset (verify.ts VerifiedRecord has these fields). */
export interface DatasetRecord {
  domain: string;
  categoryKey: string;
  /** YYYY-MM-DD. */
  date: string;
  activeSeconds: number;
  visits: number;
  interactions: number;
  /** The batch root that covers the record; the stake's root when absent. */
  root?: bigint;
}

export interface DatasetTotals {
  activeSeconds: number;
  visits: number;
  interactions: number;
  activeDomainDays: number;
}

export interface DatasetStake {
  chainId: number;
  pool: Address;
  token: bigint;
  holder: Address;
  epoch: number;
  /** The SBT's week root (a common week: its one batch root). */
  root: bigint;
  /** keccak256 of the envelope, as emitted by the stake. */
  deliveryHash: Hex;
  transaction: Hex;
  block: bigint | number;
  verified: boolean;
  /** A rejection code (src/delivery/rejections.ts) or an envelope error reason, when not verified. */
  reason?: string;
  message?: string;
  records?: readonly DatasetRecord[];
  totals?: DatasetTotals;
}

export interface DatasetInput {
  pool: DatasetPool;
  stakes: readonly DatasetStake[];
}
