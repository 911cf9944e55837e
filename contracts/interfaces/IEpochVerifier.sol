// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice A Groth16 proof as the snarkjs Solidity verifier takes it (pB already in the
///         verifier's coordinate order; packing comes from src/zk, never hand-written).
struct Groth16Proof {
    uint256[2] a;
    uint256[2][2] b;
    uint256[2] c;
}

/// @title IEpochVerifier
/// @notice The snarkjs-generated verifier of the epoch circuit (EpochVerifier8 for tests,
///         EpochVerifier256 in production). Plugged in at deploy time.
/// @dev Public signals, in order:
///      [0] nullifier   = Poseidon(nullifierSecret, scope)
///      [1] points      = proven points in the categories of the mask
///      [2] root        = the epoch commitment
///      [3] epoch       = weekly epoch number
///      [4] categoryMask (bit i = category id i)
///      [5] minPoints   (the circuit enforces points >= minPoints)
///      [6] scope       = keccak256(abi.encode(chainId, verifyingContract, poolId, epoch, holder)) >> 8
///      The generated verifier returns false (it does not revert) on a bad proof, on a
///      public input >= the scalar field and when the pairing precompile runs out of gas:
///      callers must revert on false.
interface IEpochVerifier {
    function verifyProof(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[7] calldata _pubSignals
    ) external view returns (bool);
}
