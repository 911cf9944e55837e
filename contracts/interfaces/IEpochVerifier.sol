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
///      The generated verifier (scripts/gen-verifier.mjs) returns false on a bad proof or a
///      public input >= the scalar field r, and reverts EpochVerifier__OutOfGas when a precompile
///      is given too little gas (the snarkjs template returned false there): callers revert on false.
interface IEpochVerifier {
    /// @notice A precompile was given too little gas (raise the transaction's gas limit).
    error EpochVerifier__OutOfGas();
    /// @notice precomputeBase was given a value >= the scalar field r.
    error EpochVerifier__NotInField();

    /// @notice Verify a proof against all seven public signals (vk_x = IC0 + Σ s_i·IC_i).
    function verifyProof(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[7] calldata _pubSignals
    ) external view returns (bool);

    /// @notice The part of vk_x fixed by a caller's constant categoryMask and minPoints:
    ///         IC0 + categoryMask·IC5 + minPoints·IC6 (G1, affine; (0, 0) is the point at infinity).
    /// @dev Reverts EpochVerifier__NotInField if either input is >= r. Compute it once (constructor)
    ///      and keep it in immutables: a base is trusted as given, so it must never come from a user.
    function precomputeBase(uint256 categoryMask, uint256 minPoints) external view returns (uint256 x, uint256 y);

    /// @notice verifyProof with signals 4 and 5 folded into `_base` (from precomputeBase):
    ///         true exactly when verifyProof would be true for the mask and minimum the base was
    ///         computed from. `_rest` = [nullifier, points, root, epoch, scope], each must be < r;
    ///         a base that is not a point of G1 gives false.
    function verifyProofWithBase(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[2] calldata _base,
        uint256[5] calldata _rest
    ) external view returns (bool);
}
