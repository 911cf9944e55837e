pragma circom 2.1.0;

// The Merkle root over N leaves, each leaf two field elements
// (saltedDomain, packed). The bottom level hashes groups of 8 leaves, i.e. 16
// field elements, with one Poseidon(16) (about 77 constraints per leaf instead
// of a Poseidon(2) per leaf plus a binary tree); the N/8 group hashes are then
// combined by a binary tree of Poseidon(2). N/8 must be a power of two.
// The TS mirror is src/zk/tree.ts.

include "circomlib/circuits/poseidon.circom";

template CommitmentTree(N) {
    signal input saltedDomain[N];
    signal input packed[N];
    signal output root;

    var G = N \ 8;
    assert(G * 8 == N && G >= 1 && (G & (G - 1)) == 0);

    // Heap layout: group hashes are the leaves h[G-1 .. 2G-2]; h[0] is the root.
    signal h[2 * G - 1];
    component group[G];
    for (var g = 0; g < G; g++) {
        group[g] = Poseidon(16);
        for (var j = 0; j < 8; j++) {
            group[g].inputs[2 * j] <== saltedDomain[8 * g + j];
            group[g].inputs[2 * j + 1] <== packed[8 * g + j];
        }
        h[G - 1 + g] <== group[g].out;
    }
    component node[G];
    for (var i = G - 2; i >= 0; i--) {
        node[i] = Poseidon(2);
        node[i].inputs[0] <== h[2 * i + 1];
        node[i].inputs[1] <== h[2 * i + 2];
        h[i] <== node[i].out;
    }
    root <== h[0];
}
