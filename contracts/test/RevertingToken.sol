// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title RevertingToken
/// @notice TEST ONLY: an ERC-20 whose owner can switch every transfer to revert, the hostile reward
///         token of issue #10 §3 (tests/anvil/pool-hostile.test.ts). Anyone mints.
contract RevertingToken is ERC20 {
    address public immutable owner;
    bool public reverting;

    error RevertingToken__Switched();
    error RevertingToken__NotOwner();

    constructor(address owner_) ERC20("Reverting Test Token", "RVRT") {
        owner = owner_;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setReverting(bool on) external {
        if (msg.sender != owner) revert RevertingToken__NotOwner();
        reverting = on;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (reverting) revert RevertingToken__Switched();
        super._update(from, to, value);
    }
}
