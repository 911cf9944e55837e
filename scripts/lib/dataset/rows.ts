/**
 * Stakes → the dataset's rows, in one canonical order (chain, pool, token,
 * date, domain, root) so the same input always gives the same files.
 */
import { toHex } from 'viem';
import type { DatasetStake } from './types.ts';

export interface Provenance {
  chain_id: number;
  pool: string;
  token_id: string;
  holder: string;
  epoch: number;
  root: string;
  delivery_hash: string;
  transaction: string;
  block: number;
  verified: boolean;
}

export interface RecordRow extends Provenance {
  domain: string;
  category: string;
  date: string;
  active_seconds: number;
  visits: number;
  interactions: number;
}

export interface TotalsRow extends Provenance {
  active_seconds: number;
  visits: number;
  interactions: number;
  active_domain_days: number;
}

const hex32 = (v: bigint): string => toHex(v, { size: 32 });
const cmp = (a: string | number | bigint, b: string | number | bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function provenance(s: DatasetStake, root: bigint): Provenance {
  return {
    chain_id: s.chainId,
    pool: s.pool.toLowerCase(),
    token_id: s.token.toString(),
    holder: s.holder.toLowerCase(),
    epoch: s.epoch,
    root: hex32(root),
    delivery_hash: s.deliveryHash.toLowerCase(),
    transaction: s.transaction.toLowerCase(),
    block: Number(s.block),
    verified: s.verified,
  };
}

function byStake(a: Provenance, b: Provenance): number {
  return cmp(a.chain_id, b.chain_id) || cmp(a.pool, b.pool) || cmp(BigInt(a.token_id), BigInt(b.token_id)) || cmp(a.transaction, b.transaction);
}

export function recordRows(stakes: readonly DatasetStake[]): RecordRow[] {
  return stakes
    .flatMap((s) =>
      (s.records ?? []).map((r): RecordRow => ({
        ...provenance(s, r.root ?? s.root),
        domain: r.domain,
        category: r.categoryKey,
        date: r.date,
        active_seconds: r.activeSeconds,
        visits: r.visits,
        interactions: r.interactions,
      })),
    )
    .sort((a, b) => byStake(a, b) || cmp(a.date, b.date) || cmp(a.domain, b.domain) || cmp(a.root, b.root));
}

export function totalsRows(stakes: readonly DatasetStake[]): TotalsRow[] {
  return stakes
    .flatMap((s) =>
      s.totals
        ? [
            {
              ...provenance(s, s.root),
              active_seconds: s.totals.activeSeconds,
              visits: s.totals.visits,
              interactions: s.totals.interactions,
              active_domain_days: s.totals.activeDomainDays,
            },
          ]
        : [],
    )
    .sort(byStake);
}

export interface StakeVerification {
  chain_id: number;
  pool: string;
  token_id: string;
  holder: string;
  epoch: number;
  root: string;
  delivery_hash: string;
  transaction: string;
  block: number;
  verified: boolean;
  reason: string | null;
  message: string | null;
  rows: number;
}

/** One entry per stake: verified, or the code and message of why not. */
export function verificationEntries(stakes: readonly DatasetStake[]): StakeVerification[] {
  return stakes
    .map((s) => ({
      ...provenance(s, s.root),
      reason: s.verified ? null : (s.reason ?? 'unknown'),
      message: s.verified ? null : (s.message ?? null),
      rows: s.records?.length ?? (s.totals ? 1 : 0),
    }))
    .sort(byStake);
}
