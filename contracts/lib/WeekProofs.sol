// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IEpochVerifier, Groth16Proof} from "../interfaces/IEpochVerifier.sol";

/// @notice One batch proof of a week: its outputs and the Groth16 proof. The inputs the contract
///         supplies itself (epoch, scope, categoryMask, minPoints, accIn) are not in it.
struct BatchProof {
    uint256 root;
    uint256 points;
    uint256 fingerprint;
    uint256 totalsCommitment;
    uint256 accOut;
    Groth16Proof proof;
}

/// @title WeekProofs
/// @notice Verifies a week's proofs: 1 batch for a common week (≤ 256 domain-days), up to
///         MAX_BATCHES for a heavy one (docs/protocol.md §10). Batch k takes accIn = accOut of
///         batch k−1 (0 for the first), so the circuit carries the per-day sums from batch to batch
///         and the day cap holds across the whole day; all batches share one nullifier (one
///         secret, one scope); the week's points are the last batch's. The week root is
///         keccak256(root_1 ‖ … ‖ root_K) >> 2 (254 bits, so it shares a slot with a status).
library WeekProofs {
    uint256 internal constant MAX_BATCHES = 16;

    error WeekProofs__BadBatchCount(uint256 count);

    /// @notice What every batch of one mint or stake is checked against.
    struct Claim {
        IEpochVerifier verifier;
        /// @dev The caller's precomputed base: its categoryMask, minPoints 0.
        uint256 baseX;
        uint256 baseY;
        uint256 nullifier;
        uint256 epoch;
        uint256 scope;
    }

    /// @notice Verifies `batches` for `claim`. Returns ok = false if any proof fails, else the
    ///         week's points (the last batch's) and the week root over the batch roots.
    function verify(Claim memory claim, BatchProof[] calldata batches)
        internal
        view
        returns (bool ok, uint256 points, uint256 weekRoot)
    {
        uint256 n = batches.length;
        if (n == 0 || n > MAX_BATCHES) revert WeekProofs__BadBatchCount(n);
        uint256 accIn = 0;
        uint256[] memory roots = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            // accOut 0 would open the next batch as a first one (never happens for a real
            // Poseidon output; refused so the rule is exact).
            if (i + 1 < n && batches[i].accOut == 0) return (false, 0, 0);
            if (!_verifyBatch(claim, batches[i], accIn)) return (false, 0, 0);
            accIn = batches[i].accOut;
            roots[i] = batches[i].root;
        }
        return (true, batches[n - 1].points, weekRootOf(roots));
    }

    function _verifyBatch(Claim memory claim, BatchProof calldata b, uint256 accIn) private view returns (bool) {
        uint256[9] memory rest =
            [claim.nullifier, b.points, b.fingerprint, b.totalsCommitment, b.accOut, b.root, claim.epoch, claim.scope, accIn];
        return claim.verifier.verifyProofWithBase(b.proof.a, b.proof.b, b.proof.c, [claim.baseX, claim.baseY], rest);
    }

    /// @notice keccak256(abi.encodePacked(roots)) >> 2: what the SBT stores (src/zk computeWeekRoot).
    function weekRootOf(uint256[] memory roots) internal pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(roots))) >> 2;
    }
}
