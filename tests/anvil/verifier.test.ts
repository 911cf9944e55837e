/**
 * The generated verifier (scripts/gen-verifier.mjs) against the snarkjs template
 * rendered from the same zkey, on a real anvil with real N=8 proofs from src/zk:
 * both accept exactly the same (proof, signals), the precomputed-base path agrees
 * with both, and a base for another mask or minimum, an input >= r or a point off
 * the curve is rejected. Out of gas reverts instead of returning false.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, getAddress, type Abi, type Address, type Hex } from 'viem';
import { call, deployContract, readContract, waitForTransactionReceipt } from 'viem/actions';
import * as snarkjs from 'snarkjs';
import { epochVerifier8Abi } from '../../src/chain/generated/index.ts';
import { SNARK_SCALAR_FIELD } from '../../src/zk/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import type { SolidityProof } from '../../src/chain/types.ts';
import { compileContracts } from '../../scripts/lib/solc.ts';
import { PUBLIC_SIGNALS, SMALL_SIGNALS, powersOfTwo } from '../../scripts/gen-verifier.mjs';
import { setupDevnet, type Devnet } from './helpers.ts';
import { makeProof, sampleRows } from './real-proofs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;
const R = SNARK_SCALAR_FIELD;
const MASK = categoryMask(['crypto', 'finance']);
const MIN_POINTS = 5n;

let devnet: Devnet;
let generated: Address;
let reference: Address;
let referenceAbi: Abi;
let real: { proof: SolidityProof };
let signals: bigint[];

type Signals = readonly bigint[];

/** The snarkjs Groth16 template rendered for the committed N=8 zkey, compiled with our solc settings. */
async function deployReference(): Promise<Address> {
  const template = readFileSync(path.join(ROOT, 'node_modules/snarkjs/templates/verifier_groth16.sol.ejs'), 'utf8');
  const { zKey } = snarkjs as unknown as { zKey: { exportSolidityVerifier(zkey: string, templates: { groth16: string }): Promise<string> } };
  const source = await zKey.exportSolidityVerifier(path.join(ROOT, 'public/zk/epoch-8.zkey'), { groth16: template });
  const [compiled] = compileContracts({ 'reference/SnarkjsVerifier.sol': source }, ROOT);
  referenceAbi = compiled.abi as Abi;
  const hash = await deployContract(devnet.signers[0], { abi: referenceAbi, bytecode: compiled.bytecode });
  return getAddress((await waitForTransactionReceipt(devnet.test, { hash })).contractAddress!);
}

const args = (p: SolidityProof) => [p.a, p.b, p.c] as const;
const tuple11 = (s: Signals) => s as unknown as readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
/** Signals 7 (categoryMask) and 8 (minPoints) go into the base; the rest, in order, to verifyProofWithBase. */
const REST = [0, 1, 2, 3, 4, 5, 6, 9, 10] as const;

const viaReference = (p: SolidityProof, s: Signals) =>
  readContract(devnet.test, { address: reference, abi: referenceAbi, functionName: 'verifyProof', args: [...args(p), s] }) as Promise<boolean>;
const viaGenerated = (p: SolidityProof, s: Signals) =>
  readContract(devnet.test, { address: generated, abi: epochVerifier8Abi, functionName: 'verifyProof', args: [...args(p), tuple11(s)] });
const baseFor = (mask: bigint, min: bigint) =>
  readContract(devnet.test, { address: generated, abi: epochVerifier8Abi, functionName: 'precomputeBase', args: [mask, min] });
const viaBase = (p: SolidityProof, base: readonly [bigint, bigint], s: Signals) =>
  readContract(devnet.test, {
    address: generated, abi: epochVerifier8Abi, functionName: 'verifyProofWithBase',
    args: [...args(p), base, REST.map((i) => s[i]) as unknown as readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]],
  });

