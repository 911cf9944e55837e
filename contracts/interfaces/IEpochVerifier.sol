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
/// @dev Public signals, in order (circuits/epoch.circom):
///      [0] nullifier        = Poseidon(nullifierSecret, scope)
///      [1] points           = the week's running capped points after this batch, in the mask's categories
///      [2] fingerprint      = product over the batch's counted records (delivery check, docs/delivery.md)
///      [3] totalsCommitment = Poseidon(totals of the counted records, blind)
///      [4] accOut           = the running day sums, hidden (the next batch's accIn)
///      [5] root             = the batch commitment, bound to its owner and epoch
///      [6] epoch            = weekly epoch number
///      [7] categoryMask     (bit i = category id i)
///      [8] minPoints        (the circuit enforces points >= minPoints; our contracts pass 0 and
///                            check the week's final points themselves)
///      [9] scope            = keccak256(abi.encode(chainId, verifyingContract, poolId, epoch, holder)) >> 8
///      [10] accIn           = 0 for a week's first batch, else the previous batch's accOut
///      The generated verifier (scripts/gen-verifier.mjs) returns false on a bad proof or a
///      public input >= the scalar field r, and reverts EpochVerifier__OutOfGas when a precompile
///      is given too little gas (the snarkjs template returned false there): callers revert on false.
interface IEpochVerifier {
    /// @notice A precompile was given too little gas (raise the transaction's gas limit).
    error EpochVerifier__OutOfGas();
    /// @notice precomputeBase was given a value >= the scalar field r.
    error EpochVerifier__NotInField();

    /// @notice Verify a proof against all eleven public signals (vk_x = IC0 + Σ s_i·IC_i).
    function verifyProof(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[11] calldata _pubSignals
    ) external view returns (bool);

    /// @notice The part of vk_x fixed by a caller's constant categoryMask and minPoints:
    ///         IC0 + categoryMask·IC8 + minPoints·IC9 (G1, affine; (0, 0) is the point at infinity).
    /// @dev Reverts EpochVerifier__NotInField if either input is >= r. Compute it once (constructor)
    ///      and keep it in immutables: a base is trusted as given, so it must never come from a user.
    function precomputeBase(uint256 categoryMask, uint256 minPoints) external view returns (uint256 x, uint256 y);

    /// @notice verifyProof with signals 7 and 8 folded into `_base` (from precomputeBase):
    ///         true exactly when verifyProof would be true for the mask and minimum the base was
    ///         computed from. `_rest` = [nullifier, points, fingerprint, totalsCommitment, accOut,
    ///         root, epoch, scope, accIn], each must be < r;
    ///         a base that is not a point of G1 gives false.
    function verifyProofWithBase(
        uint256[2] calldata _pA,
        uint256[2][2] calldata _pB,
        uint256[2] calldata _pC,
        uint256[2] calldata _base,
        uint256[9] calldata _rest
    ) external view returns (bool);
}
