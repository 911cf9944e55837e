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
//   packed[N]            dayOffset | category | activeSeconds | visits | interactions at the
//                        fixed bit offsets of circuits/lib/constants.circom (LSB first).
//
// Leaves are sorted by day, non-decreasing; unused slots are padding leaves
// (saltedDomain 0, day offset 6 = the epoch's last day, all measures 0) which score 0.

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/poseidon.circom";
include "./lib/constants.circom";
include "./lib/ranged.circom";
include "./lib/domain-day-points.circom";
include "./lib/category-mask.circom";
include "./lib/commitment-tree.circom";

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
    component offsetBelowWeek[N];
    component order[N];
    component sameDay[N];
    component score[N];
    component counted[N];
    component dayCapHit[N];
    component dayRun[N];
    signal dayOffset[N];
    signal leafPoints[N];
    signal carried[N];
    signal dayTotal[N];

    for (var i = 0; i < N; i++) {
        // Decompose the packed leaf: this range-checks every field to its width
        // (packed < 2^PACKED_BITS, far below the field, so the decomposition is unique).
        leaf[i] = Num2Bits(PACKED_BITS());
        leaf[i].in <== packed[i];
        // The leaf's day is epoch * 7 + offset, offset in [0, 6]: its low bits are
        // the offset (3 bits, so < 8) and 6 - offset must also fit 3 bits.
        var offset = 0;
        for (var b = 0; b < DAY_OFFSET_BITS(); b++) { offset += leaf[i].out[DAY_OFFSET() + b] * (1 << b); }
        dayOffset[i] <== offset;
        offsetBelowWeek[i] = Num2Bits(DAY_OFFSET_BITS());
        offsetBelowWeek[i].in <== EPOCH_DAYS() - 1 - dayOffset[i];

        // Points of the domain-day from its raw measures (scoreDomainDay).
        score[i] = DomainDayPoints();
        for (var b = 0; b < ACTIVE_BITS(); b++) { score[i].activeBits[b] <== leaf[i].out[ACTIVE_OFFSET() + b]; }
        for (var b = 0; b < VISITS_BITS(); b++) { score[i].visitsBits[b] <== leaf[i].out[VISITS_OFFSET() + b]; }
        for (var b = 0; b < INTERACTIONS_BITS(); b++) { score[i].interactionsBits[b] <== leaf[i].out[INTERACTIONS_OFFSET() + b]; }

        // Counted only if the category's bit is set in the mask.
        counted[i] = MaskBit(CATEGORY_BITS());
        for (var b = 0; b < CATEGORY_BITS(); b++) { counted[i].categoryBits[b] <== leaf[i].out[CATEGORY_OFFSET() + b]; }
        counted[i].maskBits <== mask.out;
        leafPoints[i] <== counted[i].out * score[i].points;

        // Day grouping: leaves are sorted by day (offset[i] - offset[i-1] in [0, 7)),
        // and sameDay[i] says leaf i continues leaf i-1's day.
        if (i > 0) {
            order[i] = Num2Bits(DAY_OFFSET_BITS());
            order[i].in <== dayOffset[i] - dayOffset[i - 1];
            sameDay[i] = IsZero();
            sameDay[i].in <== dayOffset[i] - dayOffset[i - 1];
            carried[i] <== sameDay[i].out * dayRun[i - 1].out;
        } else {
            carried[i] <== 0;
        }

        // Running day sum, capped at DAY_CAP at every step: min(min(s, C) + p, C)
        // = min(s + p, C) for p >= 0, so the last leaf of a day holds the day's
        // capped total. The uncapped step is <= DAY_CAP + DOMAIN_DAY_CAP < 2^DAY_RUN_BITS.
        dayCapHit[i] = GeqConstBounded(DAY_RUN_BITS(), DAY_CAP());
        dayCapHit[i].in <== carried[i] + leafPoints[i];
        dayRun[i] = MinConst(DAY_CAP());
        dayRun[i].in <== carried[i] + leafPoints[i];
        dayRun[i].ge <== dayCapHit[i].out;
    }

    // A day's total is counted at its last leaf (the next leaf starts a new day,
    // or there is no next leaf). Sum <= 7 * DAY_CAP: no overflow.
    var total = 0;
    for (var i = 0; i < N; i++) {
        if (i < N - 1) {
            dayTotal[i] <== (1 - sameDay[i + 1].out) * dayRun[i].out;
        } else {
            dayTotal[i] <== dayRun[i].out;
        }
        total += dayTotal[i];
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
