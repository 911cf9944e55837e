#!/usr/bin/env node
/**
 * Writes the Groth16 verifier of the epoch circuit from its verification key:
 *
 *   node scripts/gen-verifier.mjs                 every batch in public/zk/manifest.json
 *   node scripts/gen-verifier.mjs --batch 8       public/zk/epoch-8.vkey.json → contracts/generated/EpochVerifier8.sol
 *   node scripts/gen-verifier.mjs --check         exit 1 if a committed verifier differs from what the vkey gives
 *
 * scripts/ceremony.mjs calls renderVerifier() after exporting the vkey, so a new ceremony writes
 * exactly this contract. The contract checks e(−A, B)·e(α, β)·e(vk_x, γ)·e(C, δ) = 1 with the
 * EIP-196/197 precompiles, vk_x = IC0 + Σ s_i·IC_i, like the snarkjs template, and adds a
 * precomputed base: the partial sum IC0 + categoryMask·IC_mask + minPoints·IC_min for a caller
 * whose mask and minimum never change, so each proof pays two scalar multiplications less.
 * Output is deterministic (the vkey is the only input).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFunctionSelector } from 'viem';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** The circuit's public signals, in order (circuits/epoch.circom, docs/protocol.md §3). */
export const PUBLIC_SIGNALS = [
  'nullifier',
  'points',
  'fingerprint',
  'totalsCommitment',
  'accOut',
  'root',
  'epoch',
  'categoryMask',
  'minPoints',
  'scope',
  'accIn',
];
/** Signals a caller fixes once (the mint's constants, a pool's terms): folded into the base. */
export const BASE_SIGNALS = ['categoryMask', 'minPoints'];
/**
 * Signals that are small in every valid proof (the circuit range-checks epoch to 16 bits and
 * points are at most 4,200 < 2^13): below 2^bits, s·IC is summed from precomputed 2^k·IC with
 * one ecAdd (150 gas) per set bit instead of an ecMul (6,000). Larger values take the ecMul,
 * so the verdict never depends on the range: it is only cheaper inside it.
 */
export const SMALL_SIGNALS = { points: 13, epoch: 16 };

/** BN254 scalar field r: public inputs must be below it. */
const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
/** BN254 base field q: coordinates live below it. */
const Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;

/** A coordinate string from the vkey as a canonical decimal below q (throws otherwise). */
function coord(v) {
  const n = BigInt(v);
  if (n < 0n || n >= Q) throw new Error(`vkey coordinate out of range: ${v}`);
  return n.toString();
}

/** A G1 point [x, y, z] in affine form (z = 1), or throws. */
function g1(p) {
  if (String(p[2]) !== '1') throw new Error('vkey G1 point is not affine');
  const [x, y] = [BigInt(p[0]), BigInt(p[1])];
  if ((y * y - x * x * x - 3n) % Q !== 0n) throw new Error('vkey G1 point is not on the curve');
  return [coord(p[0]), coord(p[1])];
}

/** A G2 point [[x0, x1], [y0, y1], [1, 0]] in the EIP-197 order (x1, x0, y1, y0). */
function g2(p) {
  if (String(p[2][0]) !== '1' || String(p[2][1]) !== '0') throw new Error('vkey G2 point is not affine');
  return [coord(p[0][1]), coord(p[0][0]), coord(p[1][1]), coord(p[1][0])];
}

/** Validates the vkey and returns its points in the order the contract uses. */
export function parseVkey(vkey) {
  if (vkey.protocol !== 'groth16' || vkey.curve !== 'bn128') throw new Error('expected a groth16 bn128 vkey');
  if (vkey.nPublic !== PUBLIC_SIGNALS.length || vkey.IC.length !== PUBLIC_SIGNALS.length + 1) {
    throw new Error(`expected ${PUBLIC_SIGNALS.length} public signals, vkey has ${vkey.nPublic}`);
  }
  return {
    alpha: g1(vkey.vk_alpha_1),
    beta: g2(vkey.vk_beta_2),
    gamma: g2(vkey.vk_gamma_2),
    delta: g2(vkey.vk_delta_2),
    ic: vkey.IC.map(g1),
  };
}

const mod = (a) => ((a % Q) + Q) % Q;
function inverse(a) {
  let [result, base, e] = [1n, mod(a), Q - 2n];
  for (; e > 0n; e >>= 1n, base = (base * base) % Q) if (e & 1n) result = (result * base) % Q;
  return result;
}

/** 2·P in affine coordinates over the base field (P is a vkey point: never infinity, y ≠ 0). */
function double([x, y]) {
  const l = mod(3n * x * x * inverse(2n * y));
  const x3 = mod(l * l - 2n * x);
  return [x3, mod(l * (x - x3) - y)];
}

