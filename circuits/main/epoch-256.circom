pragma circom 2.1.0;

// Batch of 256 domain-day leaves. Public inputs in snarkjs order follow the two
// outputs (nullifier, points): root, epoch, categoryMask, minPoints, scope.
include "../epoch.circom";

component main {public [root, epoch, categoryMask, minPoints, scope]} = EpochProof(256);
