/**
 * The circuit input for EpochProof(N) from vault-like rows, plus the public
 * signals the proof will carry, computed in TS (they must agree with the
 * circuit's outputs; the circuit tests check that they do).
 */
import { scoreDomainDays } from '../scoring/score.ts';
import { buildEpochCommitment, type EpochCommitment, type EpochSecrets } from './commitment.ts';
import { ZkError } from './errors.ts';
import { assertBits, assertFieldElement } from './field.ts';
import type { DomainDayRow } from './leaf.ts';
import { computeNullifier } from './tree.ts';

/** Names of the public signals in snarkjs order (outputs first, then public inputs). */
export const PUBLIC_SIGNAL_NAMES = ['nullifier', 'points', 'root', 'epoch', 'categoryMask', 'minPoints', 'scope'] as const;

/** The JSON input EpochProof(N)'s witness calculator takes: decimal strings, arrays of N. */
export interface CircuitInput {
  root: string;
  epoch: string;
  categoryMask: string;
  minPoints: string;
  scope: string;
  nullifierSecret: string;
  saltedDomain: string[];
  packed: string[];
}

export interface WitnessParameters {
  epoch: number;
  categoryMask: bigint;
  minPoints: bigint | number;
  scope: bigint;
  secrets: EpochSecrets;
  batchSize: number;
}

export interface EpochWitness {
  input: CircuitInput;
  commitment: EpochCommitment;
  /** The seven public signals the proof will carry, in order. */
  publicSignals: bigint[];
  points: bigint;
  nullifier: bigint;
}

/**
 * Builds the witness input. Throws ZkError('not-enough-points') when the rows
 * cannot reach `minPoints` (the circuit would reject them), and the errors of
 * buildEpochCommitment for rows out of range or epoch.
 */
export function buildWitnessInput(rows: readonly DomainDayRow[], p: WitnessParameters): EpochWitness {
  assertBits('categoryMask', p.categoryMask, 32);
  const minPoints = assertBits('minPoints', BigInt(p.minPoints), 32);
  assertFieldElement('scope', p.scope);
  assertBits('epoch', BigInt(p.epoch), 16);
  const commitment = buildEpochCommitment(rows, p.secrets, { epoch: p.epoch, batchSize: p.batchSize });
  const points = BigInt(scoreDomainDays(commitment.rows, p.categoryMask));
  if (points < minPoints) {
    throw new ZkError('not-enough-points', `This epoch has ${points} points, below the ${minPoints} required`);
  }
  const nullifier = computeNullifier(p.secrets.nullifierSecret, p.scope);
  const input: CircuitInput = {
    root: commitment.root.toString(),
    epoch: String(p.epoch),
    categoryMask: p.categoryMask.toString(),
    minPoints: minPoints.toString(),
    scope: p.scope.toString(),
    nullifierSecret: p.secrets.nullifierSecret.toString(),
    saltedDomain: commitment.leaves.map((l) => l.saltedDomain.toString()),
    packed: commitment.leaves.map((l) => l.packed.toString()),
  };
  const publicSignals = [nullifier, points, commitment.root, BigInt(p.epoch), p.categoryMask, minPoints, p.scope];
  return { input, commitment, publicSignals, points, nullifier };
}
