/**
 * The week's commitment over a vault's domain-day rows: leaves encoded, sorted by
 * day, then saltedDomain (the circuit accepts any order; sorting makes the order
 * and hence the roots deterministic), cut into batches of the circuit's size (the
 * last one padded with zero leaves on the epoch's last day), each batch hashed into
 * its tree and bound to the owner's nullifier secret and the epoch. A week of up to
 * `batchSize` domain-days is one batch; a heavier one is ⌈rows / batchSize⌉ batches
 * chained by the circuit's day accumulator (docs/protocol.md §10). On chain the SBT
 * keeps `weekRoot = keccak256(root_1 ‖ … ‖ root_K) >> 2` (contracts/lib/WeekProofs.sol).
 */
import { encodePacked, keccak256 } from 'viem';
import { ZkError } from './errors.ts';
import { assertFieldElement } from './field.ts';
import { encodeLeaf, paddingLeaf, type DomainDayRow, type Leaf } from './leaf.ts';
import { computeEpochRoot, computeTreeRoot } from './tree.ts';

/** The per-vault secrets. Both must be uniformly random field elements kept in the vault. */
export interface EpochSecrets {
  /** Binds the commitment to its owner and derives nullifiers and blinds; never leaves the vault. */
  nullifierSecret: bigint;
  /** Derives the per-leaf salts (leaf.ts leafSalt); never leaves the vault. */
  vaultSalt: bigint;
}

/** One batch: exactly `batchSize` leaves in circuit order. */
export interface BatchCommitment {
  index: number;
  leaves: Leaf[];
  /** The rows behind the non-padding leaves, in the same order. */
  rows: DomainDayRow[];
  treeRoot: bigint;
  /** The public `root` signal: Poseidon(treeRoot, Poseidon(nullifierSecret), epoch). */
  root: bigint;
}

export interface EpochCommitment {
  epoch: number;
  batchSize: number;
  /** One or more batches; every row is in exactly one. */
  batches: BatchCommitment[];
  /** The batches' roots in order. */
  roots: bigint[];
  /** keccak256 of the roots as uint256s, shifted right by 2: what the SBT stores. */
  weekRoot: bigint;
}

export interface EpochCommitmentOptions {
  epoch: number;
  /** Leaves in the circuit (8 for tests, 256 in production). */
  batchSize: number;
}

/** The most batches a week may have: the contracts' bound (DataSBT.MAX_BATCHES). */
export const MAX_BATCHES = 16;

/** keccak256(abi.encodePacked(uint256[] roots)) >> 2: the SBT's week root (WeekProofs.weekRootOf). */
export function computeWeekRoot(roots: readonly bigint[]): bigint {
  return BigInt(keccak256(encodePacked(['uint256[]'], [[...roots]]))) >> 2n;
}

/**
 * Builds the commitment. Throws ZkError('wrong-epoch') if a row's day is outside
 * the epoch, ZkError('too-many-leaves') beyond MAX_BATCHES batches, and
 * ZkError('out-of-range') for a measure or secret out of range.
 */
export function buildEpochCommitment(
  rows: readonly DomainDayRow[],
  secrets: EpochSecrets,
  { epoch, batchSize }: EpochCommitmentOptions,
): EpochCommitment {
  assertFieldElement('nullifierSecret', secrets.nullifierSecret);
  assertFieldElement('vaultSalt', secrets.vaultSalt);
  const count = Math.max(1, Math.ceil(rows.length / batchSize));
  if (count > MAX_BATCHES) {
    throw new ZkError('too-many-leaves', `${rows.length} domain-days need more than ${MAX_BATCHES} batches of ${batchSize}`);
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
  const batches: BatchCommitment[] = [];
  for (let index = 0; index < count; index++) {
    const part = encoded.slice(index * batchSize, (index + 1) * batchSize);
    const leaves = part.map((e) => e.leaf);
    while (leaves.length < batchSize) leaves.push(paddingLeaf(epoch));
    const treeRoot = computeTreeRoot(leaves);
    batches.push({
      index,
      leaves,
      rows: part.map((e) => e.row),
      treeRoot,
      root: computeEpochRoot(treeRoot, secrets.nullifierSecret, epoch),
    });
  }
  const roots = batches.map((b) => b.root);
  return { epoch, batchSize, batches, roots, weekRoot: computeWeekRoot(roots) };
}
