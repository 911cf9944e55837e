// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IEpochVerifier} from "../interfaces/IEpochVerifier.sol";

/// @title AcceptAllVerifier
/// @notice TEST ONLY: accepts every proof, for accounting property tests where the proof is not
///         the subject. Every test about proofs uses the real snarkjs verifier.
contract AcceptAllVerifier is IEpochVerifier {
    function verifyProof(uint256[2] calldata, uint256[2][2] calldata, uint256[2] calldata, uint256[7] calldata)
        external
        pure
        returns (bool)
    {
        return true;
    }
}
