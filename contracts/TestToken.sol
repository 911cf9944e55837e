// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title TestToken
/// @notice A plain ERC-20 for devnet and testnet rewards; only `owner_` mints. Never deploy to a real chain.
/// @dev The owner is an argument, not msg.sender: deployed with CREATE2 through the deterministic-deployment
///      proxy, msg.sender would be the proxy and nobody could mint.
contract TestToken is ERC20, Ownable {
    constructor(string memory name_, string memory symbol_, address owner_) ERC20(name_, symbol_) Ownable(owner_) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
