// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ProofScope
/// @notice The one definition of a proof's scope, mirrored by computeScope() in src/zk/scope.ts
///         (tests/contracts/scope.test.ts checks they agree).
/// @dev Shifting right by 8 bits keeps the value below the BN254 scalar field, so the circuit
///      takes it as a public input unchanged. Binding chain id, verifying contract, pool id,
///      epoch and holder means a proof made for any other of these fails verification.
library ProofScope {
    /// @notice Pool id used by the SBT mint.
    uint256 internal constant MINT_POOL_ID = 0;

    function compute(address verifyingContract, uint256 poolId, uint256 epoch, address holder)
        internal
        view
        returns (uint256)
    {
        return uint256(keccak256(abi.encode(block.chainid, verifyingContract, poolId, epoch, holder))) >> 8;
    }
}
