/**
 * Where the ceremony's artifacts live: public/zk/ in the repo, /zk/ in the
 * built extension (vite copies public/). Batch sizes with a finished ceremony.
 */
export const BATCH_SIZES = { test: 8, production: 256 } as const;

/** File names of a batch's artifacts, relative to public/zk (repo) or /zk (extension). */
export function artifactNames(batchSize: number): { wasm: string; zkey: string; vkey: string } {
  return {
    wasm: `epoch-${batchSize}.wasm`,
    zkey: `epoch-${batchSize}.zkey`,
    vkey: `epoch-${batchSize}.vkey.json`,
  };
}
