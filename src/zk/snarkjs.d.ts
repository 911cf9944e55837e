// Minimal types for the parts of snarkjs 0.7 that src/zk uses (snarkjs ships none).
declare module 'snarkjs' {
  export interface SnarkjsProof {
    pi_a: string[];
    pi_b: string[][];
    pi_c: string[];
    protocol: string;
    curve: string;
  }
  type FileLike = Uint8Array | string | { type: 'mem'; data?: Uint8Array };
  export const groth16: {
    fullProve(
      input: unknown,
      wasm: FileLike,
      zkey: FileLike,
      logger?: unknown,
      wtnsCalcOptions?: unknown,
      proverOptions?: { singleThread?: boolean },
    ): Promise<{ proof: SnarkjsProof; publicSignals: string[] }>;
    prove(
      zkey: FileLike,
      witness: FileLike,
      logger?: unknown,
      options?: { singleThread?: boolean },
    ): Promise<{ proof: SnarkjsProof; publicSignals: string[] }>;
    verify(vkey: unknown, publicSignals: readonly string[], proof: SnarkjsProof, logger?: unknown): Promise<boolean>;
  };
  export const curves: {
    getCurveFromName(name: 'bn128', options?: { singleThread?: boolean }): Promise<unknown>;
  };
  export const wtns: {
    calculate(input: unknown, wasm: FileLike, wtns: { type: 'mem'; data?: Uint8Array }, options?: unknown): Promise<void>;
  };
}
