/**
 * DataSBT mint with real Groth16 proofs (N=8 verifier, src/zk prover): a proof
 * is bound to holder, chain, contract and epoch, and cannot be replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, type Address } from 'viem';
import { deployContract, readContract, waitForTransactionReceipt, writeContract } from 'viem/actions';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { dataSBTAbi, dataSBTBytecode } from '../../src/chain/generated/index.ts';
import { SNARK_SCALAR_FIELD } from '../../src/zk/index.ts';
import { scoreDomainDays } from '../../src/scoring/score.ts';
import { startDevnet } from '../../scripts/devnet.ts';
import { lastFinishedEpoch, revertName, setupDevnet, type Devnet } from './helpers.ts';
import { makeMintProof, sampleRows, type RealProof } from './real-proofs.ts';

let devnet: Devnet;
let sbt: Address;
let epoch: bigint;

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
  sbt = devnet.deployment.contracts.dataSbt as Address;
  epoch = await lastFinishedEpoch(devnet);
});
afterAll(async () => devnet?.stop());

const holder = (i: number) => devnet.signers[i].account.address;
const mintWith = (who: number, p: RealProof, target = sbt, ep = epoch) =>
  mintSbt(devnet.signers[who], { sbt: target, epoch: ep, nullifier: p.nullifier, batches: p.batches });
const proofFor = (who: number, extra: { chainId?: number; sbt?: Address; epoch?: bigint } = {}) =>
  makeMintProof({ rows: sampleRows(extra.epoch ?? epoch), epoch: extra.epoch ?? epoch, chainId: extra.chainId ?? devnet.anvil.chainId, sbt: extra.sbt ?? sbt, holder: holder(who) });

describe('DataSBT.mint with real proofs', () => {
  it('mints with a valid proof and stores root, epoch and the proven points', async () => {
    const p = await proofFor(1);
    expect(p.points).toBe(BigInt(scoreDomainDays(sampleRows(epoch))));
    const minted = await mintWith(1, p);
    const [owner, storedEpoch, root, points] = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [minted.tokenId] });
    expect([owner, storedEpoch, root, points]).toEqual([holder(1), epoch, p.weekRoot, p.points]);
    expect(p.batches).toHaveLength(1);

    // The same proof again: the (holder, epoch) record exists.
    expect(await revertName(mintWith(1, p))).toBe('DataSBT__AlreadyMinted');
  });

  it('rejects a proof made for another holder', async () => {
    const p = await proofFor(2);
    expect(await revertName(mintWith(3, p))).toBe('DataSBT__InvalidProof');
    await mintWith(2, p); // control: valid for its own holder
  });

  it('rejects a proof made for another chain (same addresses, chain id 1337)', async () => {
    const other = await startDevnet({ chainId: 1337, verifier: 'EpochVerifier8', accounts: 4 });
    try {
      expect(other.deployment.contracts.dataSbt).toBe(sbt); // same deployer and nonces: only the chain differs
      const p = await proofFor(3, { chainId: 1337 });
      expect(await revertName(mintWith(3, p))).toBe('DataSBT__InvalidProof');
      const ok = await mintSbt(other.signers[3], { sbt, epoch, nullifier: p.nullifier, batches: p.batches });
      expect(ok.tokenId).toBeGreaterThan(0n);
    } finally {
      await other.stop();
    }
  });

  it('rejects a proof made for another DataSBT contract', async () => {
    const hash = await deployContract(devnet.signers[0], { abi: dataSBTAbi, bytecode: dataSBTBytecode, args: [devnet.deployment.contracts.verifier as Address] });
    const second = getAddress((await waitForTransactionReceipt(devnet.test, { hash })).contractAddress!);
    const p = await proofFor(4, { sbt: second });
    expect(await revertName(mintWith(4, p))).toBe('DataSBT__InvalidProof');
    await mintWith(4, p, second); // control
  });

  it('rejects tampered public inputs: points, the same root for another week, and a root aliased above the field', async () => {
    const previous = epoch - 1n;
    const p = await proofFor(1, { epoch: previous });
    const withBatch = (change: Partial<RealProof['batches'][number]>): RealProof => ({ ...p, batches: [{ ...p.batches[0], ...change }] });
    expect(await revertName(mintWith(1, withBatch({ points: p.points + 1n }), sbt, previous))).toBe('DataSBT__InvalidProof');
    // The root binds its week: the same commitment and proof cannot mint any other epoch.
    expect(await revertName(mintWith(1, p, sbt, previous - 1n))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, withBatch({ root: p.batches[0].root + SNARK_SCALAR_FIELD }), sbt, previous))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, withBatch({ accOut: p.batches[0].accOut + 1n }), sbt, previous))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, withBatch({ fingerprint: p.batches[0].fingerprint + 1n }), sbt, previous))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, { ...p, nullifier: p.nullifier + SNARK_SCALAR_FIELD }, sbt, previous))).toBe('DataSBT__InvalidProof');
    await mintWith(1, p, sbt, previous); // control: untampered it mints
  });

  it('cannot mint with gas short of the pairing check (the verifier would return false; the write reverts)', async () => {
    const previous = epoch - 3n;
    const p = await proofFor(2, { epoch: previous });
    const args = [previous, p.nullifier, p.batches] as const;
    const estimate = await devnet.signers[2].estimateContractGas({ address: sbt, abi: dataSBTAbi, functionName: 'mint', args });
    const hash = await writeContract(devnet.signers[2], { address: sbt, abi: dataSBTAbi, functionName: 'mint', args, gas: estimate - 60_000n });
    const receipt = await waitForTransactionReceipt(devnet.test, { hash });
    expect(receipt.status).toBe('reverted');
    const tokenId = (BigInt(holder(2)) << 96n) | previous;
    expect(await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'everMinted', args: [tokenId] })).toBe(false);
    expect((await mintWith(2, p, sbt, previous)).gasUsed).toBeLessThanOrEqual(estimate); // control: the estimate suffices
  });
});
