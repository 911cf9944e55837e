// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title CreateAddress
/// @notice The address of a contract created with CREATE:
///         keccak256(rlp([deployer, nonce]))[12:], computed without any state read.
/// @dev DataSBT uses it to recognise a pool of its PoolFactory from the pool's id alone: the
///      factory creates nothing but pools, and pool id n is created with the factory's nonce n
///      (a contract's nonce starts at 1, and pool ids start at 1).
library CreateAddress {
    /// @notice The address `deployer` creates with nonce `nonce` (1 <= nonce < 2^64, the nonce
    ///         range EIP-2681 allows); address(0) outside that range, which no contract has.
    function compute(address deployer, uint256 nonce) internal pure returns (address created) {
        if (nonce == 0 || nonce >> 64 != 0) return address(0);
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            switch lt(nonce, 0x80)
            case 1 {
                // 0xd6 ‖ 0x94 ‖ deployer (20 bytes) ‖ nonce (1 byte): 23 bytes.
                mstore(ptr, or(or(shl(248, 0xd6), shl(240, 0x94)), or(shl(80, deployer), shl(72, nonce))))
                created := keccak256(ptr, 23)
            }
            default {
                // 0xd6 + len ‖ 0x94 ‖ deployer ‖ 0x80 + len ‖ nonce (len bytes, big-endian).
                let len := 0
                for { let v := nonce } v { v := shr(8, v) } { len := add(len, 1) }
                mstore(ptr, or(or(shl(248, add(0xd6, len)), shl(240, 0x94)), or(shl(80, deployer), shl(72, add(0x80, len)))))
                mstore(add(ptr, 23), shl(sub(256, mul(8, len)), nonce))
                created := keccak256(ptr, add(23, len))
            }
            created := and(created, 0xffffffffffffffffffffffffffffffffffffffff)
        }
    }
}
