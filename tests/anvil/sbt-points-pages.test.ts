/**
 * DataSBT keeps each token's points in a 32-bit lane of the holder's points page
 * (8 epochs per storage slot) and derives balanceOf from the nonzero lanes. Tokens
 * sharing a page keep their own points, a burn clears only its lane, and the
 * balance follows mints and burns across pages. Accept-all verifier: proofs are
 * not the subject here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { lastFinishedEpoch, mintUnchecked, revertName, setupDevnet, type Devnet } from './helpers.ts';

let devnet: Devnet;
let sbt: Address;
beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier' });
  sbt = devnet.deployment.contracts.dataSbt as Address;
});
afterAll(async () => devnet?.stop());

const balance = (who: number) =>
  readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'balanceOf', args: [devnet.signers[who].account.address] });
const pointsOf = async (tokenId: bigint) =>
  (await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] }))[3];

describe('DataSBT points pages', () => {
  it('keeps points per token within and across pages; balanceOf counts live tokens', async () => {
    const last = await lastFinishedEpoch(devnet);
    const firstOfPage = last - (last % 8n) - 8n; // a full page before the current one
    // Every lane of one page (lowest, highest and the ones between), the next page, and epoch 0.
    const epochs = [...Array.from({ length: 8 }, (_, i) => firstOfPage + BigInt(i)), firstOfPage + 8n, 0n];
    const minted: [bigint, bigint][] = [];
    for (const [i, epoch] of epochs.entries()) {
      // A lane holds 24 bits of points (its top 8 bits count the token's live stakes).
      const points = i === 3 ? 2n ** 24n - 1n : BigInt(100 + i);
      const { tokenId } = await mintUnchecked(devnet, 1, points, epoch);
      minted.push([tokenId, points]);
      expect(await balance(1)).toBe(BigInt(i + 1));
    }
    for (const [tokenId, points] of minted) expect(await pointsOf(tokenId)).toBe(points);
    expect(await balance(2)).toBe(0n);

    // Burning clears one lane only; the balance follows.
    await burnDataToken(devnet.signers[1], { sbt, tokenId: minted[3][0] });
    expect(await balance(1)).toBe(BigInt(epochs.length - 1));
    for (const [j, [tokenId, points]] of minted.entries()) {
      if (j === 3) await expect(pointsOf(tokenId)).rejects.toThrow(/DataSBT__NonexistentToken/);
      else expect(await pointsOf(tokenId)).toBe(points);
    }
    // The burned (holder, epoch) still cannot mint again.
    expect(await revertName(mintUnchecked(devnet, 1, 5n, epochs[3]))).toBe('DataSBT__AlreadyMinted');
  });

  it('refuses points that do not fit a lane (a real proof never exceeds 4,200)', async () => {
    expect(await revertName(mintUnchecked(devnet, 2, 2n ** 24n))).toBe('DataSBT__PointsTooLarge');
  });
});
