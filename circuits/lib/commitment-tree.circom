pragma circom 2.1.0;

// The Merkle root over N leaves, each leaf two field elements
// (saltedDomain, packed). The bottom level hashes groups of 8 leaves, i.e. 16
// field elements, with one Poseidon(16) (about 77 constraints per leaf instead
// of a Poseidon(2) per leaf plus a binary tree). Above it, while at least 16
// nodes remain, 16 of them are hashed with one Poseidon(16) (38 constraints per
// node instead of 120 for a binary Poseidon(2) level); the last fewer than 16
// nodes are combined pairwise with Poseidon(2). N / 8 must be a power of two.
// Examples: N = 8 -> one group hash is the root; N = 256 -> 32 groups -> 2 -> 1.
// The TS mirror is src/zk/tree.ts (computeTreeRoot).

include "circomlib/circuits/poseidon.circom";

// Number of hashes above the groups for G group hashes (G a power of two).
function upperHashCount(G) {
    var count = 0;
    var n = G;
    while (n > 1) {
        if (n >= 16) { n = n \ 16; } else { n = n \ 2; }
        count += n;
    }
    return count;
}

template CommitmentTree(N) {
    signal input saltedDomain[N];
    signal input packed[N];
    signal output root;

    var G = N \ 8;
    assert(G * 8 == N && G >= 1 && (G & (G - 1)) == 0);
    var U = upperHashCount(G);

    // node[0 .. G-1] are the group hashes; each upper level appends its hashes
    // after the previous level's, so the last node is the root.
    signal node[G + U];
    component group[G];
    for (var g = 0; g < G; g++) {
        group[g] = Poseidon(16);
        for (var j = 0; j < 8; j++) {
            group[g].inputs[2 * j] <== saltedDomain[8 * g + j];
            group[g].inputs[2 * j + 1] <== packed[8 * g + j];
        }
        node[g] <== group[g].out;
    }

    component upper[U + 1];
    var levelStart = 0;
    var levelSize = G;
    var next = G;
    while (levelSize > 1) {
        var arity = levelSize >= 16 ? 16 : 2;
        for (var k = 0; k < levelSize \ arity; k++) {
            upper[next - G] = Poseidon(arity);
            for (var j = 0; j < arity; j++) {
                upper[next - G].inputs[j] <== node[levelStart + arity * k + j];
            }
            node[next] <== upper[next - G].out;
            next++;
        }
        levelStart += levelSize;
        levelSize = levelSize \ arity;
    }
    root <== node[G + U - 1];
}
