/**
 * Worker entry of the bench build only (`vite build --mode bench --outDir
 * dist-bench`, see vite.config.ts): the production worker plus the prover
 * bench hook. Both register their listeners synchronously at top level.
 */
import '../index.ts';
import { installProverBenchHook } from './bench-hook.ts';

installProverBenchHook();
