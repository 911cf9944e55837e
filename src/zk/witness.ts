/**
 * The circuit inputs for a week's EpochProof(N) batches from vault-like rows, plus
 * the public signals each proof will carry, computed in TS (they must agree with
 * the circuit's outputs; the circuit tests check that they do).
 *
 * Batch k opens the day sums of batches 1..k−1 from accIn (0 for the first) and
 * outputs the running sums hidden in accOut; only the last batch's `points` is the
 * week's. The circuit's `minPoints` input is 0 in every batch: the contracts fold
 * it into one precomputed base per mask and check the week's final points against
 * their minimum themselves (docs/contracts.md); `minPoints` here is checked in TS
 * so a week that cannot qualify is refused before any proof.
 */
import { scoreDomainDay } from '../scoring/score.ts';
import { EPOCH_DAYS, epochDays } from '../shared/epoch.ts';
import { SCORING } from '../scoring/constants.ts';
import { buildEpochCommitment, type BatchCommitment, type EpochCommitment, type EpochSecrets } from './commitment.ts';
import { ZkError } from './errors.ts';
import { assertBits, assertFieldElement } from './field.ts';
import { computeFingerprint, computeTotals, computeTotalsCommitment, isSelected, type BatchTotals } from './fingerprint.ts';
import type { DomainDayRow } from './leaf.ts';
import { poseidon } from './poseidon.ts';
import { computeNullifier } from './tree.ts';

/** Names of the public signals in snarkjs order (outputs first, then public inputs). */
export const PUBLIC_SIGNAL_NAMES = [
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
] as const;
export const PUBLIC_SIGNAL_COUNT = PUBLIC_SIGNAL_NAMES.length;

/** Bits of a running day sum (circuits/lib/day-accumulator.circom DAY_SUM_BITS). */
export const DAY_SUM_BITS = 24;

/** The JSON input EpochProof(N)'s witness calculator takes: decimal strings, arrays of N. */
export interface CircuitInput {
  root: string;
  epoch: string;
  categoryMask: string;
  minPoints: string;
  scope: string;
  accIn: string;
  nullifierSecret: string;
  saltedDomain: string[];
  packed: string[];
  prevDaySum: string[];
  prevBlind: string;
  accBlind: string;
  totalsBlind: string;
}

export interface WitnessParameters {
  epoch: number;
  categoryMask: bigint;
  minPoints: bigint | number;
  scope: bigint;
  secrets: EpochSecrets;
  batchSize: number;
}

export interface BatchWitness {
  index: number;
  input: CircuitInput;
  batch: BatchCommitment;
  /** The eleven public signals the proof will carry, in order. */
  publicSignals: bigint[];
  /** The running capped points after this batch. */
  points: bigint;
  fingerprint: bigint;
  totals: BatchTotals;
  totalsBlind: bigint;
  totalsCommitment: bigint;
  accIn: bigint;
  accOut: bigint;
}

export interface EpochWitness {
  commitment: EpochCommitment;
  batches: BatchWitness[];
  /** The week's points: the last batch's. */
  points: bigint;
  nullifier: bigint;
}

const ACC_TAG = 1n << 32n;
const TOTALS_TAG = 2n << 32n;

/** A blind only the vault can derive: Poseidon(secret, Poseidon(scope, tag | batch)); never equal to the nullifier's inputs. */
function blind(secret: bigint, scope: bigint, tag: bigint, index: number): bigint {
  return poseidon([secret, poseidon([scope, tag | BigInt(index)])]);
}

/**
 * Builds every batch's input. Throws ZkError('not-enough-points') when the rows
 * cannot reach `minPoints` (the circuit would reject them), and the errors of
 * buildEpochCommitment for rows out of range or epoch.
 */
export function buildWitnessInput(rows: readonly DomainDayRow[], p: WitnessParameters): EpochWitness {
  assertBits('categoryMask', p.categoryMask, 32);
  const minPoints = assertBits('minPoints', BigInt(p.minPoints), 32);
  assertFieldElement('scope', p.scope);
  assertBits('epoch', BigInt(p.epoch), 16);
  const commitment = buildEpochCommitment(rows, p.secrets, { epoch: p.epoch, batchSize: p.batchSize });
  const { first } = epochDays(p.epoch);
  const secret = p.secrets.nullifierSecret;
  const nullifier = computeNullifier(secret, p.scope);
  const last = commitment.batches.length - 1;

  const daySum = new Array<bigint>(EPOCH_DAYS).fill(0n);
  let accIn = 0n;
  let prevBlind = 0n;
  const batches: BatchWitness[] = [];
  for (const batch of commitment.batches) {
    const prevDaySum = [...daySum];
    for (const row of batch.rows) {
      if (((p.categoryMask >> BigInt(row.category)) & 1n) === 1n) daySum[row.day - first] += BigInt(scoreDomainDay(row));
    }
    for (const s of daySum) assertBits('a day sum', s, DAY_SUM_BITS);
    const points = daySum.reduce((sum, s) => sum + (s < BigInt(SCORING.DAY_CAP) ? s : BigInt(SCORING.DAY_CAP)), 0n);
    const accBlind = blind(secret, p.scope, ACC_TAG, batch.index);
    const accOut = poseidon([...daySum, accBlind]);
    const selected = batch.leaves.filter((l) => isSelected(l, p.categoryMask));
    const fingerprint = computeFingerprint(selected, batch.root, p.scope);
    const totals = computeTotals(selected);
    const totalsBlind = blind(secret, p.scope, TOTALS_TAG, batch.index);
    const totalsCommitment = computeTotalsCommitment(totals, totalsBlind);
    const batchMin = 0n;
    const input: CircuitInput = {
      root: batch.root.toString(),
      epoch: String(p.epoch),
      categoryMask: p.categoryMask.toString(),
      minPoints: batchMin.toString(),
      scope: p.scope.toString(),
      accIn: accIn.toString(),
      nullifierSecret: secret.toString(),
      saltedDomain: batch.leaves.map((l) => l.saltedDomain.toString()),
      packed: batch.leaves.map((l) => l.packed.toString()),
      prevDaySum: prevDaySum.map(String),
      prevBlind: prevBlind.toString(),
      accBlind: accBlind.toString(),
      totalsBlind: totalsBlind.toString(),
    };
    const publicSignals = [
      nullifier,
      points,
      fingerprint,
      totalsCommitment,
      accOut,
      batch.root,
      BigInt(p.epoch),
      p.categoryMask,
      batchMin,
      p.scope,
      accIn,
    ];
    batches.push({ index: batch.index, input, batch, publicSignals, points, fingerprint, totals, totalsBlind, totalsCommitment, accIn, accOut });
    accIn = accOut;
    prevBlind = accBlind;
  }
  const points = batches[last].points;
  if (points < minPoints) {
    throw new ZkError('not-enough-points', `This epoch has ${points} points, below the ${minPoints} required`);
  }
  return { commitment, batches, points, nullifier };
}
