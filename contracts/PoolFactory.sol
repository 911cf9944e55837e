// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IEpochVerifier} from "./interfaces/IEpochVerifier.sol";
import {DataSBT} from "./DataSBT.sol";
import {DataStakingPool, DeliveryTier, PoolTerms} from "./DataStakingPool.sol";

/// @title PoolFactory
/// @notice Anyone creates a staking pool for an AI developer's data request: a reward token and
///         budget (pulled from the creator at creation), a period, a category mask, a minimum of
///         points and a metadata URI (name, sponsor, description). Pool ids start at 1 (0 is the
///         mint's scope) and index `poolAt(id - 1)`.
/// @dev Only pools listed here are funded as recorded: the factory checks the pool received
///      exactly the budget (fee-on-transfer tokens are rejected). `isPool` tells a pool made here
///      from any other contract (the extension refuses the rest). The SBT lets only this
///      factory's pools hold a stake lock on a token: it knows this factory's address (CREATE2,
///      from its own address and the verifier) and finds pool id n at this factory's CREATE
///      address for nonce n. So this factory must create nothing but pools, one per id, in order.
contract PoolFactory {
    using SafeERC20 for IERC20;

    /// @notice Creation arguments (a struct keeps the ABI readable for CLI and extension).
    struct PoolParams {
        IERC20 rewardToken;
        uint256 budget;
        uint64 start;
        uint64 end;
        uint256 categoryMask;
        uint256 minPoints;
        string metadataURI;
        /// @notice Delivery terms (docs/delivery.md): tier, the sponsor's X25519 key, review period.
        DeliveryTier deliveryTier;
        bytes32 deliveryKey;
        uint32 reviewPeriod;
    }

    DataSBT public immutable sbt;
    IEpochVerifier public immutable verifier;

    DataStakingPool[] private _pools;
    mapping(address pool => bool) public isPool;

    event PoolCreated(
        uint256 indexed poolId,
        address indexed pool,
        address indexed sponsor,
        address rewardToken,
        uint256 budget,
        uint64 start,
        uint64 end,
        uint256 categoryMask,
        uint256 minPoints,
        string metadataURI
    );

    error PoolFactory__ZeroAddress();
    error PoolFactory__FeeOnTransfer(uint256 expected, uint256 received);
    error PoolFactory__NoSuchPool(uint256 index);

    constructor(DataSBT sbt_, IEpochVerifier verifier_) {
        if (address(sbt_) == address(0) || address(verifier_) == address(0)) revert PoolFactory__ZeroAddress();
        sbt = sbt_;
        verifier = verifier_;
    }

    /// @notice Create and fund a pool; the caller must have approved `budget` to this factory.
    function createPool(PoolParams calldata p) external returns (uint256 poolId, DataStakingPool pool) {
        if (address(p.rewardToken) == address(0)) revert PoolFactory__ZeroAddress();
        poolId = _pools.length + 1;
        PoolTerms memory terms = PoolTerms({
            poolId: poolId,
            sponsor: msg.sender,
            rewardToken: p.rewardToken,
            start: p.start,
            end: p.end,
            categoryMask: p.categoryMask,
            minPoints: p.minPoints,
            deliveryTier: p.deliveryTier,
            deliveryKey: p.deliveryKey,
            reviewPeriod: p.reviewPeriod
        });
        // The only CREATE here: pool id n is created with this factory's nonce n (the SBT relies on it).
        pool = new DataStakingPool(sbt, verifier, terms, p.budget, p.metadataURI);
        _pools.push(pool);
        isPool[address(pool)] = true;

        uint256 before = p.rewardToken.balanceOf(address(pool));
        p.rewardToken.safeTransferFrom(msg.sender, address(pool), p.budget);
        uint256 received = p.rewardToken.balanceOf(address(pool)) - before;
        if (received != p.budget) revert PoolFactory__FeeOnTransfer(p.budget, received);

        emit PoolCreated(
            poolId, address(pool), msg.sender, address(p.rewardToken), p.budget, p.start, p.end,
            p.categoryMask, p.minPoints, p.metadataURI
        );
    }

    function poolCount() external view returns (uint256) {
        return _pools.length;
    }

    /// @notice The pool at `index` (0-based; its pool id is index + 1).
    function poolAt(uint256 index) external view returns (DataStakingPool) {
        if (index >= _pools.length) revert PoolFactory__NoSuchPool(index);
        return _pools[index];
    }
}
