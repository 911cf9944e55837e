import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// circomlibjs ships no types; it is the reference implementation our TS Poseidon must match.
// @ts-expect-error no declaration file
import { buildPoseidon } from 'circomlibjs';
import { poseidon } from '../../src/zk/poseidon';
import { SNARK_SCALAR_FIELD } from '../../src/zk/field';
import { ZkError } from '../../src/zk/errors';

const field = fc.bigInt({ min: 0n, max: SNARK_SCALAR_FIELD - 1n });

describe('poseidon (TS) against circomlibjs', () => {
  it('agrees for 1, 2, 3, 5, 8 and 16 inputs on random field elements', async () => {
    const ref = await buildPoseidon();
    const refHash = (xs: bigint[]): bigint => ref.F.toObject(ref(xs));
    for (const arity of [1, 2, 3, 5, 8, 16]) {
      fc.assert(
        fc.property(fc.array(field, { minLength: arity, maxLength: arity }), (xs) => {
          expect(poseidon(xs)).toBe(refHash(xs));
        }),
        { numRuns: arity === 16 ? 10 : 25 },
      );
    }
  });

  it('matches the published test vector Poseidon([1, 2])', () => {
    expect(poseidon([1n, 2n])).toBe(
      7853200120776062878684798364095072458815029376092732009249414926327459813530n,
    );
  });

  it('rejects inputs that are not field elements', () => {
    expect(() => poseidon([SNARK_SCALAR_FIELD])).toThrow(ZkError);
    expect(() => poseidon([-1n])).toThrow(ZkError);
  });

  it('has no constants for arities the circuit does not use', () => {
    expect(() => poseidon([1n, 2n, 3n, 4n])).toThrow(RangeError);
  });
});