/** [P, 2P, 4P, …, 2^(bits−1)·P] as decimal strings (checked by tests against ffjavascript). */
export function powersOfTwo(point, bits) {
  const out = [];
  let p = point.slice(0, 2).map(BigInt);
  for (let k = 0; k < bits; k++, p = double(p)) out.push(p.map(String));
  return out;
}

const ind = (n, lines) => lines.map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

/**
 * Yul helpers shared by the three entry points (Yul functions are local to one assembly block,
 * so each block gets its own copy). Memory at `m`: the accumulator at m, scratch up to m + 0xa0.
 */
function yulHelpers() {
  return [
    '// acc (at m) += s · (px, py). The points are the vkey constants or precompile outputs, so',
    '// ecMul/ecAdd can only fail by running out of gas: revert, never return false.',
    'function mulAcc(m, px, py, s) {',
    '    mstore(add(m, 0x40), px)',
    '    mstore(add(m, 0x60), py)',
    '    mstore(add(m, 0x80), s)',
    '    if iszero(staticcall(gas(), 7, add(m, 0x40), 0x60, add(m, 0x40), 0x40)) { outOfGas() }',
    '    if iszero(staticcall(gas(), 6, m, 0x80, m, 0x40)) { outOfGas() }',
    '}',
    '// acc (at m) += (px, py), a precomputed multiple of a vkey point.',
    'function addPoint(m, px, py) {',
    '    mstore(add(m, 0x40), px)',
    '    mstore(add(m, 0x60), py)',
    '    if iszero(staticcall(gas(), 6, m, 0x80, m, 0x40)) { outOfGas() }',
    '}',
    'function outOfGas() {',
    '    mstore(0, OUT_OF_GAS_SELECTOR)',
    '    revert(0, 4)',
    '}',
    'function returnFalse() {',
    '    mstore(0, 0)',
    '    return(0, 0x20)',
    '}',
    '// e(-A, B)·e(alpha, beta)·e(vk_x, gamma)·e(C, delta) == 1, with vk_x already at p + 0x180.',
    'function pairing(p, pA, pB, pC) -> ok {',
    '    mstore(p, calldataload(pA))',
    '    // -A exactly as the snarkjs template negates it (the precompile rejects y >= q).',
    '    mstore(add(p, 0x20), mod(sub(Q, calldataload(add(pA, 0x20))), Q))',
    '    calldatacopy(add(p, 0x40), pB, 0x80)',
    '    mstore(add(p, 0xc0), ALPHA_X)',
    '    mstore(add(p, 0xe0), ALPHA_Y)',
    '    mstore(add(p, 0x100), BETA_X1)',
    '    mstore(add(p, 0x120), BETA_X0)',
    '    mstore(add(p, 0x140), BETA_Y1)',
    '    mstore(add(p, 0x160), BETA_Y0)',
    '    mstore(add(p, 0x1c0), GAMMA_X1)',
    '    mstore(add(p, 0x1e0), GAMMA_X0)',
    '    mstore(add(p, 0x200), GAMMA_Y1)',
    '    mstore(add(p, 0x220), GAMMA_Y0)',
    '    calldatacopy(add(p, 0x240), pC, 0x40)',
    '    mstore(add(p, 0x280), DELTA_X1)',
    '    mstore(add(p, 0x2a0), DELTA_X0)',
    '    mstore(add(p, 0x2c0), DELTA_Y1)',
    '    mstore(add(p, 0x2e0), DELTA_Y0)',
    '    // With PAIRING_GAS left the precompile cannot run out of gas (63/64 rule), so a',
    '    // failure below means an invalid point in the proof: false, as in the template.',
    '    if lt(gas(), PAIRING_GAS) { outOfGas() }',
    '    let success := staticcall(gas(), 8, p, 0x300, p, 0x20)',
    '    ok := and(success, mload(p))',
    '}',
  ];
}

