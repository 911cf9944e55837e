// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Categories
/// @notice Mirrors src/shared/categories.ts (19 category ids, bit i = id i).
///         tests/contracts/constants.test.ts checks the mirror.
library Categories {
    uint256 internal constant COUNT = 19;
    /// @notice Every category: what a mint proves.
    uint256 internal constant ALL_MASK = (1 << COUNT) - 1;
}
