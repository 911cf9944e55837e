/**
 * The commitment tree, mirroring circuits/lib/commitment-tree.circom: groups of
 * 8 leaves hashed with one Poseidon(16) over (saltedDomain, packed) pairs; above
 * them, 16 nodes per Poseidon(16) while at least 16 remain, then Poseidon(2)
 * pairs up to the root (256 leaves: 32 groups -> 2 -> 1); and the batch commitment
 * Poseidon(treeRoot, Poseidon(nullifierSecret), epoch) that binds the tree to its owner and week.
 */
import type { Leaf } from './leaf.ts';
import { poseidon } from './poseidon.ts';

export const LEAVES_PER_GROUP = 8;

/** Root of the tree over exactly N leaves (N = 8 * 2^k). */
export function computeTreeRoot(leaves: readonly Leaf[]): bigint {
  const groups = leaves.length / LEAVES_PER_GROUP;
  if (!Number.isInteger(groups) || groups < 1 || (groups & (groups - 1)) !== 0) {
    throw new RangeError(`a tree needs 8 * 2^k leaves, got ${leaves.length}`);
  }
  let level: bigint[] = [];
  for (let g = 0; g < groups; g++) {
    const inputs = leaves
      .slice(g * LEAVES_PER_GROUP, (g + 1) * LEAVES_PER_GROUP)
      .flatMap((l) => [l.saltedDomain, l.packed]);
    level.push(poseidon(inputs));
  }
  while (level.length > 1) {
    const arity = level.length >= 16 ? 16 : 2;
    const next: bigint[] = [];
    for (let i = 0; i < level.length; i += arity) next.push(poseidon(level.slice(i, i + arity)));
    level = next;
  }
  return level[0];
}

/** Poseidon(treeRoot, Poseidon(nullifierSecret), epoch): the public `root` signal. */
export function computeEpochRoot(treeRoot: bigint, nullifierSecret: bigint, epoch: number): bigint {
  return poseidon([treeRoot, poseidon([nullifierSecret]), BigInt(epoch)]);
}

/** Poseidon(nullifierSecret, scope): the public `nullifier` signal. */
export function computeNullifier(nullifierSecret: bigint, scope: bigint): bigint {
  return poseidon([nullifierSecret, scope]);
}
