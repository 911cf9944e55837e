pragma circom 2.1.0;

// Batch of 256 domain-day leaves. Public signals in snarkjs order: the five
// outputs (nullifier, points, fingerprint, totalsCommitment, accOut), then the
// public inputs in declaration order: root, epoch, categoryMask, minPoints, scope, accIn.
include "../epoch.circom";

component main {public [root, epoch, categoryMask, minPoints, scope, accIn]} = EpochProof(256);
