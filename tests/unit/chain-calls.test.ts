import { describe, expect, it } from 'vitest';
import { encodeFunctionData } from 'viem';
import { burnDataTokenCall, claimRewardsCall, epochOfTokenId, mintSbtCall, sbtTokenId, stakeIntoPoolCall, unstakeFromPoolCall } from '../../src/chain';
import { meetsPoolMinimum, scoreForPool } from '../../src/scoring/pool-eligibility';

const holder = '0x6a17283c57b7739219a3222e19cbf978d643be94' as const;
const pool = '0x00000000000000000000000000000000000000aa' as const;
const proof = { a: [1n, 2n], b: [[3n, 4n], [5n, 6n]], c: [7n, 8n] } as const;

describe('chain calls', () => {
  it('decodes the epoch of a token id (holder << 96 | epoch)', () => {
    for (const epoch of [0n, 1n, 2969n, (1n << 96n) - 1n]) expect(epochOfTokenId(sbtTokenId(holder, epoch))).toBe(epoch);
  });

  it('lays out every job-sent write once, in a shape viem encodes', () => {
    const calls = [
      mintSbtCall({ sbt: pool, epoch: 5n, nullifier: 11n, batches: [{ root: 12n, points: 10n, fingerprint: 1n, totalsCommitment: 2n, accOut: 3n, proof }] }),
      stakeIntoPoolCall({ pool, tokenId: 1n, nullifier: 2n, batches: [{ root: 12n, points: 3n, fingerprint: 1n, totalsCommitment: 2n, accOut: 3n, proof }] }),
      claimRewardsCall({ pool, tokenId: 1n }),
      unstakeFromPoolCall({ pool, tokenId: 1n }),
      burnDataTokenCall({ sbt: pool, tokenId: 1n }),
    ];
    expect(calls.map((c) => c.functionName)).toEqual(['mint', 'stake', 'claim', 'unstake', 'burn']);
    for (const c of calls) expect(encodeFunctionData(c as never)).toMatch(/^0x[0-9a-f]{8}/);
  });
});

describe('pool eligibility', () => {
  it('needs the minimum and never zero points', () => {
    expect(meetsPoolMinimum(0, 0n)).toBe(false);
    expect(meetsPoolMinimum(9, 10n)).toBe(false);
    expect(meetsPoolMinimum(10, 10n)).toBe(true);
    expect(scoreForPool([], { categoryMask: ~0n, minPoints: 0n })).toEqual({ points: 0, eligible: false });
  });
});
