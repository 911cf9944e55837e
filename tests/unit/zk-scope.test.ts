import { describe, expect, it } from 'vitest';
import { concat, keccak256, pad, toHex } from 'viem';
import { computeScope, MINT_POOL_ID } from '../../src/zk/scope';
import { SNARK_SCALAR_FIELD } from '../../src/zk/field';

const base = {
  chainId: 31337n,
  verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  poolId: MINT_POOL_ID,
  epoch: 2914n,
  holder: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
} as const;

describe('computeScope', () => {
  it('is keccak256 of the five 32-byte ABI words, shifted right by 8 bits', () => {
    const words = concat([
      pad(toHex(base.chainId)),
      pad(base.verifyingContract),
      pad(toHex(base.poolId)),
      pad(toHex(base.epoch)),
      pad(base.holder),
    ]);
    expect(computeScope(base)).toBe(BigInt(keccak256(words)) >> 8n);
  });

  it('stays below the scalar field', () => {
    expect(computeScope(base) < SNARK_SCALAR_FIELD).toBe(true);
  });

  it('changes with each bound value', () => {
    const s = computeScope(base);
    expect(computeScope({ ...base, chainId: 1n })).not.toBe(s);
    expect(computeScope({ ...base, verifyingContract: base.holder })).not.toBe(s);
    expect(computeScope({ ...base, poolId: 1n })).not.toBe(s);
    expect(computeScope({ ...base, epoch: 2915n })).not.toBe(s);
    expect(computeScope({ ...base, holder: base.verifyingContract })).not.toBe(s);
  });
});