/** The Solidity source of EpochVerifier<batch> for a parsed vkey. */
export function renderVerifier(vkey, batch) {
  const k = parseVkey(vkey);
  const name = `EpochVerifier${batch}`;
  const baseIdx = BASE_SIGNALS.map((s) => PUBLIC_SIGNALS.indexOf(s));
  const restIdx = PUBLIC_SIGNALS.map((_, i) => i).filter((i) => !baseIdx.includes(i));
  const restNames = restIdx.map((i) => PUBLIC_SIGNALS[i]);
  const constants = [
    ['R', R.toString()], ['Q', Q.toString()],
    ['ALPHA_X', k.alpha[0]], ['ALPHA_Y', k.alpha[1]],
    ...['BETA', 'GAMMA', 'DELTA'].flatMap((n) => {
      const p = k[n.toLowerCase()];
      return [[`${n}_X1`, p[0]], [`${n}_X0`, p[1]], [`${n}_Y1`, p[2]], [`${n}_Y0`, p[3]]];
    }),
    ...k.ic.flatMap((p, i) => [[`IC${i}_X`, p[0]], [`IC${i}_Y`, p[1]]]),
  ];
  for (const [signal, bits] of Object.entries(SMALL_SIGNALS)) {
    const n = PUBLIC_SIGNALS.indexOf(signal) + 1;
    powersOfTwo(k.ic[n], bits).forEach((p, b) => {
      if (b > 0) constants.push([`IC${n}_B${b}_X`, p[0]], [`IC${n}_B${b}_Y`, p[1]]);
    });
  }
  /**
   * acc += s_i·IC_(i+1): bit by bit for a small signal below its bound, else one ecMul, skipped
   * when s_i = 0 (0·IC is the identity: the same sum, ~6,200 gas less; accIn of a week's first batch).
   */
  const mulAcc = (i, load) => {
    const n = i + 1;
    const bits = SMALL_SIGNALS[PUBLIC_SIGNALS[i]];
    if (!bits) {
      return [
        `{ // ${PUBLIC_SIGNALS[i]}`,
        `    let s := ${load}`,
        `    if s { mulAcc(vk, IC${n}_X, IC${n}_Y, s) }`,
        '}',
      ];
    }
    const name = (b) => (b === 0 ? [`IC${n}_X`, `IC${n}_Y`] : [`IC${n}_B${b}_X`, `IC${n}_B${b}_Y`]);
    return [
      `{ // ${PUBLIC_SIGNALS[i]}: one ecAdd per set bit below 2^${bits}`,
      `    let s := ${load}`,
      `    switch lt(s, ${'0x' + (1n << BigInt(bits)).toString(16)})`,
      `    case 0 { mulAcc(vk, IC${n}_X, IC${n}_Y, s) }`,
      '    default {',
      ...Array.from({ length: bits }, (_, b) => `        if and(s, ${'0x' + (1n << BigInt(b)).toString(16)}) { addPoint(vk, ${name(b).join(', ')}) }`),
      '    }',
      '}',
    ];
  };
  const mulAccs = (indices, load) => indices.flatMap((i, j) => mulAcc(i, load(i, j)));
  const fieldChecks = (n, ptr) =>
    Array.from({ length: n }, (_, j) => `if iszero(lt(calldataload(add(${ptr}, ${j * 32})), R)) { returnFalse() }`);
  const ic0 = ['mstore(vk, IC0_X)', 'mstore(add(vk, 0x20), IC0_Y)'];
  const prelude = ['let p := mload(0x40)', 'let vk := add(p, 0x180)'];

  const verifyAll = [
    ...prelude, ...fieldChecks(PUBLIC_SIGNALS.length, '_pubSignals'), ...ic0,
    ...mulAccs(PUBLIC_SIGNALS.map((_, i) => i), (i) => `calldataload(add(_pubSignals, ${i * 32}))`),
    'mstore(0, pairing(p, _pA, _pB, _pC))', 'return(0, 0x20)',
  ];
  const verifyBase = [
    ...prelude, ...fieldChecks(restIdx.length, '_rest'),
    'let bx := calldataload(_base)', 'let by := calldataload(add(_base, 0x20))',
    '// The base must be a point of G1 (or the point at infinity (0, 0)), else false.',
    'if or(iszero(lt(bx, Q)), iszero(lt(by, Q))) { returnFalse() }',
    'if or(bx, by) {',
    '    if iszero(eq(mulmod(by, by, Q), addmod(mulmod(mulmod(bx, bx, Q), bx, Q), 3, Q))) { returnFalse() }',
    '}',
    'mstore(vk, bx)', 'mstore(add(vk, 0x20), by)',
    ...mulAccs(restIdx, (_, j) => `calldataload(add(_rest, ${j * 32}))`),
    'mstore(0, pairing(p, _pA, _pB, _pC))', 'return(0, 0x20)',
  ];
  const precompute = [
    'let vk := mload(0x40)',
    ...BASE_SIGNALS.map((s) => `if iszero(lt(${s}, R)) { mstore(0, NOT_IN_FIELD_SELECTOR) revert(0, 4) }`),
    ...ic0, ...mulAccs(baseIdx, (i) => PUBLIC_SIGNALS[i]),
    'x := mload(vk)', 'y := mload(add(vk, 0x20))',
  ];
  const block = (body) => ind(8, ['assembly {', ...ind(4, [...yulHelpers(), '', ...body]).split('\n'), '}']);
  const restDoc = restNames.map((n, j) => `[${j}] ${n}`).join(', ');

  return `// Generated by scripts/gen-verifier.mjs from public/zk/epoch-${batch}.vkey.json — do not edit.
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IEpochVerifier} from "../interfaces/IEpochVerifier.sol";

/// @title ${name}
/// @notice Groth16 verifier (BN254) of EpochProof(${batch}), public signals
///         ${PUBLIC_SIGNALS.join(', ')}.
/// @dev Accepts exactly what the snarkjs template accepts: every public input must be < r
///      (else false), proof points are checked by the EIP-196/197 precompiles (an invalid one
///      gives false) and vk_x = IC0 + Σ s_i·IC_i. Where the template returns false because a
///      precompile ran out of gas, this contract reverts EpochVerifier__OutOfGas instead.
///      verifyProofWithBase starts the sum from a caller's base = IC0 + ${BASE_SIGNALS.map((s, j) => `${s}·IC${baseIdx[j] + 1}`).join(' + ')}
///      (precomputeBase): the same vk_x, two scalar multiplications (~12,300 gas) cheaper.
///      ${Object.entries(SMALL_SIGNALS).map(([n, b]) => `${n} < 2^${b}`).join(' and ')} (always so in a valid proof) are added bit by bit from
///      precomputed 2^k·IC (one ecAdd per set bit); larger values take the ecMul. Same point either way.
///      A zero signal adds nothing (0·IC is the identity), so its ecMul is skipped.
contract ${name} is IEpochVerifier {
${constants.map(([n, v]) => `    uint256 internal constant ${n} = ${v};`).join('\n')}

    /// @dev 45,000 + 4 × 34,000 for the pairing, plus the 1/64 a call keeps back, plus margin.
    uint256 internal constant PAIRING_GAS = 186000;
    /// @dev bytes4(keccak256("EpochVerifier__OutOfGas()")) and ("EpochVerifier__NotInField()"), left-aligned.
    uint256 internal constant OUT_OF_GAS_SELECTOR = ${selectorWord('EpochVerifier__OutOfGas()')};
    uint256 internal constant NOT_IN_FIELD_SELECTOR = ${selectorWord('EpochVerifier__NotInField()')};

    /// @inheritdoc IEpochVerifier
    function verifyProof(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[${PUBLIC_SIGNALS.length}] calldata _pubSignals
    ) external view returns (bool) {
${block(verifyAll)}
    }

    /// @inheritdoc IEpochVerifier
    function precomputeBase(uint256 ${BASE_SIGNALS.join(', uint256 ')}) external view returns (uint256 x, uint256 y) {
${block(precompute)}
    }

    /// @inheritdoc IEpochVerifier
    /// @dev _rest: ${restDoc}.
    function verifyProofWithBase(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[2] calldata _base,
        uint256[${restIdx.length}] calldata _rest
    ) external view returns (bool) {
${block(verifyBase)}
    }
}
`;
}

