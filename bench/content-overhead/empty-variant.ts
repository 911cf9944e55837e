import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURE_SCRIPT_FILE } from '../../manifest.config.ts';
import { ACTIVITY_EVENTS, SAMPLE_MS } from '../../src/content/capture.ts';
import { COMPILE_HINT } from '../../vite.config.ts';

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
 * A sampler with capture's input types and period (src/content/capture.ts), none of its logic: one-shot
 * listeners, re-armed by a timer SAMPLE_MS after each round's first input. `wire` runs once, at the first
 * trusted input; `tick` at each re-arming after it.
 */
const sampler = (wire?: { once: string; tick: string }) => `const T = ${JSON.stringify(ACTIVITY_EVENTS)}, o = { capture: true, passive: true };
let n = 0${wire ? ', wired = false' : ''};
const arm = () => { ${wire ? `if (wired) ${wire.tick} ` : ''}for (const t of T) addEventListener(t, f, o); };
function f(e) { for (const t of T) removeEventListener(t, f, o);
  if (e.isTrusted) { n++;${wire ? ` if (!wired) { wired = true; ${wire.once} }` : ''} }
  setTimeout(arm, ${SAMPLE_MS}); }
arm();
`;

/** The bare sampler: the floor of a sampler that takes input events. */
const SAMPLER = sampler();

/**
 * The bare sampler plus what capture wires at the first trusted input, none of its logic: visibility, blur,
 * focus, pagehide, the Navigation API's currententrychange and the 15 s heartbeat timer; its tick then reads
 * scrollY and innerHeight. Ours over it, less our module's evaluation, is the work inside our calls.
 */
const WIRED = sampler({
  once: `void e.timeStamp; void scrollY; const h = () => {}, b = { capture: false, passive: true };
    addEventListener('visibilitychange', h, o); addEventListener('blur', h, b); addEventListener('focus', h, b);
    addEventListener('pagehide', h, o); const nav = globalThis.navigation; if (nav) nav.addEventListener('currententrychange', h, o);
    setTimeout(h, 15000);`,
  tick: 'void (scrollY + innerHeight);',
});

/** Our built content script with its one start call removed: what compiling and evaluating the module costs a page. */
export function withoutStart(js: string): string {
  const start = /([A-Za-z_$][\w$]*)\(window\)\}\)\(\);\s*$/;
  if (!start.test(js)) throw new Error('the content bundle no longer ends in its start call; update withoutStart');
  return js.replace(start, '})();\n');
}

/**
 * Trusted input as the browser counts it for the document (performance.eventCounts): pointerover rises when
 * the pointer enters another element, also when a scroll moves content under a still pointer. There is no
 * count of pointermove or wheel.
 */
const COUNTED_INPUT = ['pointerover', 'pointerdown', 'keydown'];
/**
 * A sampler with no listener at all: one timer, every SAMPLE_MS from the start, compares the counts with the
 * last tick's. `polled+` adds what a capture built on it reads once at its first tick with input: focus,
 * visibility, the URL and a pagehide listener. Capture does not use it: a page moving its own content under
 * a resting pointer raises pointerover too (docs/privacy.md, tests/e2e/synthetic-events.spec.ts).
 */
const POLL = (extra: string) => `const T = ${JSON.stringify(COUNTED_INPUT)}; let last = 0, seen = false;
const tick = () => { const c = performance.eventCounts; let s = 0; for (const t of T) s += c.get(t) ?? 0;
  if (s !== last) { last = s; void scrollY; if (!seen) { seen = true; ${extra} } } setTimeout(tick, ${SAMPLE_MS}); };
setTimeout(tick, ${SAMPLE_MS});
`;

/**
 * Content scripts that measure this machine's unit costs, not our code:
 * - `binding`: the first touch of `chrome.runtime` (Chrome builds the API's
 *   bindings in the page's isolated world then), which any message needs;
 * - `calls`: CALIBRATION_CALLS empty timer callbacks, each one entry from the
 *   page's event loop into the isolated world (a listener call costs the same);
 * - `pointer`: one capturing pointermove listener that reads `isTrusted` of the
 *   first event and removes itself: the least any script that sees input pays
 *   (the event's interface is first built in the isolated world then);
 * - `sampler`: a bare sampler, no logic: capture's four one-shot listeners,
 *   re-armed by a timer 1 s after each first input. Input of three interfaces
 *   (pointer, wheel, keyboard) reaches it, and the first of each is built in the
 *   isolated world: the floor of a sampler that takes input events, on this
 *   machine, which the bench prints beside our code;
 * - `wired`: the bare sampler plus what capture wires at the first input (WIRED above);
 * - `polled` and `polled+`: the floor of the one design that takes no input
 *   event into the isolated world (POLL above), measured so its cost can be
 *   weighed against what it would let a page do.
 * Each starts with the compile hint our build puts on ours (vite.config.ts), so a floor is the floor of a
 * script built as ours is.
 */
export const CALIBRATION_SCRIPTS = Object.fromEntries(
  Object.entries({
    binding: 'void chrome.runtime.id;\n',
    calls: `let n = 0; const tick = () => { if (++n < ${CALIBRATION_CALLS}) setTimeout(tick, 80); }; setTimeout(tick, 80);\n`,
    pointer: `const f = (e) => { removeEventListener('pointermove', f, true); void e.isTrusted; }; addEventListener('pointermove', f, true);\n`,
    sampler: SAMPLER,
    wired: WIRED,
    polled: POLL(''),
    'polled+': POLL("void document.hasFocus(); void document.visibilityState; void location.href; addEventListener('pagehide', () => {}, true);"),
  }).map(([name, js]) => [name, COMPILE_HINT + js]),
) as Record<'binding' | 'calls' | 'pointer' | 'sampler' | 'wired' | 'polled' | 'polled+', string>;
