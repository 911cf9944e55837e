pragma circom 2.1.0;

include "./ranged.circom";

// out = maskBits[category]: whether a leaf's category is counted. A binary
// multiplexer tree over the 2^k mask bits driven by the k category bits (both
// already boolean: the caller decomposes the mask once with Num2Bits and each
// category comes from the packed leaf's bits). 2^k - 1 constraints, one per
// internal node: node = left + bit * (right - left).

template MaskBit(k) {
    signal input categoryBits[k];
    signal input maskBits[1 << k];
    signal output out;

    var leaves = 1 << k;
    // Heap layout: node 0 is the root, node i has children 2i+1 and 2i+2,
    // leaves are nodes leaves-1 .. 2*leaves-2. The root selects with the most
    // significant category bit, so leaf index = category.
    signal node[2 * leaves - 1];
    for (var i = 0; i < leaves; i++) { node[leaves - 1 + i] <== maskBits[i]; }
    for (var i = leaves - 2; i >= 0; i--) {
        var depth = bitLen(i + 1) - 1;
        var bit = categoryBits[k - 1 - depth];
        node[i] <== node[2 * i + 1] + bit * (node[2 * i + 2] - node[2 * i + 1]);
    }
    out <== node[0];
}