/** A real proof at `epoch` (rows variant `variant`) and its eleven signals, for holder 1. */
async function realAt(epoch: bigint, variant: number) {
  const { computeScope } = await import('../../src/zk/index.ts');
  const scope = { chainId: 31337, verifyingContract: generated, poolId: 3n, holder: devnet.signers[1].account.address };
  const p = await makeProof({ rows: sampleRows(epoch, variant), epoch, categoryMask: MASK, minPoints: MIN_POINTS, scope });
  const b = p.batches[0];
  // minPoints is 0 in the circuit (the contracts check the week's final points); accIn 0 (a first batch).
  const signals = [p.nullifier, b.points, b.fingerprint, b.totalsCommitment, b.accOut, b.root, epoch, MASK, 0n, computeScope({ ...scope, epoch }), 0n];
  return { proof: b.proof, signals };
}

/** All three paths on one (proof, signals); the base path only when mask and minimum are in the field. */
async function verdicts(p: SolidityProof, s: Signals) {
  const ref = await viaReference(p, s);
  const gen = await viaGenerated(p, s);
  const withBase = s[7] < R && s[8] < R ? await viaBase(p, await baseFor(s[7], s[8]), s) : gen;
  return { ref, gen, withBase };
}

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'EpochVerifier8', accounts: 2 });
  generated = devnet.deployment.contracts.verifier as Address;
  reference = await deployReference();
  const first = await realAt(2_900n, 0);
  real = { proof: first.proof };
  signals = first.signals;
}, 120_000);
afterAll(async () => devnet?.stop());

describe('generated EpochVerifier8 vs the snarkjs template', () => {
  it('accepts the real proof on every path', async () => {
    expect(await verdicts(real.proof, signals)).toEqual({ ref: true, gen: true, withBase: true });
  });

  it('accepts real proofs whose epochs and points set every bit of the small-signal fast path', async () => {
    // Leaf days are < 2^16, so epochs are <= 9,361: these three set epoch bits 0–13 between them
    // (bits 14–15 are checked against ffjavascript below); the variants change the points.
    for (const [epoch, variant] of [[0x1555n, 3], [0x0aaan, 7], [0x23ffn, 11]] as const) {
      const { proof, signals: s } = await realAt(epoch, variant);
      expect(await verdicts(proof, s), `epoch ${epoch}, points ${s[1]}`).toEqual({ ref: true, gen: true, withBase: true });
    }
  }, 60_000);

  it('agrees with the template on every altered signal (+1, +2^16, +r, = r, = 0, = 2^256 − 1)', async () => {
    for (let i = 0; i < signals.length; i++) {
      for (const v of [signals[i] + 1n, signals[i] + 2n ** 16n, signals[i] + R, R, 0n, 2n ** 256n - 1n].filter((x) => x !== signals[i])) {
        const s = signals.map((x, j) => (j === i ? v : x));
        expect(await verdicts(real.proof, s), `signal ${i} = ${v}`).toEqual({ ref: false, gen: false, withBase: false });
      }
    }
  });

  it('agrees with the template on altered proofs', async () => {
    const p = real.proof;
    const variants: [string, SolidityProof][] = [
      ['a.x + 1', { ...p, a: [p.a[0] + 1n, p.a[1]] }],
      ['a negated', { ...p, a: [p.a[0], Q - p.a[1]] }],
      ['a.y + q', { ...p, a: [p.a[0], p.a[1] + Q] }],
      ['a.x + q', { ...p, a: [p.a[0] + Q, p.a[1]] }],
      ['b limbs swapped', { ...p, b: [[p.b[0][1], p.b[0][0]], p.b[1]] }],
      ['b.y + 1', { ...p, b: [p.b[0], [p.b[1][0] + 1n, p.b[1][1]]] }],
      ['c.x + 1', { ...p, c: [p.c[0] + 1n, p.c[1]] }],
      ['c := a', { ...p, c: p.a }],
      ['all zero', { a: [0n, 0n], b: [[0n, 0n], [0n, 0n]], c: [0n, 0n] }],
    ];
    for (const [name, v] of variants) {
      const out = await verdicts(v, signals);
      expect(out.gen, name).toBe(out.ref);
      expect(out.withBase, name).toBe(out.ref);
      expect(out.ref, name).toBe(false);
    }
  });

  it('rejects a base computed for another mask or minimum', async () => {
    for (const [mask, min] of [[MASK | 1n, 0n], [MASK, MIN_POINTS], [MASK, 1n], [categoryMask(['crypto']), 0n]] as const) {
      expect(await viaBase(real.proof, await baseFor(mask, min), signals), `${mask}/${min}`).toBe(false);
    }
  });

  it('rejects a base that is not a point of G1, and takes (0, 0) as the point at infinity', async () => {
    const [x, y] = await baseFor(MASK, 0n);
    for (const bad of [[x, y + 1n], [x + Q, y], [x, y + Q], [0n, 1n]] as const) {
      expect(await viaBase(real.proof, bad, signals)).toBe(false);
    }
    expect(await viaBase(real.proof, [0n, 0n], signals)).toBe(false);
  });

  it('precomputeBase refuses inputs >= r and matches the eleven-signal sum', async () => {
    await expect(baseFor(R, 1n)).rejects.toThrow(/EpochVerifier__NotInField/);
    await expect(baseFor(1n, R)).rejects.toThrow(/EpochVerifier__NotInField/);
    // Base for (0, 0) is IC0: verifying with it equals the full verifier with mask = min = 0.
    const s = signals.map((x, j) => (j === 7 ? 0n : x));
    expect(await viaBase(real.proof, await baseFor(0n, 0n), s)).toBe(await viaReference(real.proof, s));
  });

  it('reverts EpochVerifier__OutOfGas where the template returns false for lack of gas', async () => {
    const data = (abi: Abi) => encodeFunctionData({ abi, functionName: 'verifyProof', args: [...args(real.proof), signals] });
    const ref = await call(devnet.test, { to: reference, data: data(referenceAbi), gas: 150_000n });
    expect(BigInt(ref.data as Hex)).toBe(0n); // the template: "false" for a valid proof
    await expect(call(devnet.test, { to: generated, data: data(epochVerifier8Abi as Abi), gas: 150_000n })).rejects.toThrow(/0x2553cd72|OutOfGas|revert/i);
    await expect(call(devnet.test, { to: generated, data: data(epochVerifier8Abi as Abi), gas: 60_000n })).rejects.toThrow(/0x2553cd72|OutOfGas|revert/i);
  });
});

