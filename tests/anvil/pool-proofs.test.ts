/**
 * DataStakingPool.stake with real Groth16 proofs (N=8 verifier, src/zk prover):
 * the proof is checked against the SBT's root and epoch, the pool's mask and
 * minimum and this pool's scope; weight = proven points in the pool's categories.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { scoreDomainDays } from '../../src/scoring/score.ts';
import { createTestPool, lastFinishedEpoch, revertName, setupDevnet, type Devnet } from './helpers.ts';
import { makeMintProof, makeProof, sampleRows, type RealProof } from './real-proofs.ts';

const MASK = categoryMask(['crypto', 'finance']);
const MIN_POINTS = 10n;

let devnet: Devnet;
let epoch: bigint;
let pools: Address[];
const tokens = new Map<number, bigint>();

const holder = (i: number) => devnet.signers[i].account.address;

/** A stake proof over `rows` for `who` in `pool` (scope as that pool computes it, unless overridden). */
function stakeProof(who: number, pool: Address, poolId: bigint, opts: { rows?: ReturnType<typeof sampleRows>; mask?: bigint; chainId?: number } = {}) {
  return makeProof({
    rows: opts.rows ?? sampleRows(epoch), epoch, categoryMask: opts.mask ?? MASK, minPoints: MIN_POINTS,
    scope: { chainId: opts.chainId ?? devnet.anvil.chainId, verifyingContract: pool, poolId, holder: holder(who) },
  });
}
const stakeWith = (who: number, pool: Address, p: RealProof, tokenId = tokens.get(who)!) =>
  stakeIntoPool(devnet.signers[who], { pool, tokenId, nullifier: p.nullifier, batches: p.batches });

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
  epoch = await lastFinishedEpoch(devnet);
  const sbt = devnet.deployment.contracts.dataSbt as Address;
  // Holders 1 and 2 commit to the same rows with the same secrets (same root); holder 3 to other rows.
  for (const [who, variant] of [[1, 0], [2, 0], [3, 1]] as const) {
    const rows = sampleRows(epoch, variant);
    const p = await makeMintProof({ rows, epoch, chainId: devnet.anvil.chainId, sbt, holder: holder(who) });
    tokens.set(who, (await mintSbt(devnet.signers[who], { sbt, epoch, nullifier: p.nullifier, batches: p.batches })).tokenId);
  }
  pools = [];
  for (let i = 0; i < 2; i++) pools.push((await createTestPool(devnet, { categories: ['crypto', 'finance'], minPoints: MIN_POINTS })).pool);
});
afterAll(async () => devnet?.stop());

describe('DataStakingPool.stake with real proofs', () => {
  it('stakes with a valid proof; weight is the proven points in the pool’s categories; a replay reverts', async () => {
    const p = await stakeProof(1, pools[0], 1n);
    expect(p.points).toBe(BigInt(scoreDomainDays(sampleRows(epoch), MASK)));
    expect(p.points).toBeLessThan(BigInt(scoreDomainDays(sampleRows(epoch)))); // news is not counted
    await stakeWith(1, pools[0], p);
    const record = await readContract(devnet.test, { address: pools[0], abi: dataStakingPoolAbi, functionName: 'stakeOf', args: [tokens.get(1)!] });
    expect(BigInt(record.weight)).toBe(p.points);
    expect(await readContract(devnet.test, { address: pools[0], abi: dataStakingPoolAbi, functionName: 'totalWeight' })).toBe(p.points);
    expect(await revertName(stakeWith(1, pools[0], p))).toBe('DataStakingPool__AlreadyStaked');
  });

  it('rejects a proof made for another pool with the same terms', async () => {
    const forFirst = await stakeProof(2, pools[0], 1n);
    expect(await revertName(stakeWith(2, pools[1], forFirst))).toBe('DataStakingPool__InvalidProof');
    await stakeWith(2, pools[0], forFirst); // control
  });

  it('rejects a proof made for another holder, even over the same root and epoch', async () => {
    const forHolder1 = await stakeProof(1, pools[1], 2n);
    expect(await revertName(stakeWith(2, pools[1], forHolder1))).toBe('DataStakingPool__InvalidProof');
    expect(await revertName(stakeWith(2, pools[1], forHolder1, tokens.get(1)))).toBe('DataStakingPool__NotHolder');
  });

  it('rejects a proof made for another chain', async () => {
    const p = await stakeProof(2, pools[1], 2n, { chainId: 1 });
    expect(await revertName(stakeWith(2, pools[1], p))).toBe('DataStakingPool__InvalidProof');
  });

  it('rejects a proof over other data than the token’s commitment', async () => {
    const p = await stakeProof(3, pools[1], 2n, { rows: sampleRows(epoch, 0) }); // holder 3 minted variant 1
    expect(await revertName(stakeWith(3, pools[1], p))).toBe('DataStakingPool__InvalidProof');
    await stakeWith(3, pools[1], await stakeProof(3, pools[1], 2n, { rows: sampleRows(epoch, 1) })); // control
  });

  it('rejects a proof for other categories than the pool’s', async () => {
    const p = await stakeProof(2, pools[1], 2n, { mask: categoryMask(['crypto']) });
    expect(await revertName(stakeWith(2, pools[1], p))).toBe('DataStakingPool__InvalidProof');
  });
});
