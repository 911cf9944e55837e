import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The bench variant of the extension (git-ignored, like every dist-*). */
export const BENCH_DIST = path.join(ROOT, 'dist-bench');

/**
 * Builds the extension with the prover bench hook (`vite build --mode bench
 * --outDir dist-bench`, ~5 s). Shared by bench/extension-prove and
 * tests/e2e/prover.spec.ts. Throws with vite's output when the build fails.
 */
export function buildBenchExtension(outDir: string = BENCH_DIST): string {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--mode', 'bench', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0 || !existsSync(path.join(outDir, 'manifest.json'))) {
    throw new Error(`bench build failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return outDir;
}
