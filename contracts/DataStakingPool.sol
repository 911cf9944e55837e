// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IEpochVerifier} from "./interfaces/IEpochVerifier.sol";
import {BatchProof, WeekProofs} from "./lib/WeekProofs.sol";
import {ProofScope} from "./lib/ProofScope.sol";
import {DataSBT} from "./DataSBT.sol";

/// @notice A pool's fixed terms, set by the factory at creation.
struct PoolTerms {
    uint256 poolId;
    address sponsor;
    IERC20 rewardToken;
    uint64 start;
    uint64 end;
    uint256 categoryMask;
    uint256 minPoints;
    /// @notice What a stake delivers to the sponsor (docs/delivery.md).
    DeliveryTier deliveryTier;
    /// @notice The sponsor's X25519 public key (HPKE, RFC 9180) deliveries are sealed to; 0 for `None`.
    bytes32 deliveryKey;
    /// @notice Seconds after a stake during which the sponsor may reject its delivery; 0 for `None`.
    uint32 reviewPeriod;
}

/// @notice `Records`: the domain-day records in the pool's categories; `Totals`: their exact weekly
///         totals; `None`: points only.
enum DeliveryTier {
    None,
    Records,
    Totals
}

/// @title DataStakingPool
/// @notice Holders stake a DataSBT with a proof of points in this pool's categories; the pool
///         streams its reward budget over [start, end] pro rata to proven points.
/// @dev Reward math (docs/contracts.md has the rounding analysis):
///      - What is still unallocated streams linearly over the time still left:
///        at each update, delta = (funded - allocated) * dt / (end - lastUpdate). There is no
///        stored rate, so no rate can round to zero and no dust accumulates from one: at `end` the
///        last update allocates exactly what is left.
///      - While nobody stakes, nothing is allocated and the remainder re-spreads over the time
///        left (rolls forward to later stakers); if nobody stakes until `end`, the sponsor sweeps.
///      - accRewardPerWeight grows by (delta * PRECISION + carry) / totalWeight; the division
///        remainder is carried to the next update, so the accumulator loses nothing.
///      - A stake earns weight * (acc - accAtLastSettle) / PRECISION, rounded down, so
///        claimed + claimable <= allocated <= funded at every step.
///      Leaving: `unstake` pays what the stake earned; `leave` exits without any call to the
///      reward token and forfeits it (a token whose transfers revert cannot trap a stake). A
///      forfeited amount stays allocated to nobody: never paid, re-streamed or swept.
///      Burns: every stake locks its SBT (sbt.lockStake, with this pool's id, which the SBT
///      checks against this pool's CREATE address from its factory) until it exits, so a token cannot be
///      burned while it counts here; `claim` of a burned token is impossible by construction.
///      Delivery (docs/delivery.md): in a `Records` or `Totals` pool every stake carries an
///      envelope sealed to `deliveryKey`; it travels in the stake's calldata and its hash is
///      emitted (`Delivered`), so receipt cannot be denied. During `reviewPeriod` the sponsor may
///      `reject` a delivery that fails verification: the stake then earns nothing, its weight
///      keeps counting (its share is allocated to nobody: never paid, re-streamed or swept), so
///      rejecting gains the sponsor nothing; the token is unlocked. While under review a stake
///      cannot `claim` or `unstake` (rewards for data not yet checked); `leave` is always open.
///      Replay: a stake record is keyed by the SBT id (holder and epoch) and survives unstaking,
///      so each token stakes at most once per pool; the proof's scope binds this pool, holder,
///      epoch and chain.
contract DataStakingPool is ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    uint256 public constant PRECISION = 1e18;
    /// @notice Total funding cap: keeps accRewardPerWeight < 2^184 (it fits a stake record).
    uint256 public constant MAX_FUNDING = type(uint112).max;

    /// @notice Longest review period a pool may set (a stake cannot be held in review longer).
    uint32 public constant MAX_REVIEW_PERIOD = 30 days;
    /// @notice Largest delivery envelope accepted (bytes).
    uint256 public constant MAX_ENVELOPE = 65_536;

    enum StakeStatus {
        None,
        Staked,
        Exited,
        Rejected
    }

    /// @dev One slot per stake. Owner and epoch are in the SBT id. Weight ≤ 4,200 (7 days × 600).
    struct StakeRecord {
        uint32 weight;
        uint184 accPaid;
        StakeStatus status;
        uint32 stakedAt;
    }

    DataSBT public immutable sbt;
    /// @notice The factory that created this pool (the SBT accepts locks only from its pools).
    address public immutable factory;
    IEpochVerifier public immutable verifier;
    IERC20 public immutable rewardToken;
    address public immutable sponsor;
    uint256 public immutable poolId;
    uint64 public immutable start;
    uint64 public immutable end;
    uint256 public immutable categoryMask;
    uint256 public immutable minPoints;
    /// @notice Oldest SBT epoch accepted: the week before the pool starts.
    uint256 public immutable minEpoch;
    DeliveryTier public immutable deliveryTier;
    bytes32 public immutable deliveryKey;
    uint32 public immutable reviewPeriod;
    /// @notice IC0 + categoryMask·IC_mask (+ 0·IC_min) for this pool's mask, computed by the verifier
    ///         at construction: every batch proof of a stake is checked against exactly this; the
    ///         minimum is checked here on the week's final points.
    uint256 public immutable proofBaseX;
    uint256 public immutable proofBaseY;

    string public metadataURI;

    // slot: funding
    uint128 public funded;
    uint128 public allocated;
    // slot: stream clock
    uint64 public lastUpdate;
    uint96 public totalWeight;
    uint96 private _carry;
    // slot: accumulator
    uint256 public accRewardPerWeight;
    /// @notice Rewards given up by `leave`: allocated, but never paid, re-streamed or swept.
    uint256 public totalForfeited;

    mapping(uint256 tokenId => StakeRecord) private _stakes;

    event Staked(address indexed holder, uint256 indexed tokenId, uint256 weight, uint256 nullifier);
    /// @notice A stake's delivery: the envelope is the `envelope` argument of this transaction's `stake`.
    event Delivered(address indexed holder, uint256 indexed tokenId, bytes32 envelopeHash, uint256 size);
    /// @notice The sponsor rejected a stake's delivery (`reason`: a short code, docs/delivery.md).
    event Rejected(address indexed holder, uint256 indexed tokenId, uint256 weight, uint256 forfeited, bytes32 reason);
    event Unstaked(address indexed holder, uint256 indexed tokenId, uint256 weight);
    event Left(address indexed holder, uint256 indexed tokenId, uint256 weight, uint256 forfeited);
    event RewardPaid(address indexed holder, uint256 indexed tokenId, uint256 amount);
    event Funded(address indexed from, uint256 amount);
    event Swept(address indexed to, uint256 amount);

    error DataStakingPool__BadPeriod(uint64 start, uint64 end);
    error DataStakingPool__BadCategoryMask(uint256 mask);
    error DataStakingPool__BadMinPoints(uint256 minPoints);
    error DataStakingPool__Ended();
    error DataStakingPool__NotEnded();
    error DataStakingPool__NotHolder(uint256 tokenId, address caller);
    error DataStakingPool__NotSponsor(address caller);
    error DataStakingPool__AlreadyStaked(uint256 tokenId);
    error DataStakingPool__NotStaked(uint256 tokenId);
    error DataStakingPool__EpochTooOld(uint256 epoch, uint256 minEpoch);
    error DataStakingPool__PointsTooLarge(uint256 points);
    error DataStakingPool__InvalidProof();
    error DataStakingPool__NotEnoughPoints(uint256 points, uint256 minPoints);
    error DataStakingPool__ZeroAmount();
    error DataStakingPool__FundingTooLarge(uint256 total);
    error DataStakingPool__FeeOnTransfer(uint256 expected, uint256 received);
    error DataStakingPool__BadDeliveryTerms();
    error DataStakingPool__BadEnvelope(uint256 size);
    error DataStakingPool__NoDelivery();
    error DataStakingPool__UnderReview(uint256 tokenId, uint256 until);
    error DataStakingPool__ReviewOver(uint256 tokenId, uint256 endedAt);

    /// @dev `budget` is recorded as funded; the factory transfers it in the same transaction and
    ///      checks the pool received it. A pool not listed by the factory is not to be trusted.
    constructor(
        DataSBT sbt_,
        IEpochVerifier verifier_,
        PoolTerms memory terms,
        uint256 budget,
        string memory metadataURI_
    ) {
        if (terms.end <= terms.start || terms.end <= block.timestamp) {
            revert DataStakingPool__BadPeriod(terms.start, terms.end);
        }
        if (terms.categoryMask == 0 || terms.categoryMask >> 19 != 0) {
            revert DataStakingPool__BadCategoryMask(terms.categoryMask);
        }
        // The circuit range-checks minPoints to 32 bits: a larger minimum could never be proven.
        if (terms.minPoints > type(uint32).max) revert DataStakingPool__BadMinPoints(terms.minPoints);
        if (terms.deliveryTier == DeliveryTier.None) {
            if (terms.deliveryKey != 0 || terms.reviewPeriod != 0) revert DataStakingPool__BadDeliveryTerms();
        } else if (terms.deliveryKey == 0 || terms.reviewPeriod == 0 || terms.reviewPeriod > MAX_REVIEW_PERIOD) {
            revert DataStakingPool__BadDeliveryTerms();
        }
        deliveryTier = terms.deliveryTier;
        deliveryKey = terms.deliveryKey;
        reviewPeriod = terms.reviewPeriod;
        sbt = sbt_;
        factory = msg.sender;
        verifier = verifier_;
        rewardToken = terms.rewardToken;
        sponsor = terms.sponsor;
        poolId = terms.poolId;
        start = terms.start;
        end = terms.end;
        categoryMask = terms.categoryMask;
        minPoints = terms.minPoints;
        (proofBaseX, proofBaseY) = verifier_.precomputeBase(terms.categoryMask, 0);
        uint256 startEpoch = terms.start / sbt_.EPOCH_SECONDS();
        minEpoch = startEpoch == 0 ? 0 : startEpoch - 1;
        metadataURI = metadataURI_;
        if (budget == 0) revert DataStakingPool__ZeroAmount();
        if (budget > MAX_FUNDING) revert DataStakingPool__FundingTooLarge(budget);
        funded = uint128(budget);
        // Rewards stream from the later of start and creation: nobody could stake before.
        lastUpdate = terms.start > block.timestamp ? terms.start : uint64(block.timestamp);
        // Only differences of the accumulator matter; starting at 1 makes the first allocation a
        // nonzero-to-nonzero write (2,900 gas instead of 20,000), paid here by the creator.
        accRewardPerWeight = 1;
    }

    // ---------------------------------------------------------------- staking

    /// @notice Stake SBT `tokenId` with the week's batch proofs that its commitments hold `points`
    ///         points in this pool's categories (and at least minPoints). Weight = points.
    ///         `envelope`: the delivery sealed to `deliveryKey` (empty for a pool without delivery).
    function stake(uint256 tokenId, uint256 nullifier, BatchProof[] calldata batches, bytes calldata envelope)
        external
        nonReentrant
        returns (uint256 points)
    {
        if (block.timestamp >= end) revert DataStakingPool__Ended();
        if (_stakes[tokenId].status != StakeStatus.None) revert DataStakingPool__AlreadyStaked(tokenId);
        bool delivers = deliveryTier != DeliveryTier.None;
        if (delivers ? envelope.length == 0 || envelope.length > MAX_ENVELOPE : envelope.length != 0) {
            revert DataStakingPool__BadEnvelope(envelope.length);
        }
        points = _provenPoints(tokenId, nullifier, batches);

        uint256 acc = _updateStream();
        totalWeight = SafeCast.toUint96(uint256(totalWeight) + points);
        _stakes[tokenId] = StakeRecord({
            weight: uint32(points),
            accPaid: SafeCast.toUint184(acc),
            status: StakeStatus.Staked,
            stakedAt: uint32(block.timestamp)
        });
        // The token cannot burn while it counts here (the SBT accepts this from factory pools only).
        sbt.lockStake(tokenId, poolId);
        emit Staked(msg.sender, tokenId, points, nullifier);
        if (delivers) emit Delivered(msg.sender, tokenId, keccak256(envelope), envelope.length);
    }

    /// @notice The sponsor rejects stake `tokenId`'s delivery (it failed verification), within the
    ///         review period. The stake earns nothing more and keeps its weight (its share goes to
    ///         nobody); its earnings so far are forfeited; the token is unlocked.
    function reject(uint256 tokenId, bytes32 reason) external nonReentrant returns (uint256 forfeited) {
        if (msg.sender != sponsor) revert DataStakingPool__NotSponsor(msg.sender);
        if (deliveryTier == DeliveryTier.None) revert DataStakingPool__NoDelivery();
        StakeRecord memory s = _stakes[tokenId];
        if (s.status != StakeStatus.Staked) revert DataStakingPool__NotStaked(tokenId);
        uint256 until = uint256(s.stakedAt) + reviewPeriod;
        if (block.timestamp >= until) revert DataStakingPool__ReviewOver(tokenId, until);
        uint256 acc = _updateStream();
        forfeited = _owed(s, acc);
        if (forfeited != 0) totalForfeited += forfeited;
        // Weight stays in totalWeight: what it would earn is allocated and never paid.
        _stakes[tokenId] = StakeRecord({
            weight: s.weight,
            accPaid: SafeCast.toUint184(acc),
            status: StakeStatus.Rejected,
            stakedAt: s.stakedAt
        });
        sbt.unlockStake(tokenId, poolId);
        emit Rejected(_holderOf(tokenId), tokenId, s.weight, forfeited, reason);
    }

    /// @notice When the review of stake `tokenId`'s delivery ends (0 without delivery or stake).
    function reviewEndsAt(uint256 tokenId) public view returns (uint256) {
        StakeRecord memory s = _stakes[tokenId];
        if (deliveryTier == DeliveryTier.None || s.status == StakeStatus.None) return 0;
        return uint256(s.stakedAt) + reviewPeriod;
    }

    function _requireReviewed(uint256 tokenId, StakeRecord memory s) private view {
        if (deliveryTier == DeliveryTier.None) return;
        uint256 until = uint256(s.stakedAt) + reviewPeriod;
        if (block.timestamp < until) revert DataStakingPool__UnderReview(tokenId, until);
    }

    /// @dev The caller's live token, recent enough, with batches that are exactly the token's
    ///      (their roots hash to its week root) and prove at least minPoints in this pool's mask.
    function _provenPoints(uint256 tokenId, uint256 nullifier, BatchProof[] calldata batches)
        private
        view
        returns (uint256 points)
    {
        (address holder, uint256 epoch, uint256 weekRoot) = sbt.stakeContext(tokenId);
        if (holder != msg.sender) revert DataStakingPool__NotHolder(tokenId, msg.sender);
        if (epoch < minEpoch) revert DataStakingPool__EpochTooOld(epoch, minEpoch);
        WeekProofs.Claim memory week = WeekProofs.Claim({
            verifier: verifier,
            baseX: proofBaseX,
            baseY: proofBaseY,
            nullifier: nullifier,
            epoch: epoch,
            scope: ProofScope.compute(address(this), poolId, epoch, msg.sender)
        });
        (bool ok, uint256 proven, uint256 provenRoot) = WeekProofs.verify(week, batches);
        if (!ok || provenRoot != weekRoot) revert DataStakingPool__InvalidProof();
        if (proven < minPoints) revert DataStakingPool__NotEnoughPoints(proven, minPoints);
        if (proven > type(uint32).max) revert DataStakingPool__PointsTooLarge(proven);
        return proven;
    }

    /// @notice Pay the stake's pending rewards to its holder.
    function claim(uint256 tokenId) external nonReentrant returns (uint256 paid) {
        StakeRecord memory s = _stakes[tokenId];
        if (s.status != StakeStatus.Staked) revert DataStakingPool__NotStaked(tokenId);
        address holder = _holderOf(tokenId);
        if (holder != msg.sender) revert DataStakingPool__NotHolder(tokenId, msg.sender);
        _requireReviewed(tokenId, s);
        uint256 acc = _updateStream();
        paid = _owed(s, acc);
        _stakes[tokenId].accPaid = SafeCast.toUint184(acc);
        _pay(holder, tokenId, paid);
    }

    /// @notice Leave the pool with the rewards earned so far. The token cannot stake here again.
    function unstake(uint256 tokenId) external nonReentrant returns (uint256 paid) {
        StakeRecord memory s = _stakes[tokenId];
        if (s.status != StakeStatus.Staked) revert DataStakingPool__NotStaked(tokenId);
        address holder = _holderOf(tokenId);
        if (holder != msg.sender) revert DataStakingPool__NotHolder(tokenId, msg.sender);
        _requireReviewed(tokenId, s);
        paid = _exit(tokenId, s);
        emit Unstaked(holder, tokenId, s.weight);
        _pay(holder, tokenId, paid);
    }

    /// @notice Leave the pool WITHOUT any call to the reward token, giving up what the stake
    ///         earned (`forfeited`). The way out when the token's transfers revert; the token
    ///         cannot stake here again. The forfeited amount stays allocated to nobody.
    function leave(uint256 tokenId) external nonReentrant returns (uint256 forfeited) {
        StakeRecord memory s = _stakes[tokenId];
        if (s.status != StakeStatus.Staked) revert DataStakingPool__NotStaked(tokenId);
        address holder = _holderOf(tokenId);
        if (holder != msg.sender) revert DataStakingPool__NotHolder(tokenId, msg.sender);
        forfeited = _exit(tokenId, s);
        if (forfeited != 0) totalForfeited += forfeited;
        emit Left(holder, tokenId, s.weight, forfeited);
    }

    // ---------------------------------------------------------------- funding

    /// @notice Add rewards before the end; they stream over the time left.
    function fund(uint256 amount) external nonReentrant {
        if (block.timestamp >= end) revert DataStakingPool__Ended();
        if (amount == 0) revert DataStakingPool__ZeroAmount();
        _updateStream();
        uint256 total = uint256(funded) + amount;
        if (total > MAX_FUNDING) revert DataStakingPool__FundingTooLarge(total);
        uint256 before = rewardToken.balanceOf(address(this));
        rewardToken.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = rewardToken.balanceOf(address(this)) - before;
        if (received != amount) revert DataStakingPool__FeeOnTransfer(amount, received);
        funded = uint128(total);
        emit Funded(msg.sender, amount);
    }

    /// @notice After the end the sponsor takes back what was never allocated (nobody staked).
    function sweep(address to) external nonReentrant returns (uint256 amount) {
        if (msg.sender != sponsor) revert DataStakingPool__NotSponsor(msg.sender);
        if (block.timestamp < end) revert DataStakingPool__NotEnded();
        _updateStream();
        amount = uint256(funded) - allocated;
        allocated = funded;
        if (amount != 0) rewardToken.safeTransfer(to, amount);
        emit Swept(to, amount);
    }

    // ---------------------------------------------------------------- views

    /// @notice Rewards `tokenId` could claim now.
    function pendingRewards(uint256 tokenId) external view returns (uint256) {
        StakeRecord memory s = _stakes[tokenId];
        if (s.status != StakeStatus.Staked) return 0;
        return _owed(s, _previewStream());
    }

    function stakeOf(uint256 tokenId) external view returns (StakeRecord memory) {
        return _stakes[tokenId];
    }

    /// @notice The scope a stake proof must carry for `holder` and SBT `epoch` in this pool.
    function stakeScope(address holder, uint256 epoch) external view returns (uint256) {
        return ProofScope.compute(address(this), poolId, epoch, holder);
    }

    // ---------------------------------------------------------------- internals

    function _exit(uint256 tokenId, StakeRecord memory s) private returns (uint256 paid) {
        uint256 acc = _updateStream();
        paid = _owed(s, acc);
        totalWeight -= s.weight;
        _stakes[tokenId] = StakeRecord({
            weight: 0,
            accPaid: SafeCast.toUint184(acc),
            status: StakeStatus.Exited,
            stakedAt: s.stakedAt
        });
        sbt.unlockStake(tokenId, poolId);
    }

    function _pay(address holder, uint256 tokenId, uint256 amount) private {
        if (amount == 0) return;
        rewardToken.safeTransfer(holder, amount);
        emit RewardPaid(holder, tokenId, amount);
    }

    function _owed(StakeRecord memory s, uint256 acc) private pure returns (uint256) {
        return (uint256(s.weight) * (acc - s.accPaid)) / PRECISION;
    }

    function _holderOf(uint256 tokenId) private pure returns (address) {
        return address(uint160(tokenId >> 96));
    }

    /// @dev Brings the stream to now and returns the accumulator. Reads the funding slot only
    ///      when something is allocated (a first stake into an empty pool skips it).
    function _updateStream() private returns (uint256 acc) {
        acc = accRewardPerWeight;
        uint64 last = lastUpdate;
        uint64 at = _streamTime();
        if (at <= last) return acc;
        uint256 weight = totalWeight;
        if (weight == 0) {
            lastUpdate = at; // nothing allocated: the remainder spreads over the time left
            return acc;
        }
        uint256 newAllocated;
        uint256 carry;
        (acc, newAllocated, carry) = _advance(acc, allocated, _carry, weight, last, at);
        lastUpdate = at;
        _carry = uint96(carry);
        allocated = uint128(newAllocated);
        accRewardPerWeight = acc;
    }

    /// @dev The accumulator at min(now, end), without writing anything.
    function _previewStream() private view returns (uint256 acc) {
        acc = accRewardPerWeight;
        uint64 last = lastUpdate;
        uint64 at = _streamTime();
        uint256 weight = totalWeight;
        if (at <= last || weight == 0) return acc;
        (acc,,) = _advance(acc, allocated, _carry, weight, last, at);
    }

    function _streamTime() private view returns (uint64) {
        return block.timestamp < end ? uint64(block.timestamp) : end;
    }

    /// @dev One step of the stream from `last` to `at` with `weight` > 0 staked:
    ///      what is left streams over the time left; the division remainder is carried.
    function _advance(uint256 acc, uint256 allocated_, uint256 carry, uint256 weight, uint64 last, uint64 at)
        private
        view
        returns (uint256, uint256, uint256)
    {
        uint256 delta = ((uint256(funded) - allocated_) * (at - last)) / (end - last);
        uint256 numerator = delta * PRECISION + carry;
        return (acc + numerator / weight, allocated_ + delta, numerator % weight);
    }
}