describe('precomputed multiples in scripts/gen-verifier.mjs', () => {
  it('are 2^k·IC as ffjavascript computes them', async () => {
    const require = createRequire(import.meta.url);
    const { buildBn128 } = require('ffjavascript') as { buildBn128(singleThread?: boolean): Promise<Bn128> };
    interface Bn128 {
      G1: { fromObject(p: bigint[]): unknown; timesScalar(p: unknown, s: bigint): unknown; toAffine(p: unknown): unknown; toObject(p: unknown): bigint[] };
      terminate(): Promise<void>;
    }
    const bn128 = await buildBn128(true);
    try {
      for (const batch of [8, 256]) {
        const vkey = JSON.parse(readFileSync(path.join(ROOT, `public/zk/epoch-${batch}.vkey.json`), 'utf8')) as { IC: string[][] };
        for (const [signal, bits] of Object.entries(SMALL_SIGNALS)) {
          const ic = vkey.IC[PUBLIC_SIGNALS.indexOf(signal) + 1];
          const ours = powersOfTwo(ic, bits);
          const point = bn128.G1.fromObject(ic.map(BigInt));
          for (let k = 0; k < bits; k++) {
            const [x, y] = bn128.G1.toObject(bn128.G1.toAffine(bn128.G1.timesScalar(point, 1n << BigInt(k))));
            expect(ours[k], `${batch}: 2^${k}·IC(${signal})`).toEqual([x.toString(), y.toString()]);
          }
        }
      }
    } finally {
      await bn128.terminate();
    }
  });
});
