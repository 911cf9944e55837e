/**
 * Poseidon over BN254 with circomlib's parameters (8 full rounds, the partial
 * rounds of circomlib for t = inputs + 1, x^5 S-box), bit for bit the same
 * function as circomlib's `Poseidon(n)` template. Plain bigint arithmetic so it
 * runs in Node and in the extension without wasm; only the arities the circuit
 * uses (1, 2, 3, 5, 8, 16) carry constants (src/zk/generated, from circomlibjs).
 * tests/unit/zk-poseidon.test.ts checks it against circomlibjs.
 */
import { POSEIDON_CONSTANTS } from './generated/poseidon-constants.ts';
import { SNARK_SCALAR_FIELD as P, assertFieldElement } from './field.ts';

const FULL_ROUNDS = 8;
const PARTIAL_ROUNDS = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];

interface Params {
  C: bigint[];
  M: bigint[][];
}
const cache = new Map<number, Params>();

function params(n: number): Params {
  let p = cache.get(n);
  if (!p) {
    const raw = POSEIDON_CONSTANTS[n];
    if (!raw) throw new RangeError(`Poseidon(${n}) is not available`);
    p = { C: raw.C.map((x) => BigInt(x)), M: raw.M.map((row) => row.map((x) => BigInt(x))) };
    cache.set(n, p);
  }
  return p;
}

const pow5 = (x: bigint): bigint => {
  const x2 = (x * x) % P;
  return (((x2 * x2) % P) * x) % P;
};

/** Poseidon hash of 1, 2, 3, 5, 8 or 16 field elements (each must be < r). */
export function poseidon(inputs: readonly bigint[]): bigint {
  const { C, M } = params(inputs.length);
  const t = inputs.length + 1;
  const partial = PARTIAL_ROUNDS[t - 2];
  let state = [0n, ...inputs.map((x, i) => assertFieldElement(`poseidon input ${i}`, x))];
  for (let r = 0; r < FULL_ROUNDS + partial; r++) {
    state = state.map((x, i) => (x + C[r * t + i]) % P);
    if (r < FULL_ROUNDS / 2 || r >= FULL_ROUNDS / 2 + partial) {
      state = state.map(pow5);
    } else {
      state[0] = pow5(state[0]);
    }
    const next = new Array<bigint>(t);
    for (let i = 0; i < t; i++) {
      let acc = 0n;
      for (let j = 0; j < t; j++) acc += M[i][j] * state[j];
      next[i] = acc % P;
    }
    state = next;
  }
  return state[0];
}
