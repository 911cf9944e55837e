// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";
import {IEpochVerifier} from "./interfaces/IEpochVerifier.sol";
import {BatchProof, WeekProofs} from "./lib/WeekProofs.sol";
import {IERC5192} from "./interfaces/IERC5192.sol";
import {ProofScope} from "./lib/ProofScope.sol";
import {Categories} from "./lib/Categories.sol";
import {CreateAddress} from "./lib/CreateAddress.sol";
import {PoolFactory} from "./PoolFactory.sol";

/// @title DataSBT
/// @notice A soulbound (ERC-721 + ERC-5192) token per holder per finished weekly epoch. It is minted
///         with the week's Groth16 proofs (one per batch of domain-days, chained: WeekProofs) that
///         the holder's commitments hold `points` points over all categories. The token stores the
///         week root (over the batch roots), epoch and points so pools can demand later proofs
///         against the same commitments. Each batch root binds its epoch, so a week's roots can only
///         be minted for that week.
/// @dev Invariants:
///      - tokenId = holder << 96 | epoch, so there is at most one token per (holder, epoch) ever:
///        the record survives a burn, so a burned epoch cannot be minted again.
///      - The proof's scope is computed here from (chainid, this, 0, epoch, msg.sender): a proof
///        made for another holder, chain, contract or epoch fails verification. Replaying a valid
///        proof hits the existing record (same holder and epoch), so it reverts.
///      - Nothing moves a token: transfers and approvals revert; only the holder can burn (exit).
///      - A token with a live stake in a factory-made pool cannot be burned: such pools report
///        every stake and exit here (lockStake / unlockStake), so a stake's weight has always
///        stopped counting by the time of the burn. Only pools made by `poolFactory` may lock:
///        the one PoolFactory of this SBT, fixed at construction (its CREATE2 address), whose
///        pools sit at its CREATE addresses (pool id = nonce), so a lock reads no state to
///        check its caller. A factory pool's `leave` never calls the reward token, so no pool
///        can block a burn forever.
///      The ERC-721 is written here, not inherited, because a soulbound token needs none of the
///      transfer machinery and packing the record saves a storage slot (~22k gas) per mint.
///      Storage per mint: the token slot (root | status) and one 32-bit lane of the holder's
///      points page (8 epochs per slot). balanceOf is derived from the pages, not stored:
///      a first mint writes two fresh slots instead of three (docs/contracts.md, Gas).
contract DataSBT is ERC165, IERC721Metadata, IERC5192 {
    /// @notice Epochs are weeks since the Unix epoch (src/shared/epoch.ts, counted in UTC here).
    uint256 public constant EPOCH_SECONDS = 7 days;
    /// @notice A mint proves at least this many points over all categories.
    uint256 public constant MINT_MIN_POINTS = 1;
    /// @notice A mint proves points over every category (mirrors src/shared/categories.ts).
    uint256 public constant MINT_CATEGORY_MASK = Categories.ALL_MASK;

    /// @dev A token's week root and status share one slot: the week root is 254 bits
    ///      (WeekProofs.weekRootOf), so the top two bits are free.
    ///      Pools read only this slot when checking a stake proof.
    uint256 private constant STATUS_SHIFT = 254;
    uint256 private constant ROOT_MASK = (1 << STATUS_SHIFT) - 1;
    uint256 private constant LIVE = 1;
    uint256 private constant BURNED = 2;
    /// @dev Points pages: epoch e of a holder is lane e % 8 (32 bits) of page e / 8. A valid
    ///      mint proves 1 <= points <= 4,200 (the circuit's weekly cap), so a nonzero lane is
    ///      exactly a live token; a burn zeroes it.
    ///      A lane is 24 bits of points and, above them, an 8-bit count of the token's live
    ///      stakes in factory pools (so a stake lock rewrites the page slot, never a fresh slot).
    uint256 private constant LANE_BITS = 32;
    uint256 private constant POINTS_BITS = 24;
    uint256 private constant POINTS_MASK = (1 << POINTS_BITS) - 1;
    uint256 private constant MAX_LIVE_STAKES = (1 << (LANE_BITS - POINTS_BITS)) - 1;
    uint256 private constant PAGE_SHIFT = 3;
    uint256 private constant LANE_INDEX = (1 << PAGE_SHIFT) - 1;
    uint256 private constant LANE_MASK = (1 << LANE_BITS) - 1;

    IEpochVerifier public immutable verifier;
    /// @dev IC0 + MINT_CATEGORY_MASK·IC_mask (+ 0·IC_min: the minimum is checked on the week's final
    ///      points here), computed once by the verifier at construction: every mint proof is checked
    ///      against exactly these constants.
    uint256 private immutable _baseX;
    uint256 private immutable _baseY;
    /// @notice The one factory whose pools may lock a token: PoolFactory(this, verifier) created
    ///         with CREATE2 by this contract's deployer (the deterministic-deployment proxy) with
    ///         DEPLOY_SALT, i.e. where scripts/lib/deploy-plan.ts puts it on every chain.
    address public immutable poolFactory;
    /// @notice The project's CREATE2 salt (CREATE2_SALT in scripts/lib/create2.ts).
    bytes32 public constant DEPLOY_SALT = keccak256("surf-to-earn/deploy/v1");

    /// @dev root | status << 254; zero = never minted. Kept (as BURNED) after a burn.
    mapping(uint256 tokenId => uint256) private _tokens;
    /// @dev holder => page (epoch / 8) => 8 lanes of 32-bit points.
    mapping(address holder => mapping(uint256 page => uint256 lanes)) private _points;

    event Minted(
        address indexed holder, uint256 indexed tokenId, uint256 epoch, uint256 points, uint256 weekRoot, uint256 nullifier, uint256 batches
    );

    error DataSBT__ZeroVerifier();
    error DataSBT__EpochNotFinished(uint256 epoch, uint256 currentEpoch);
    error DataSBT__PointsTooLarge(uint256 points);
    error DataSBT__AlreadyMinted(uint256 tokenId);
    error DataSBT__InvalidProof();
    error DataSBT__NotEnoughPoints(uint256 points);
    error DataSBT__NonexistentToken(uint256 tokenId);
    error DataSBT__NotHolder(uint256 tokenId, address caller);
    error DataSBT__Soulbound();
    error DataSBT__ZeroAddress();
    error DataSBT__NotFactoryPool(address caller);
    error DataSBT__StillStaked(uint256 tokenId, uint256 liveStakes);
    error DataSBT__TooManyStakes(uint256 tokenId);
    error DataSBT__NoStakeLock(uint256 tokenId);

    event StakeLocked(uint256 indexed tokenId, address indexed pool, uint256 liveStakes);
    event StakeUnlocked(uint256 indexed tokenId, address indexed pool, uint256 liveStakes);

    constructor(IEpochVerifier verifier_) {
        if (address(verifier_) == address(0)) revert DataSBT__ZeroVerifier();
        verifier = verifier_;
        (_baseX, _baseY) = verifier_.precomputeBase(MINT_CATEGORY_MASK, 0);
        // The factory's init code binds this SBT and the verifier, so only the genuine factory can
        // ever be created at this address (by anyone, through the same deployer and salt).
        bytes32 factoryInitHash = keccak256(abi.encodePacked(type(PoolFactory).creationCode, abi.encode(this, verifier_)));
        poolFactory = Create2.computeAddress(DEPLOY_SALT, factoryInitHash, msg.sender);
    }

    // ---------------------------------------------------------------- mint and burn

    /// @notice Mint the caller's token for a finished `epoch` from the week's batch proofs
    ///         (one for a common week; chained through accIn/accOut for a heavy one).
    /// @dev Epoch must be finished in UTC (< currentEpoch()) so a commitment covers a closed week;
    ///      clients in zones ahead of UTC wait until the UTC week ends.
    function mint(uint256 epoch, uint256 nullifier, BatchProof[] calldata batches) external returns (uint256 tokenId) {
        uint256 current = block.timestamp / EPOCH_SECONDS;
        if (epoch >= current) revert DataSBT__EpochNotFinished(epoch, current);
        tokenId = tokenIdOf(msg.sender, epoch);
        if (_tokens[tokenId] != 0) revert DataSBT__AlreadyMinted(tokenId);

        WeekProofs.Claim memory week = WeekProofs.Claim({
            verifier: verifier,
            baseX: _baseX,
            baseY: _baseY,
            nullifier: nullifier,
            epoch: epoch,
            scope: ProofScope.compute(address(this), ProofScope.MINT_POOL_ID, epoch, msg.sender)
        });
        (bool ok, uint256 points, uint256 weekRoot) = WeekProofs.verify(week, batches);
        if (!ok) revert DataSBT__InvalidProof();
        if (points < MINT_MIN_POINTS) revert DataSBT__NotEnoughPoints(points);
        // Never rejects a valid proof (at most 4,200 points a week); keeps a lane's 24 points bits.
        if (points > POINTS_MASK) revert DataSBT__PointsTooLarge(points);

        _tokens[tokenId] = weekRoot | (LIVE << STATUS_SHIFT);
        // The lane is empty: this (holder, epoch) was never minted (a burn keeps its record).
        _points[msg.sender][epoch >> PAGE_SHIFT] |= points << _laneShift(epoch);
        emit Transfer(address(0), msg.sender, tokenId);
        emit Locked(tokenId);
        emit Minted(msg.sender, tokenId, epoch, points, weekRoot, nullifier, batches.length);
    }

    /// @notice The holder leaves: the token is destroyed and its (holder, epoch) cannot mint again.
    ///         Every stake in a factory pool must be left first (unstake, or `leave` when the
    ///         pool's reward token cannot pay): a burned token never counts in a pool.
    function burn(uint256 tokenId) external {
        address holder = _liveHolder(tokenId);
        if (holder != msg.sender) revert DataSBT__NotHolder(tokenId, msg.sender);
        uint256 epoch = uint96(tokenId);
        uint256 page = _points[holder][epoch >> PAGE_SHIFT];
        uint256 stakes = (page >> (_laneShift(epoch) + POINTS_BITS)) & MAX_LIVE_STAKES;
        if (stakes != 0) revert DataSBT__StillStaked(tokenId, stakes);
        _tokens[tokenId] = BURNED << STATUS_SHIFT;
        _points[holder][epoch >> PAGE_SHIFT] = page & ~(LANE_MASK << _laneShift(epoch));
        emit Transfer(holder, address(0), tokenId);
    }

    // ---------------------------------------------------------------- stake locks (factory pools)

    /// @notice Called by factory pool `poolId` when `tokenId` stakes in it: the token cannot burn
    ///         until the pool calls `unlockStake`. Reverts unless the token is live.
    function lockStake(uint256 tokenId, uint256 poolId) external {
        _checkFactoryPool(poolId);
        address holder = _liveHolder(tokenId);
        uint256 epoch = uint96(tokenId);
        uint256 shift = _laneShift(epoch) + POINTS_BITS;
        mapping(uint256 => uint256) storage pages = _points[holder];
        uint256 page = pages[epoch >> PAGE_SHIFT];
        uint256 stakes = (page >> shift) & MAX_LIVE_STAKES;
        if (stakes == MAX_LIVE_STAKES) revert DataSBT__TooManyStakes(tokenId);
        // stakes < 255: adding one stays inside the lane's 8 count bits (no carry, no overflow).
        unchecked {
            pages[epoch >> PAGE_SHIFT] = page + (1 << shift);
            emit StakeLocked(tokenId, msg.sender, stakes + 1);
        }
    }

    /// @notice Called by factory pool `poolId` when `tokenId`'s stake leaves it (unstake or leave).
    function unlockStake(uint256 tokenId, uint256 poolId) external {
        _checkFactoryPool(poolId);
        uint256 epoch = uint96(tokenId);
        uint256 shift = _laneShift(epoch) + POINTS_BITS;
        mapping(uint256 => uint256) storage pages = _points[address(uint160(tokenId >> 96))];
        uint256 page = pages[epoch >> PAGE_SHIFT];
        uint256 stakes = (page >> shift) & MAX_LIVE_STAKES;
        // A factory pool unlocks only what it locked, so this never reverts for one.
        if (stakes == 0) revert DataSBT__NoStakeLock(tokenId);
        // stakes >= 1: subtracting one stays inside the lane's count bits (no borrow).
        unchecked {
            pages[epoch >> PAGE_SHIFT] = page - (1 << shift);
            emit StakeUnlocked(tokenId, msg.sender, stakes - 1);
        }
    }

    /// @notice Live stakes of `tokenId` in factory pools (0 for a burned or unknown token).
    function liveStakes(uint256 tokenId) external view returns (uint256) {
        return _liveStakes(tokenId);
    }

    // ---------------------------------------------------------------- views for provers and pools

    function currentEpoch() external view returns (uint256) {
        return block.timestamp / EPOCH_SECONDS;
    }

    /// @notice Token id of `holder`'s token for `epoch` (whether or not it exists).
    function tokenIdOf(address holder, uint256 epoch) public pure returns (uint256) {
        return (uint256(uint160(holder)) << 96) | uint96(epoch);
    }

    /// @notice The scope a mint proof must carry for `holder` and `epoch` on this contract.
    function mintScope(address holder, uint256 epoch) external view returns (uint256) {
        return ProofScope.compute(address(this), ProofScope.MINT_POOL_ID, epoch, holder);
    }

    /// @notice What a pool needs to check a stake proof (one storage read); reverts unless live.
    ///         `root` is the week root over the token's batch roots.
    function stakeContext(uint256 tokenId) external view returns (address holder, uint256 epoch, uint256 root) {
        uint256 packed = _tokens[tokenId];
        if (packed >> STATUS_SHIFT != LIVE) revert DataSBT__NonexistentToken(tokenId);
        return (address(uint160(tokenId >> 96)), uint96(tokenId), packed & ROOT_MASK);
    }

    /// @notice Everything stored about a live token; reverts unless live.
    function tokenData(uint256 tokenId)
        external
        view
        returns (address holder, uint256 epoch, uint256 root, uint256 points)
    {
        holder = _liveHolder(tokenId);
        return (holder, uint96(tokenId), _tokens[tokenId] & ROOT_MASK, _pointsOf(holder, uint96(tokenId)));
    }

    function isLive(uint256 tokenId) external view returns (bool) {
        return _tokens[tokenId] >> STATUS_SHIFT == LIVE;
    }

    function everMinted(uint256 tokenId) external view returns (bool) {
        return _tokens[tokenId] != 0;
    }

    // ---------------------------------------------------------------- ERC-721 (soulbound)

    /// @notice Number of live tokens of `owner`, counted from the points pages (a live token has
    ///         a nonzero lane). Costs one storage read per 8 epochs up to the current one
    ///         (~370 reads, ~0.9M gas in 2026): meant for off-chain reads.
    function balanceOf(address owner) external view returns (uint256 count) {
        if (owner == address(0)) revert DataSBT__ZeroAddress();
        uint256 lastPage = (block.timestamp / EPOCH_SECONDS) >> PAGE_SHIFT;
        for (uint256 page = 0; page <= lastPage; ++page) {
            uint256 lanes = _points[owner][page];
            while (lanes != 0) {
                if (lanes & LANE_MASK != 0) ++count;
                lanes >>= LANE_BITS;
            }
        }
    }

    function ownerOf(uint256 tokenId) external view returns (address) {
        return _liveHolder(tokenId);
    }

    function getApproved(uint256 tokenId) external view returns (address) {
        _liveHolder(tokenId);
        return address(0);
    }

    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    function approve(address, uint256) external pure {
        revert DataSBT__Soulbound();
    }

    function setApprovalForAll(address, bool) external pure {
        revert DataSBT__Soulbound();
    }

    function transferFrom(address, address, uint256) external pure {
        revert DataSBT__Soulbound();
    }

    function safeTransferFrom(address, address, uint256) external pure {
        revert DataSBT__Soulbound();
    }

    function safeTransferFrom(address, address, uint256, bytes calldata) external pure {
        revert DataSBT__Soulbound();
    }

    /// @notice ERC-5192: every live token is locked forever.
    function locked(uint256 tokenId) external view returns (bool) {
        _liveHolder(tokenId);
        return true;
    }

    function name() external pure returns (string memory) {
        return "Surf to Earn Data";
    }

    function symbol() external pure returns (string memory) {
        return "S2EDATA";
    }

    /// @notice On-chain JSON metadata: epoch and proven points, nothing about the browsing itself.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _liveHolder(tokenId);
        string memory epoch = Strings.toString(uint96(tokenId));
        string memory points = Strings.toString(_pointsOf(address(uint160(tokenId >> 96)), uint96(tokenId)));
        bytes memory json = abi.encodePacked(
            '{"name":"Surf to Earn data, epoch ', epoch,
            '","description":"Soulbound proof of browsing points; the data stays with its owner.",',
            '"attributes":[{"trait_type":"epoch","value":', epoch,
            '},{"trait_type":"points","value":', points, "}]}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(json));
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return interfaceId == type(IERC721).interfaceId || interfaceId == type(IERC721Metadata).interfaceId
            || interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    function _pointsOf(address holder, uint256 epoch) private view returns (uint256) {
        return (_points[holder][epoch >> PAGE_SHIFT] >> _laneShift(epoch)) & POINTS_MASK;
    }

    function _liveStakes(uint256 tokenId) private view returns (uint256) {
        uint256 epoch = uint96(tokenId);
        uint256 page = _points[address(uint160(tokenId >> 96))][epoch >> PAGE_SHIFT];
        return (page >> (_laneShift(epoch) + POINTS_BITS)) & MAX_LIVE_STAKES;
    }

    /// @dev The caller is pool `poolId` of `poolFactory`: the factory creates nothing but pools,
    ///      pool id n with its nonce n, so the contract at CREATE(poolFactory, poolId) is that
    ///      pool or nothing, and no other contract has that address. Pure computation, no state
    ///      read and no external call. A factory pool calls only this SBT (its `sbt` is the
    ///      factory's), and its code always lets the holder leave, so the holder can always
    ///      release a lock.
    function _checkFactoryPool(uint256 poolId) private view {
        if (msg.sender != CreateAddress.compute(poolFactory, poolId)) revert DataSBT__NotFactoryPool(msg.sender);
    }

    function _laneShift(uint256 epoch) private pure returns (uint256) {
        return (epoch & LANE_INDEX) * LANE_BITS;
    }

    function _liveHolder(uint256 tokenId) private view returns (address) {
        if (_tokens[tokenId] >> STATUS_SHIFT != LIVE) revert DataSBT__NonexistentToken(tokenId);
        return address(uint160(tokenId >> 96));
    }
}
