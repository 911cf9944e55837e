import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURE_SCRIPT_FILE } from '../../manifest.config.ts';

/**
 * A copy of the built extension whose content script is `js` instead of ours.
 * With `;` (empty) it measures what Chrome itself charges a page for injecting
 * any content script (isolated world, extension bindings), so the benchmark
 * can tell the platform's share from our code's; with the calibration scripts
 * below it measures this machine's unit costs.
 */
export function contentVariant(distDir: string, js = ';\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'surf-bench-variant-'));
  cpSync(distDir, dir, { recursive: true });
  // The worker registers this file once onboarded (src/background/capture-script.ts): the variant must be onboarded too.
  readFileSync(join(dir, CAPTURE_SCRIPT_FILE)); // fails loudly if the build no longer has it
  writeFileSync(join(dir, CAPTURE_SCRIPT_FILE), js);
  return dir;
}

/** Calls into the isolated world that the calibration script makes (timer callbacks, 80 ms apart: within the page's input phase). */
export const CALIBRATION_CALLS = 30;

/**
 * Content scripts that measure this machine's unit costs, not our code:
 * - `binding`: the first touch of `chrome.runtime` (Chrome builds the API's
 *   bindings in the page's isolated world then), which any message needs;
 * - `calls`: CALIBRATION_CALLS empty timer callbacks, each one entry from the
 *   page's event loop into the isolated world (a listener call costs the same).
 */
export const CALIBRATION_SCRIPTS = {
  binding: 'void chrome.runtime.id;\n',
  calls: `let n = 0; const tick = () => { if (++n < ${CALIBRATION_CALLS}) setTimeout(tick, 80); }; setTimeout(tick, 80);\n`,
} as const;
