/**
 * The zk layer: leaf encoding and commitment (mirroring circuits/), witness
 * input, Groth16 proving and verification, the proof scope and the Solidity
 * packing of proofs. Plain TS: runs in Node and in the extension.
 */
export { ZkError, type ZkErrorReason } from './errors.ts';
export { SNARK_SCALAR_FIELD } from './field.ts';
export { poseidon } from './poseidon.ts';
export {
  LEAF_LAYOUT,
  domainField,
  encodeLeaf,
  leafMeasures,
  packDomainDay,
  paddingLeaf,
  leafSalt,
  saltDomain,
  unpackLeaf,
  type DomainDayRow,
  type Leaf,
  type LeafMeasures,
} from './leaf.ts';
export { computeEpochRoot, computeNullifier, computeTreeRoot } from './tree.ts';
export {
  MAX_BATCHES,
  buildEpochCommitment,
  computeWeekRoot,
  type BatchCommitment,
  type EpochCommitment,
  type EpochSecrets,
} from './commitment.ts';
export {
  computeFingerprint,
  computeTotals,
  computeTotalsCommitment,
  deliveryChallenge,
  isSelected,
  type BatchTotals,
} from './fingerprint.ts';
export {
  PUBLIC_SIGNAL_COUNT,
  PUBLIC_SIGNAL_NAMES,
  buildWitnessInput,
  type BatchWitness,
  type CircuitInput,
  type EpochWitness,
  type WitnessParameters,
} from './witness.ts';
export {
  calculateWitness,
  prove,
  proveWitness,
  releaseProver,
  startProverThreads,
  takeTurnsWhileProving,
  dropSharedCurve,
  type ArtifactSource,
  type EpochProofResult,
  type Groth16Proof,
  type ProveOptions,
  type ProvingArtifacts,
} from './prove.ts';
export { verify, type VerificationKey } from './verify.ts';
export { MINT_POOL_ID, computeScope, type ScopeParameters } from './scope.ts';
export { toSolidityBatch, toSolidityProof, toSolidityPublicSignals, type SolidityProof, type SolidityPublicSignals } from './solidity.ts';
export { BATCH_SIZES, artifactNames } from './artifacts.ts';
