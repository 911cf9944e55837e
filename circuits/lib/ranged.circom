pragma circom 2.1.0;

// Small, sound building blocks for comparisons and division on values whose
// range is already known. Every template here states the range it relies on;
// callers must establish it (Num2Bits, or construction from ranged values).

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";

// Number of bits needed to write x (0 for x = 0).
function bitLen(x) {
    var n = 0;
    while ((1 << n) <= x) { n++; }
    return n;
}

// out = 1 if x >= K else 0, where x is given by its n bits (already constrained
// boolean by the caller, e.g. from Num2Bits). Requires 0 < K < 2^n.
// Cost: when K is a power of two, x >= K just means "some bit at or above
// log2(K) is set": one IsZero on the sum of those bits (the sum is at most n, so
// it cannot wrap). Otherwise the low k = bitLen(K) bits are compared with K
// through the top bit of lo + 2^k - K (lo < 2^k, so that value is in
// [0, 2^(k+1)) and Num2Bits(k+1) is sound), and OR'ed with "a high bit is set".
template GeqConstBits(n, K) {
    signal input bits[n];
    signal output out;
    assert(K > 0 && K < (1 << n));

    var k = bitLen(K - 1);          // smallest k with K <= 2^k
    var hiSum = 0;
    for (var i = k; i < n; i++) { hiSum += bits[i]; }
    component hiZero = IsZero();
    hiZero.in <== hiSum;

    if (K == (1 << k)) {
        out <== 1 - hiZero.out;
    } else {
        var lo = 0;
        for (var i = 0; i < k; i++) { lo += bits[i] * (1 << i); }
        component shifted = Num2Bits(k + 1);
        shifted.in <== lo + (1 << k) - K;
        signal hiSet <== 1 - hiZero.out;
        // OR of two booleans.
        out <== hiSet + shifted.out[k] - hiSet * shifted.out[k];
    }
}

// out = 1 if x >= K else 0, for x known (by construction) to lie in [0, 2^m).
// Requires K <= 2^m. x + 2^m - K is then in [0, 2^(m+1)), so its bit m is the answer.
template GeqConstBounded(m, K) {
    signal input in;
    signal output out;
    assert(K <= (1 << m));
    component shifted = Num2Bits(m + 1);
    shifted.in <== in + (1 << m) - K;
    out <== shifted.out[m];
}

// min(x, K) given the boolean ge = (x >= K): one constraint.
template MinConst(K) {
    signal input in;
    signal input ge;
    signal output out;
    out <== in + ge * (K - in);
}

// Integer division by the constant D: in = q * D + r with 0 <= r < D and
// q < 2^qBits. q and r are witnesses (<--) pinned by the linear equation and the
// range checks: r in [0, D) because both r and D - 1 - r fit bitLen(D - 1) bits;
// q fits qBits bits. Since q * D + r < D * 2^qBits << p, the pair is the unique
// Euclidean quotient and remainder of the integer `in` (and no witness exists if
// in >= D * 2^qBits). The caller picks qBits so the honest quotient fits.
template DivConst(D, qBits) {
    signal input in;
    signal output q;
    signal output r;
    signal output qBitsOut[qBits];
    assert(D > 1);

    q <-- in \ D;
    r <-- in % D;
    in === q * D + r;

    component qRange = Num2Bits(qBits);
    qRange.in <== q;
    qBitsOut <== qRange.out;

    var rBits = bitLen(D - 1);
    component rRange = Num2Bits(rBits);
    rRange.in <== r;
    component rBelowD = Num2Bits(rBits);
    rBelowD.in <== D - 1 - r;
}
