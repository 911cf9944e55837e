pragma circom 2.1.0;

// EpochProof(N): proves, for one weekly epoch, how many points a batch of N
// committed domain-day leaves earns in the categories of a public mask, chained
// to the week's earlier batches, without revealing the leaves. It also outputs
// what a pool owner needs to verify a delivery of the in-category records
// (docs/delivery.md): a fingerprint of exactly those records and a commitment
// to their totals.
//
// Public signals, in snarkjs order (outputs first, then public inputs):
//   0 nullifier        (out) Poseidon(nullifierSecret, scope): one per (secret, scope).
//   1 points           (out) Σ_d min(DAY_CAP, daySum'[d]) where daySum' is the running
//                            per-day sum of counted leaf points over this batch and every
//                            earlier batch of the week (opened from accIn).
//   2 fingerprint      (out) Π over counted real leaves of (r − saltedDomain − r²·packed),
//                            r = Poseidon(root, scope); 1 if there are none.
//   3 totalsCommitment (out) Poseidon(Σunits, Σvisits, Σinteractions, count, totalsBlind)
//                            over the counted real leaves of this batch.
//   4 accOut           (out) Poseidon(daySum'[0..6], accBlind): the running day sums, hidden.
//   5 root             (in)  Poseidon(treeRoot, Poseidon(nullifierSecret), epoch): the batch
//                            commitment, bound to its owner and its week.
//   6 epoch            (in)  leaves store their day as an offset in [0, 6] within this epoch.
//   7 categoryMask     (in)  bit id set = category id counted; < 2^32.
//   8 minPoints        (in)  points >= minPoints; < 2^32.
//   9 scope            (in)  keccak(chainId, contract, poolId, epoch, holder) >> 8 (src/zk/scope.ts).
//  10 accIn            (in)  0 for a week's first batch (the earlier day sums are then 0),
//                            else the previous batch's accOut.
//
// Private inputs:
//   nullifierSecret      per-vault secret; binds the commitment to its owner.
//   saltedDomain[N]      Poseidon(leafSalt, domain), leafSalt = Poseidon(vaultSalt, epoch, domain),
//                        computed off-circuit; only hashed here. 0 marks a padding leaf.
//   packed[N]            dayOffset | category | activeUnits | visits | interactionUnits at the
//                        fixed bit offsets of circuits/lib/constants.circom (LSB first).
//   prevDaySum[7], prevBlind   the opening of accIn (all 0 when accIn = 0).
//   accBlind, totalsBlind      fresh blinds for accOut and totalsCommitment.
//
// A leaf counts when its category is in the mask and it is real (saltedDomain ≠ 0):
// padding never scores, never enters the fingerprint or the totals, so the delivered
// records reproduce the points exactly.

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/poseidon.circom";
include "./lib/constants.circom";
include "./lib/ranged.circom";
include "./lib/domain-day-points.circom";
include "./lib/category-mask.circom";
include "./lib/commitment-tree.circom";
include "./lib/day-split.circom";
include "./lib/day-accumulator.circom";

