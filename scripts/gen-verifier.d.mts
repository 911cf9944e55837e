/** Types of scripts/gen-verifier.mjs (plain ESM so scripts/ceremony.mjs can import it without tsx). */
export declare const PUBLIC_SIGNALS: readonly string[];
export declare const BASE_SIGNALS: readonly string[];
/** The Solidity source of EpochVerifier<batch> for a snarkjs groth16 vkey. */
export declare function renderVerifier(vkey: unknown, batch: number): string;
/** Renders the verifier of `batch` from public/zk/epoch-<batch>.vkey.json. */
export declare function renderVerifierFor(batch: number): string;
export declare function vkeyPath(batch: number): string;
export declare function verifierPath(batch: number): string;
/** Signals summed bit by bit below 2^bits (name → bits). */
export declare const SMALL_SIGNALS: Readonly<Record<string, number>>;
/** [P, 2P, …, 2^(bits−1)·P] of an affine G1 point given as decimal strings. */
export declare function powersOfTwo(point: readonly (string | bigint)[], bits: number): string[][];
