// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IEpochVerifier} from "../interfaces/IEpochVerifier.sol";

/// @title AcceptAllVerifier
/// @notice TEST ONLY: accepts every proof, for accounting property tests where the proof is not
///         the subject. Every test about proofs uses the real generated verifier.
contract AcceptAllVerifier is IEpochVerifier {
    function verifyProof(uint256[2] calldata, uint256[2][2] calldata, uint256[2] calldata, uint256[11] calldata)
        external
        pure
        returns (bool)
    {
        return true;
    }

    /// @dev A fixed nonzero base so callers store and pass realistic (nonzero) words.
    function precomputeBase(uint256, uint256) external pure returns (uint256 x, uint256 y) {
        return (1, 2);
    }

    function verifyProofWithBase(
        uint256[2] calldata,
        uint256[2][2] calldata,
        uint256[2] calldata,
        uint256[2] calldata,
        uint256[9] calldata
    ) external pure returns (bool) {
        return true;
    }
}
