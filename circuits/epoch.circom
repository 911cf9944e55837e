pragma circom 2.1.0;

// EpochProof(N): proves, for one weekly epoch, how many points a set of N
// committed domain-day leaves earns in the categories of a public mask, without
// revealing the leaves.
//
// Public signals, in snarkjs order (outputs first, then public inputs):
//   0 nullifier    (out) Poseidon(nullifierSecret, scope): one per (secret, scope),
//                        deterministic, never derived from proof bytes.
//   1 points       (out) sum over days of min(DAY_CAP, sum of the day's counted leaf points).
//   2 root         (in)  Poseidon(treeRoot, Poseidon(nullifierSecret)): the epoch commitment.
//   3 epoch        (in)  leaves store their day as an offset in [0, 6] within this epoch,
//                        so every leaf's day lies in [epoch*7, epoch*7 + 6].
//   4 categoryMask (in)  bit id set = category id counted; < 2^32.
//   5 minPoints    (in)  points >= minPoints; < 2^32.
//   6 scope        (in)  keccak(chainId, contract, poolId, epoch, holder) >> 8 (src/zk/scope.ts).
//
// Private inputs:
//   nullifierSecret      per-vault secret; binds the commitment to its owner.
//   saltedDomain[N]      Poseidon(vaultSalt, domain) computed off-circuit; only hashed here.
//   packed[N]            dayOffset | category | activeUnits | visits | interactionUnits at the
//                        fixed bit offsets of circuits/lib/constants.circom (LSB first);
//                        activeUnits = floor(seconds / 10), interactionUnits = floor(n / 10),
//                        each saturated above its cap (src/zk/leaf.ts).
//
// Leaves may come in any order (src/zk sorts them by day for a stable root);
// unused slots are padding leaves (saltedDomain 0, day offset 6 = the epoch's
// last day, all measures 0) which score 0.

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/poseidon.circom";
include "./lib/constants.circom";
include "./lib/ranged.circom";
include "./lib/domain-day-points.circom";
include "./lib/category-mask.circom";
include "./lib/commitment-tree.circom";
include "./lib/day-split.circom";

template EpochProof(N) {
    signal output nullifier;
    signal output points;

    signal input root;
    signal input epoch;
    signal input categoryMask;
    signal input minPoints;
    signal input scope;

    signal input nullifierSecret;
    signal input saltedDomain[N];
    signal input packed[N];

    // --- Public inputs, each range-checked or hashed so none is unconstrained.
    // The mask is decomposed once; its bits drive every leaf's multiplexer.
    component mask = Num2Bits(MASK_BITS());
    mask.in <== categoryMask;
    // The epoch only positions the leaves' day offsets (day = 7 * epoch + offset);
    // range-checking it constrains it (no free public input) and bounds it to 16 bits.
    component epochRange = Num2Bits(EPOCH_BITS());
    epochRange.in <== epoch;
    component minPointsRange = Num2Bits(MIN_POINTS_BITS());
    minPointsRange.in <== minPoints;

    component leaf[N];
    component score[N];
    component counted[N];
    component day[N];
    signal leafPoints[N];

    for (var i = 0; i < N; i++) {
        // Decompose the packed leaf: this range-checks every field to its width
        // (packed < 2^PACKED_BITS, far below the field, so the decomposition is unique).
        leaf[i] = Num2Bits(PACKED_BITS());
        leaf[i].in <== packed[i];

        // Points of the domain-day from its committed measures (scoreDomainDay).
        score[i] = DomainDayPoints();
        for (var b = 0; b < ACTIVE_BITS(); b++) { score[i].activeBits[b] <== leaf[i].out[ACTIVE_OFFSET() + b]; }
        for (var b = 0; b < VISITS_BITS(); b++) { score[i].visitsBits[b] <== leaf[i].out[VISITS_OFFSET() + b]; }
        for (var b = 0; b < INTERACTIONS_BITS(); b++) { score[i].interactionsBits[b] <== leaf[i].out[INTERACTIONS_OFFSET() + b]; }

        // Counted only if the category's bit is set in the mask.
        counted[i] = MaskBit(CATEGORY_BITS());
        for (var b = 0; b < CATEGORY_BITS(); b++) { counted[i].categoryBits[b] <== leaf[i].out[CATEGORY_OFFSET() + b]; }
        counted[i].maskBits <== mask.out;
        leafPoints[i] <== counted[i].out * score[i].points;

        // The leaf's day is epoch * 7 + offset: DaySplit constrains the 3-bit
        // offset to [0, 6] and routes the leaf's counted points to its day.
        day[i] = DaySplit();
        day[i].in <== leafPoints[i];
        for (var b = 0; b < DAY_OFFSET_BITS(); b++) { day[i].bits[b] <== leaf[i].out[DAY_OFFSET() + b]; }
    }

    // Each day's total, capped at DAY_CAP. A day's uncapped sum is at most
    // N * DOMAIN_DAY_CAP < 2^daySumBits, so GeqConstBounded's range assumption
    // holds; the capped sum over days is <= 7 * DAY_CAP: no overflow.
    var daySumBits = bitLen(N * DOMAIN_DAY_CAP());
    component dayCapHit[EPOCH_DAYS()];
    component dayCapped[EPOCH_DAYS()];
    var total = 0;
    for (var d = 0; d < EPOCH_DAYS(); d++) {
        var daySum = 0;
        for (var i = 0; i < N; i++) { daySum += day[i].part[d]; }
        dayCapHit[d] = GeqConstBounded(daySumBits, DAY_CAP());
        dayCapHit[d].in <== daySum;
        dayCapped[d] = MinConst(DAY_CAP());
        dayCapped[d].in <== daySum;
        dayCapped[d].ge <== dayCapHit[d].out;
        total += dayCapped[d].out;
    }
    points <== total;

    // points >= minPoints: points < 2^13 and minPoints < 2^32, so points - minPoints
    // fits TOTAL_POINTS_BITS bits exactly when it is a non-negative integer
    // (a negative difference wraps to a value near the field modulus).
    component enough = Num2Bits(TOTAL_POINTS_BITS());
    enough.in <== points - minPoints;

    // The commitment: the leaves' tree root bound to the owner's secret.
    component tree = CommitmentTree(N);
    tree.saltedDomain <== saltedDomain;
    tree.packed <== packed;
    component secretHash = Poseidon(1);
    secretHash.inputs[0] <== nullifierSecret;
    component commitment = Poseidon(2);
    commitment.inputs[0] <== tree.root;
    commitment.inputs[1] <== secretHash.out;
    root === commitment.out;

    // The nullifier: deterministic in (secret, scope); the scope binds chain,
    // contract, pool, epoch and holder.
    component nullifierHash = Poseidon(2);
    nullifierHash.inputs[0] <== nullifierSecret;
    nullifierHash.inputs[1] <== scope;
    nullifier <== nullifierHash.out;
}
