pragma circom 2.1.0;

// The week's running per-day sums across batches (docs/protocol.md §10).
//
// accIn = 0 opens nothing: the previous sums must all be 0 (a week's first batch).
// Otherwise accIn must equal Poseidon(prevDaySum[0..6], prevBlind), the previous
// batch's accOut. The new sums daySum[d] = prevDaySum[d] + batchDaySum[d] are
// range-checked to DAY_SUM_BITS (so nothing wraps and the comparisons below are
// sound), hidden again in accOut = Poseidon(daySum[0..6], accBlind), and capped:
// cappedTotal = Σ_d min(DAY_CAP, daySum[d]).
//
// Induction over the contract's chain (accIn of batch 1 is 0, accIn of batch k is
// accOut of batch k−1): every opened prevDaySum is a range-checked sum of counted
// leaf points of the earlier batches, by Poseidon's collision resistance.

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/poseidon.circom";
include "./constants.circom";
include "./ranged.circom";

// 2^24 points a day = 167,772 full domain-days: far beyond any week a browser can make.
function DAY_SUM_BITS() { return 24; }

template DayAccumulator() {
    signal input accIn;
    signal input prevDaySum[EPOCH_DAYS()];
    signal input prevBlind;
    signal input batchDaySum[EPOCH_DAYS()];
    signal input accBlind;
    signal output accOut;
    signal output cappedTotal;

    component first = IsZero();
    first.in <== accIn;
    component opened = Poseidon(EPOCH_DAYS() + 1);
    for (var d = 0; d < EPOCH_DAYS(); d++) {
        opened.inputs[d] <== prevDaySum[d];
        // First batch: nothing came before.
        prevDaySum[d] * first.out === 0;
    }
    opened.inputs[EPOCH_DAYS()] <== prevBlind;
    // Later batch: accIn opens to exactly these sums.
    (accIn - opened.out) * (1 - first.out) === 0;

    component sumBits[EPOCH_DAYS()];
    component capHit[EPOCH_DAYS()];
    component capped[EPOCH_DAYS()];
    component hidden = Poseidon(EPOCH_DAYS() + 1);
    var total = 0;
    for (var d = 0; d < EPOCH_DAYS(); d++) {
        sumBits[d] = Num2Bits(DAY_SUM_BITS());
        sumBits[d].in <== prevDaySum[d] + batchDaySum[d];
        capHit[d] = GeqConstBits(DAY_SUM_BITS(), DAY_CAP());
        capHit[d].bits <== sumBits[d].out;
        capped[d] = MinConst(DAY_CAP());
        capped[d].in <== prevDaySum[d] + batchDaySum[d];
        capped[d].ge <== capHit[d].out;
        total += capped[d].out;
        hidden.inputs[d] <== prevDaySum[d] + batchDaySum[d];
    }
    hidden.inputs[EPOCH_DAYS()] <== accBlind;
    accOut <== hidden.out;
    cappedTotal <== total;
}
