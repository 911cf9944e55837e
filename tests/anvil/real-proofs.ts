/**
 * Real Groth16 proofs for contract tests and the gas benchmark, made with src/zk
 * (witness, snarkjs proving, Solidity packing): nothing about proofs is
 * re-implemented here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Address } from 'viem';
import { buildWitnessInput, computeScope, prove, toSolidityBatch, MINT_POOL_ID, type DomainDayRow } from '../../src/zk/index.ts';
import type { BatchProofArgs } from '../../src/chain/types.ts';
import { categoryMask, CATEGORY_KEYS } from '../../src/shared/categories.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type BatchSize = 8 | 256;

export function artifactsFor(batchSize: BatchSize) {
  return { wasm: path.join(ROOT, `public/zk/epoch-${batchSize}.wasm`), zkey: path.join(ROOT, `public/zk/epoch-${batchSize}.zkey`) };
}

export function hasArtifacts(batchSize: BatchSize): boolean {
  const a = artifactsFor(batchSize);
  return existsSync(a.wasm) && existsSync(a.zkey);
}

/** The command that regenerates a batch's committed wasm, zkey, vkey and verifier (docs/protocol.md §4). */
export function ceremonyCommand(batchSize: BatchSize): string {
  return batchSize === 8 ? 'npm run ceremony -- --batch 8' : `npm run ceremony -- --batch ${batchSize} --ptau FILE`;
}

/**
 * Throws unless the batch's proving artifacts are present. They are committed,
 * so a missing one is a broken checkout that must fail a test, never skip it.
 */
export function requireArtifacts(batchSize: BatchSize): void {
  if (hasArtifacts(batchSize)) return;
  const a = artifactsFor(batchSize);
  const missing = [a.wasm, a.zkey].filter((f) => !existsSync(f)).map((f) => path.relative(ROOT, f));
  throw new Error(`${missing.join(' and ')} missing: restore the committed files or regenerate them with \`${ceremonyCommand(batchSize)}\``);
}

export const ALL_CATEGORIES = categoryMask(CATEGORY_KEYS);

/** A small week of browsing in crypto (1), news (3) and finance (6). */
export function sampleRows(epoch: bigint, variant = 0): DomainDayRow[] {
  const first = Number(epoch) * 7;
  return [
    { domain: 'coins.example', day: first, category: 1, activeSeconds: 5_000 + variant * 100, visits: 9, interactions: 300 },
    { domain: 'markets.example', day: first + 2, category: 6, activeSeconds: 1_800, visits: 4, interactions: 40 },
    { domain: 'daily.example', day: first + 3, category: 3, activeSeconds: 900, visits: 2, interactions: 12 },
    { domain: 'coins.example', day: first + 5, category: 1, activeSeconds: 650, visits: 1, interactions: 5 },
  ];
}

export const SECRETS = { nullifierSecret: 7n, vaultSalt: 9n } as const;

export interface ProofRequest {
  rows: readonly DomainDayRow[];
  epoch: bigint;
  categoryMask: bigint;
  minPoints: bigint;
  /** The scope as the target contract will compute it. */
  scope: { chainId: number | bigint; verifyingContract: Address; poolId: bigint; holder: Address };
  secrets?: { nullifierSecret: bigint; vaultSalt: bigint };
  batchSize?: BatchSize;
}

export interface RealProof {
  nullifier: bigint;
  /** The week's points (the last batch's). */
  points: bigint;
  /** What the SBT stores: keccak over the batch roots >> 2. */
  weekRoot: bigint;
  batches: BatchProofArgs[];
}

export async function makeProof(req: ProofRequest): Promise<RealProof> {
  const batchSize = req.batchSize ?? 8;
  const scope = computeScope({ ...req.scope, epoch: req.epoch });
  const w = buildWitnessInput(req.rows, {
    epoch: Number(req.epoch),
    categoryMask: req.categoryMask,
    minPoints: req.minPoints,
    scope,
    secrets: req.secrets ?? SECRETS,
    batchSize,
  });
  const batches: BatchProofArgs[] = [];
  for (const b of w.batches) {
    const { proof } = await prove(b.input, artifactsFor(batchSize), { singleThread: true });
    batches.push(toSolidityBatch(b, proof));
  }
  return { nullifier: w.nullifier, points: w.points, weekRoot: w.commitment.weekRoot, batches };
}

/** A mint proof for `holder` on `sbt` (all categories, minimum 1). */
export function makeMintProof(p: { rows: readonly DomainDayRow[]; epoch: bigint; chainId: number; sbt: Address; holder: Address; secrets?: ProofRequest['secrets']; batchSize?: BatchSize }) {
  return makeProof({
    rows: p.rows, epoch: p.epoch, categoryMask: ALL_CATEGORIES, minPoints: 1n, secrets: p.secrets, batchSize: p.batchSize,
    scope: { chainId: p.chainId, verifyingContract: p.sbt, poolId: MINT_POOL_ID, holder: p.holder },
  });
}
