/**
 * The epoch commitment over a vault's domain-day rows: leaves encoded, sorted by
 * day, then saltedDomain (the circuit accepts any order; sorting makes the order
 * and hence the root deterministic), padded to the
 * batch size with zero leaves on the epoch's last day, hashed into the tree and
 * bound to the owner's nullifier secret.
 */
import { ZkError } from './errors.ts';
import { assertFieldElement } from './field.ts';
import { encodeLeaf, paddingLeaf, type DomainDayRow, type Leaf } from './leaf.ts';
import { computeEpochRoot, computeTreeRoot } from './tree.ts';

/** The per-vault secrets. Both must be uniformly random field elements kept in the vault. */
export interface EpochSecrets {
  /** Binds the commitment to its owner and derives nullifiers; never leaves the vault. */
  nullifierSecret: bigint;
  /** Salts domains so a leaf cannot be matched against a list of domains. */
  vaultSalt: bigint;
}

export interface EpochCommitment {
  epoch: number;
  /** Sorted, padded leaves: exactly `batchSize` of them, in circuit order. */
  leaves: Leaf[];
  /** The rows behind the non-padding leaves, in the same order. */
  rows: DomainDayRow[];
  treeRoot: bigint;
  /** The public `root` signal: Poseidon(treeRoot, Poseidon(nullifierSecret)). */
  root: bigint;
}

export interface EpochCommitmentOptions {
  epoch: number;
  /** Leaves in the circuit (8 for tests, 256 in production). */
  batchSize: number;
}

/**
 * Builds the commitment. Throws ZkError('wrong-epoch') if a row's day is outside
 * the epoch, ZkError('too-many-leaves') if the rows do not fit the batch, and
 * ZkError('out-of-range') for a measure or secret out of range.
 */
export function buildEpochCommitment(
  rows: readonly DomainDayRow[],
  secrets: EpochSecrets,
  { epoch, batchSize }: EpochCommitmentOptions,
): EpochCommitment {
  assertFieldElement('nullifierSecret', secrets.nullifierSecret);
  assertFieldElement('vaultSalt', secrets.vaultSalt);
  if (rows.length > batchSize) {
    throw new ZkError('too-many-leaves', `${rows.length} domain-days do not fit a batch of ${batchSize}`);
  }
  const encoded = rows.map((row) => ({ row, leaf: encodeLeaf(row, secrets.vaultSalt, epoch) }));
  encoded.sort((a, b) =>
    a.row.day !== b.row.day
      ? a.row.day - b.row.day
      : a.leaf.saltedDomain < b.leaf.saltedDomain
        ? -1
        : a.leaf.saltedDomain > b.leaf.saltedDomain
          ? 1
          : 0,
  );
  const leaves = encoded.map((e) => e.leaf);
  while (leaves.length < batchSize) leaves.push(paddingLeaf(epoch));
  const treeRoot = computeTreeRoot(leaves);
  return {
    epoch,
    leaves,
    rows: encoded.map((e) => e.row),
    treeRoot,
    root: computeEpochRoot(treeRoot, secrets.nullifierSecret),
  };
}