/** A custom error's selector as the left-aligned word `mstore(0, …)` stores before `revert(0, 4)`. */
function selectorWord(signature) {
  return `${toFunctionSelector(signature)}${'0'.repeat(56)}`;
}

export const vkeyPath = (batch) => join(ROOT, `public/zk/epoch-${batch}.vkey.json`);
export const verifierPath = (batch) => join(ROOT, `contracts/generated/EpochVerifier${batch}.sol`);

/** Renders the verifier of `batch` from its committed vkey. */
export function renderVerifierFor(batch) {
  return renderVerifier(JSON.parse(readFileSync(vkeyPath(batch), 'utf8')), batch);
}

function batchesFromManifest() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'public/zk/manifest.json'), 'utf8'));
  return Object.values(manifest.circuits).map((c) => c.batchSize);
}

function main() {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--batch');
  const batches = i >= 0 ? [Number(argv[i + 1])] : batchesFromManifest();
  let stale = 0;
  for (const batch of batches) {
    const sol = renderVerifierFor(batch);
    const out = verifierPath(batch);
    if (argv.includes('--check')) {
      const same = existsSync(out) && readFileSync(out, 'utf8') === sol;
      if (!same) stale++;
      console.log(`EpochVerifier${batch}.sol: ${same ? 'up to date' : 'STALE (run node scripts/gen-verifier.mjs)'}`);
    } else {
      writeFileSync(out, sol);
      console.log(`wrote contracts/generated/EpochVerifier${batch}.sol`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
