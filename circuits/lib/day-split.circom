pragma circom 2.1.0;

// part[d] = in if the leaf's day offset is d, else 0, for d in [0, 6]; and the
// offset (bits[0] + 2 bits[1] + 4 bits[2], each already boolean: they come from
// the packed leaf's decomposition) is constrained to be at most 6.
//
// The value is split by bit 2, then bit 1, then bit 0: each split is one
// product and its (linear) complement, so the seven parts cost six products,
// plus two for offset != 7. Offset 7 being excluded, the (bit 2, bit 1) half
// holds only offset 6 and needs no split by bit 0. The parts sum to `in`.

template DaySplit() {
    signal input in;
    signal input bits[3];
    signal output part[7];

    // offset <= 6: the three bits are not all set.
    signal low2 <== bits[0] * bits[1];
    low2 * bits[2] === 0;

    signal hi <== in * bits[2];               // offsets 4..6
    signal hi1 <== hi * bits[1];              // offset 6
    signal hi01 <== (hi - hi1) * bits[0];     // offset 5
    signal lo1 <== (in - hi) * bits[1];       // offsets 2, 3
    signal lo11 <== lo1 * bits[0];            // offset 3
    signal lo01 <== (in - hi - lo1) * bits[0]; // offset 1

    part[0] <== in - hi - lo1 - lo01;
    part[1] <== lo01;
    part[2] <== lo1 - lo11;
    part[3] <== lo11;
    part[4] <== hi - hi1 - hi01;
    part[5] <== hi01;
    part[6] <== hi1;
}