template EpochProof(N) {
    signal output nullifier;
    signal output points;
    signal output fingerprint;
    signal output totalsCommitment;
    signal output accOut;

    signal input root;
    signal input epoch;
    signal input categoryMask;
    signal input minPoints;
    signal input scope;
    signal input accIn;

    signal input nullifierSecret;
    signal input saltedDomain[N];
    signal input packed[N];
    signal input prevDaySum[EPOCH_DAYS()];
    signal input prevBlind;
    signal input accBlind;
    signal input totalsBlind;

    // --- Public inputs, each range-checked or hashed so none is unconstrained.
    component mask = Num2Bits(MASK_BITS());
    mask.in <== categoryMask;
    // The epoch is hashed into the root and bounded to 16 bits.
    component epochRange = Num2Bits(EPOCH_BITS());
    epochRange.in <== epoch;
    component minPointsRange = Num2Bits(MIN_POINTS_BITS());
    minPointsRange.in <== minPoints;

    // The delivery challenge, fixed by the committed root and the stake's scope.
    component challenge = Poseidon(2);
    challenge.inputs[0] <== root;
    challenge.inputs[1] <== scope;
    signal r <== challenge.out;
    signal r2 <== r * r;

    component leaf[N];
    component score[N];
    component counted[N];
    component isPadding[N];
    component day[N];
    signal selected[N];
    signal leafPoints[N];
    signal unitsIn[N];
    signal visitsIn[N];
    signal interactionsIn[N];
    signal scaledPacked[N];
    signal factorMinusOne[N];
    signal product[N + 1];
    product[0] <== 1;
    var count = 0;
    var totalUnits = 0;
    var totalVisits = 0;
    var totalInteractions = 0;

    for (var i = 0; i < N; i++) {
        // Decompose the packed leaf: this range-checks every field to its width.
        leaf[i] = Num2Bits(PACKED_BITS());
        leaf[i].in <== packed[i];

        score[i] = DomainDayPoints();
        for (var b = 0; b < ACTIVE_BITS(); b++) { score[i].activeBits[b] <== leaf[i].out[ACTIVE_OFFSET() + b]; }
        for (var b = 0; b < VISITS_BITS(); b++) { score[i].visitsBits[b] <== leaf[i].out[VISITS_OFFSET() + b]; }
        for (var b = 0; b < INTERACTIONS_BITS(); b++) { score[i].interactionsBits[b] <== leaf[i].out[INTERACTIONS_OFFSET() + b]; }

        // Selected = category in the mask and a real leaf.
        counted[i] = MaskBit(CATEGORY_BITS());
        for (var b = 0; b < CATEGORY_BITS(); b++) { counted[i].categoryBits[b] <== leaf[i].out[CATEGORY_OFFSET() + b]; }
        counted[i].maskBits <== mask.out;
        isPadding[i] = IsZero();
        isPadding[i].in <== saltedDomain[i];
        selected[i] <== counted[i].out * (1 - isPadding[i].out);
        leafPoints[i] <== selected[i] * score[i].points;

        // Totals of the selected leaves, at the resolution the leaf commits.
        var units = 0;
        for (var b = 0; b < ACTIVE_BITS(); b++) { units += leaf[i].out[ACTIVE_OFFSET() + b] * (1 << b); }
        var visits = 0;
        for (var b = 0; b < VISITS_BITS(); b++) { visits += leaf[i].out[VISITS_OFFSET() + b] * (1 << b); }
        var interactions = 0;
        for (var b = 0; b < INTERACTIONS_BITS(); b++) { interactions += leaf[i].out[INTERACTIONS_OFFSET() + b] * (1 << b); }
        unitsIn[i] <== selected[i] * units;
        visitsIn[i] <== selected[i] * visits;
        interactionsIn[i] <== selected[i] * interactions;
        totalUnits += unitsIn[i];
        totalVisits += visitsIn[i];
        totalInteractions += interactionsIn[i];
        count += selected[i];

        // Fingerprint factor: (r − saltedDomain − r²·packed) when selected, else 1.
        scaledPacked[i] <== r2 * packed[i];
        factorMinusOne[i] <== selected[i] * (r - saltedDomain[i] - scaledPacked[i] - 1);
        product[i + 1] <== product[i] * (1 + factorMinusOne[i]);

        // The leaf's counted points go to its day (offset constrained to [0, 6]).
        day[i] = DaySplit();
        day[i].in <== leafPoints[i];
        for (var b = 0; b < DAY_OFFSET_BITS(); b++) { day[i].bits[b] <== leaf[i].out[DAY_OFFSET() + b]; }
    }
    fingerprint <== product[N];

    // The running day sums: opened from accIn, plus this batch, capped per day.
    component days = DayAccumulator();
    days.accIn <== accIn;
    days.prevDaySum <== prevDaySum;
    days.prevBlind <== prevBlind;
    days.accBlind <== accBlind;
    for (var d = 0; d < EPOCH_DAYS(); d++) {
        var batchSum = 0;
        for (var i = 0; i < N; i++) { batchSum += day[i].part[d]; }
        days.batchDaySum[d] <== batchSum;
    }
    points <== days.cappedTotal;
    accOut <== days.accOut;

    // points >= minPoints: points <= 7 * DAY_CAP < 2^13 and minPoints < 2^32, so
    // points - minPoints fits TOTAL_POINTS_BITS bits exactly when it is non-negative.
    component enough = Num2Bits(TOTAL_POINTS_BITS());
    enough.in <== points - minPoints;

    // Totals: each sum is at most N * 2^12, far below the field; count <= N.
    component totals = Poseidon(5);
    totals.inputs[0] <== totalUnits;
    totals.inputs[1] <== totalVisits;
    totals.inputs[2] <== totalInteractions;
    totals.inputs[3] <== count;
    totals.inputs[4] <== totalsBlind;
    totalsCommitment <== totals.out;

    // The commitment: the leaves' tree root bound to the owner's secret and the week.
    component tree = CommitmentTree(N);
    tree.saltedDomain <== saltedDomain;
    tree.packed <== packed;
    component secretHash = Poseidon(1);
    secretHash.inputs[0] <== nullifierSecret;
    component commitment = Poseidon(3);
    commitment.inputs[0] <== tree.root;
    commitment.inputs[1] <== secretHash.out;
    commitment.inputs[2] <== epoch;
    root === commitment.out;

    // The nullifier: deterministic in (secret, scope).
    component nullifierHash = Poseidon(2);
    nullifierHash.inputs[0] <== nullifierSecret;
    nullifierHash.inputs[1] <== scope;
    nullifier <== nullifierHash.out;
}
