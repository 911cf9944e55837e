import { describe, expect, it } from 'vitest';
import { toSolidityProof, toSolidityPublicSignals } from '../../src/zk/solidity';

describe('toSolidityProof', () => {
  const proof = {
    pi_a: ['1', '2', '1'],
    pi_b: [['3', '4'], ['5', '6'], ['1', '0']],
    pi_c: ['7', '8', '1'],
    protocol: 'groth16',
    curve: 'bn128',
  };

  it('drops the projective coordinate and swaps each G2 limb pair', () => {
    expect(toSolidityProof(proof)).toEqual({
      a: [1n, 2n],
      b: [[4n, 3n], [6n, 5n]],
      c: [7n, 8n],
    });
  });

  it('requires exactly eleven public signals', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => BigInt(i + 1));
    expect(toSolidityPublicSignals(eleven)).toEqual(eleven);
    expect(() => toSolidityPublicSignals([1n, 2n, 3n, 4n, 5n, 6n, 7n])).toThrow(RangeError);
  });
});
