/**
 * `npm run bench:content`: what the content script costs a page.
 * Loads the same local fixture pages in headless Debian Chromium, in two runs.
 * The first judges the target with only four browsers open (each open browser
 * costs the measured renderer on 2 cores: see `measure`): no extension
 * (baseline), the built extension with an empty content script (Chrome's own
 * injection cost), and the built extension before onboarding (the worker has
 * registered no content script, so nothing is injected) and onboarded (it
 * captures, as for a user), alternating, several times each, with the same
 * reader-like input. It prints per page the median main-thread script time
 * (CDP ScriptDuration), what the extension adds, the share our code adds over
 * an empty content script, task time, long tasks, the ratio to the baseline and
 * what the first flush costs after the reading (the first footprint sent: the
 * extension binding and the message, paid off the load path); then, from one
 * extra traced load per page and variant, the causes: the content script's
 * compile+evaluation ms, its callbacks, the layouts and style recalcs it
 * forced, the messages it sent. The second run measures ours again beside
 * calibration content scripts that carry none of our logic, so a reader can
 * tell a slow machine from a slow change: this machine's unit costs (the first
 * chrome.runtime touch, one isolated-world call), the floor of sampling input
 * (one trusted pointer event, a bare sampler of capture's input types, and a
 * listener-free sampler that polls the browser's trusted-event counts, which
 * capture rejects because a page can raise them), and where ours over the bare
 * sampler goes (the sampler plus capture's focus read, plus its wiring, and our
 * module evaluated but never started). Then the content bundle's size.
 * Targets: ≤ 1 ms added main-thread time per page, 0 long tasks, ≤ 15 kB. A
 * page whose own script time varies between identical loads by more than the
 * target (the synthetic-events stress page: ~100 ms of its own script, ±10–20
 * ms) cannot resolve 1 ms; it is printed with its ratio and noise but kept out
 * of the worst case. BENCH_RUNS, BENCH_PAGES and BENCH_ONLY narrow a run; BENCH_AB
 * adds another build of the content script to the second run, beside ours (an A/B).
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Worker } from '@playwright/test';
import { startFixtureServer } from '../../tests/fixtures/server';
import { SITES } from '../../tests/fixtures/sites';
import { DIST_DIR, launchBrowser } from '../../tests/e2e/support/launch';
import { extensionUrl, OPTIONS_PATH } from '../../tests/e2e/pages';
import { contentBundleSize } from './bundle-size';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURE_SCRIPT_FILE } from '../../manifest.config.ts';
import { CALIBRATION_CALLS, CALIBRATION_SCRIPTS, contentVariant, withoutStart } from './empty-variant';
import { measurePage, type PageCost } from './measure-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** BENCH_PAGES=crypto,control runs only those fixture pages (a quicker look; the full run is the figure). */
const PAGES = (process.env.BENCH_PAGES?.split(',') ?? ['crypto', 'news', 'social', 'control', 'synthetic']).map((k) => {
  const site = SITES[k as keyof typeof SITES];
  if (!site) throw new Error(`BENCH_PAGES: no fixture site ${k} (have ${Object.keys(SITES).join(', ')})`);
  return site;
});
const TARGET_MS = 1;
const TARGET_BYTES = 15 * 1024;
/** Calibration variants: a copy of the build with another content script (empty-variant.ts), onboarded. */
const ALL_CALIBRATION = ['binding', 'calls', 'pointer', 'sampler', 'polled', 'polled+', 'wired'] as const satisfies readonly (keyof typeof CALIBRATION_SCRIPTS)[];
type Calibration = (typeof ALL_CALIBRATION)[number];
/**
 * BENCH_AB=path/to/entry.js: another build of the content script (say, main's `dist/src/content/entry.js`,
 * copied before a change) measured as `ab` beside ours in the second run: an A/B on the same pages, input and
 * load, so a change's effect is not mistaken for the machine's.
 */
const AB_FILE = process.env.BENCH_AB;
/** Extra variants: the calibration scripts, `module` (our bundle evaluated, never started: withoutStart) and `ab`. */
type Extra = Calibration | 'module' | 'ab';
const ALL_EXTRA: readonly Extra[] = [...ALL_CALIBRATION, 'module', ...(AB_FILE ? (['ab'] as const) : [])];
/** BENCH_ONLY=sampler,wired,module runs only those calibration variants (a quicker look); BENCH_ONLY=none, the first run alone. */
const EXTRA: Extra[] = process.env.BENCH_ONLY === 'none'
  ? []
  : process.env.BENCH_ONLY
  ? process.env.BENCH_ONLY.split(',').map((v) => {
      if (!ALL_EXTRA.includes(v as Extra)) throw new Error(`BENCH_ONLY: no variant ${v} (have ${ALL_EXTRA.join(', ')})`);
      return v as Extra;
    })
  : [...ALL_EXTRA];
type Variant = 'base' | 'empty' | 'ext' | 'capture' | Extra;
/** The second run (measure below): ours beside the calibration scripts. */
const CALIBRATED: Variant[] = ['base', 'empty', 'capture', ...EXTRA];
const ran = (...vs: Variant[]) => vs.every((v) => CALIBRATED.includes(v));
/** The two variants that run our content script: before onboarding (asks, measures nothing) and onboarded (captures). */
const OURS: Variant[] = ['ext', 'capture'];
const LABEL: Record<Variant, string> = {
  base: 'no extension',
  empty: 'empty CS',
  ext: 'ours, not onboarded',
  capture: 'ours, capturing',
  binding: 'calibration: chrome.runtime',
  calls: `calibration: ${CALIBRATION_CALLS} calls`,
  pointer: 'calibration: one pointer event',
  sampler: 'calibration: bare sampler',
  polled: 'calibration: polled counts',
  'polled+': 'calibration: polled counts + focus, visibility, URL, pagehide',
  wired: 'calibration: bare sampler + what capture wires',
  module: 'our module, evaluated, not started',
  ab: `BENCH_AB: ${AB_FILE ?? ''}`,
};

/** The service worker of an extension context, with a counter of the messages tabs send it (the bench's own listener). */
async function countingWorker(context: BrowserContext): Promise<Worker> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __benchMessages: number };
    g.__benchMessages = 0;
    chrome.runtime.onMessage.addListener((_m, sender) => {
      if (sender.tab) g.__benchMessages++;
      return undefined; // never answers: the router does
    });
  });
  return worker;
}
const messagesSoFar = (worker: Worker): Promise<number> =>
  worker.evaluate(() => (globalThis as unknown as { __benchMessages?: number }).__benchMessages ?? Number.NaN);

/**
 * Onboards through the extension's own `ui/onboard` (as tests/e2e/support/probe.ts): capture needs a key
 * to seal to, and the worker registers the content script then; waits until it is registered.
 */
async function onboard(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(extensionUrl(id, OPTIONS_PATH));
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/onboard', password: 'bench correct horse battery' }));
  if (!reply?.ok) throw new Error(`ui/onboard failed: ${JSON.stringify(reply)}`);
  await page.close();
  for (let i = 0; ; i++) {
    const ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
    if (ids.length > 0) return;
    if (i > 50) throw new Error('the content script was not registered after onboarding');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (n: number, width = 9) => n.toFixed(2).padStart(width);
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

type PageResult = { host: string; costs: Record<Variant, PageCost[]>; traced: Partial<Record<Variant, PageCost & { messages: number }>> };

/** Per page that can resolve the target (its own script varies by less between loads): each variant's median script ms over the empty content script's. */
function overEmpty<V extends Variant>(results: PageResult[], variants: readonly V[]): { host: string; ms: Record<V, number> }[] {
  return results
    .filter(({ costs }) => spread(costs.base.map((c) => c.scriptMs)) <= TARGET_MS)
    .map(({ host, costs }) => {
      const script = (x: Variant) => median(costs[x].map((c) => c.scriptMs));
      return { host, ms: Object.fromEntries(variants.map((v) => [v, script(v) - script('empty')])) as Record<V, number> };
    });
}
/** The median over pages of one variant's figure from overEmpty. */
const medianOf = <V extends Variant>(rows: { ms: Record<V, number> }[], v: V): number => median(rows.map((r) => r.ms[v]));

/**
 * Measures `variants` on every page, alternating, with only those browsers open. Open browsers cost the
 * measured renderer on a 2-core machine even when idle (2026-12-06: ours measured 2.79–3.22 ms in a run with
 * 10 browsers open and 1.69–1.80 ms in the next with 8; with the compile hint, 0.69–0.89 ms with 4 open and
 * 0.85–1.13 ms with 11), so the target is judged in a run of the four main variants alone, and the
 * calibration scripts run after it, in a second run beside ours.
 */
async function measure(variants: Variant[], server: Awaited<ReturnType<typeof startFixtureServer>>, trace: boolean): Promise<PageResult[]> {
  const extras = variants.filter((v): v is Extra => ALL_EXTRA.includes(v as Extra));
  // Each extra variant is the build with another content script.
  const scriptOf = (v: Extra): string =>
    v === 'module'
      ? withoutStart(readFileSync(join(DIST_DIR, CAPTURE_SCRIPT_FILE), 'utf8'))
      : v === 'ab'
        ? readFileSync(AB_FILE!, 'utf8')
        : CALIBRATION_SCRIPTS[v];
  const variantDirs = {
    empty: contentVariant(DIST_DIR),
    ...Object.fromEntries(extras.map((v) => [v, contentVariant(DIST_DIR, scriptOf(v))])),
  } as Record<'empty' | Extra, string>;
  const rules = server.hostResolverRules;
  const contexts = {} as Record<Variant, BrowserContext>;
  const results: PageResult[] = [];
  try {
    for (const v of variants) {
      contexts[v] =
        v === 'base'
          ? await launchBrowser({ withExtension: false, hostResolverRules: rules })
          : v === 'ext' || v === 'capture'
            ? await launchBrowser({ hostResolverRules: rules })
            : await launchBrowser({ extensionDir: variantDirs[v], hostResolverRules: rules });
    }
    const workers: Partial<Record<Variant, Worker>> = {};
    for (const v of OURS) if (variants.includes(v)) workers[v] = await countingWorker(contexts[v]);
    for (const v of variants) if (v !== 'base' && v !== 'ext') await onboard(contexts[v]);
    const urls = PAGES.map((site) => server.url(site.host, '/bench/page?q=1'));
    for (const [p, site] of PAGES.entries()) {
      const costs = Object.fromEntries(variants.map((v) => [v, [] as PageCost[]])) as Record<Variant, PageCost[]>;
      const traced: PageResult['traced'] = {};
      const url = urls[p];
      for (const v of variants) await measurePage(contexts[v], url); // warm-up
      if (trace) {
        for (const v of [...OURS, 'base'] as Variant[]) {
          // One extra traced load per variant for the causes; messages counted from before the load to after its leaving flush.
          const worker = workers[v];
          const before = worker ? await messagesSoFar(worker) : 0;
          const cost = await measurePage(contexts[v], url, { trace: true });
          if (worker) await new Promise((r) => setTimeout(r, 300));
          traced[v] = { ...cost, messages: worker ? (await messagesSoFar(worker)) - before : 0 };
        }
      }
      results.push({ host: site.host, costs, traced });
    }
    // The timed loads go round the pages as well as the variants: a slow minute of the machine (2026-12-06: the
    // same build measured 0.99 ms on one page in one run and 0.82 ms in the next, with more browsers open) then
    // costs one load of every page, which the median drops, not every load of the one page measured then.
    for (let i = 0; i < RUNS; i++) {
      for (const [p, url] of urls.entries()) {
        for (const v of variants) results[p].costs[v].push(await measurePage(contexts[v], url));
      }
    }
  } finally {
    for (const v of variants) await contexts[v]?.close();
    for (const dir of Object.values(variantDirs)) rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

async function main(): Promise<void> {
  const size = contentBundleSize(DIST_DIR);
  const server = await startFixtureServer();
  let results: PageResult[];
  let calibrated: PageResult[] = [];
  try {
    results = await measure(['base', 'empty', 'ext', 'capture'], server, true);
    // Ours runs again beside the calibration scripts, so each is compared with ours under the same load.
    if (EXTRA.length > 0) calibrated = await measure(['base', 'empty', 'capture', ...EXTRA], server, false);
  } finally {
    await server.close();
  }

  console.log(`content-script overhead: median of ${RUNS} loads per page, same input (ms of main-thread time); first run: the four main variants alone`);
  let worstOurs = 0;
  let worstAll = 0;
  let extraLong = 0;
  const stress: string[] = [];
  for (const v of OURS) {
    console.log(`\n${LABEL[v]}:`);
    console.log('page                  baseline  +extension  +empty CS  +our code  +task ms  ratio  noise ms  long tasks base/empty/ours  | +first flush ms');
    for (const { host, costs } of results) {
      const script = (x: Variant) => median(costs[x].map((c) => c.scriptMs));
      const task = (x: Variant) => median(costs[x].map((c) => c.taskMs));
      const longs = (x: Variant) => costs[x].reduce((n, c) => n + c.longTasks, 0);
      const flush = (x: Variant) => median(costs[x].map((c) => c.flushMs));
      const added = script(v) - script('base');
      const ours = script(v) - script('empty');
      const noise = spread(costs.base.map((c) => c.scriptMs));
      extraLong += Math.max(0, longs(v) - longs('base'));
      const ratio = script('base') > 0.05 ? `${(script(v) / script('base')).toFixed(2)}x` : 'n/a';
      // A page whose own script varies by more than the target between identical loads cannot resolve a
      // 1 ms difference: it is reported (with its ratio) but judged separately, not in the worst case.
      if (noise > TARGET_MS) stress.push(`${host}, ${LABEL[v]} (its own script varies by ${noise.toFixed(2)} ms between loads; +${added.toFixed(2)} ms = ${ratio})`);
      else {
        worstAll = Math.max(worstAll, added);
        worstOurs = Math.max(worstOurs, ours);
      }
      console.log(
        `${host.padEnd(20)} ${fmt(script('base'))} ${fmt(added, 11)} ${fmt(script('empty') - script('base'), 10)} ${fmt(ours, 10)} ${fmt(task(v) - task('base'))}  ${ratio.padStart(6)} ${fmt(noise, 9)}   ${`${longs('base')}/${longs('empty')}/${longs(v)}`.padEnd(28)} | ${fmt(flush(v) - flush('base'), 8)}`,
      );
    }
  }
  console.log('\ncauses, one traced load per page and variant (content script on the page\'s main thread; baseline = no extension, same run):');
  console.log('page                 variant               base script  script  CS eval ms  CS calls (ms)  forced layout/style (ms)  msgs  long tasks');
  for (const { host, traced } of results) {
    for (const v of OURS) {
      const t = traced[v]!;
      const c = t.causes;
      const calls = c ? `${c.calls} (${c.callbackMs.toFixed(2)})` : 'n/a';
      const forced = c ? `${c.forcedLayouts}/${c.forcedStyles} (${c.forcedMs.toFixed(2)})` : 'n/a';
      console.log(
        `${host.padEnd(20)} ${LABEL[v].padEnd(20)} ${fmt(traced.base!.scriptMs, 12)} ${fmt(t.scriptMs, 7)} ${fmt(c?.evalMs ?? Number.NaN, 11)} ${calls.padStart(14)} ${forced.padStart(25)} ${String(t.messages).padStart(5)} ${String(t.longTasks).padStart(11)}`,
      );
    }
  }
  if (ran('binding', 'calls')) {
    // This machine's unit costs, measured in the same run on the same pages, so a reader can tell a slow machine
    // (every figure scales with these) from a slow change (more calls, a new message, a forced layout).
    console.log('\nthis machine (second run: calibration content scripts beside ours; resolvable pages only):');
    console.log('page                 first chrome.runtime ms  one isolated-world call µs   ours: calls × call + binding = model ms  measured ms');
    const units = overEmpty(calibrated, ['binding', 'calls', 'capture'] as const).map(({ host, ms }) => ({
      host,
      binding: ms.binding,
      call: ms.calls / CALIBRATION_CALLS,
      ours: ms.capture,
      calls: results.find((r) => r.host === host)?.traced.capture?.causes?.calls ?? 0,
    }));
    for (const { host, binding, call, ours, calls } of units) {
      console.log(
        `${host.padEnd(20)} ${fmt(binding, 23)} ${fmt(call * 1000, 27)}   ${LABEL.capture.padEnd(20)} ${String(calls).padStart(3)} × ${(call * 1000).toFixed(0)} µs + ${binding.toFixed(2)} = ${fmt(calls * call + binding, 6)} ${fmt(ours, 12)}`,
      );
    }
    if (units.length > 0) {
      const b = median(units.map((u) => u.binding));
      const c = median(units.map((u) => u.call));
      console.log(
        `median: the first chrome.runtime touch costs ${b.toFixed(2)} ms and each call into the isolated world ${(c * 1000).toFixed(0)} µs here; ` +
          `within ${TARGET_MS} ms a page can afford ${Math.max(0, Math.floor((TARGET_MS - b) / c))} calls after one message, ${Math.floor(TARGET_MS / c)} without.`,
      );
    }
  }
  if (ran('pointer', 'sampler', 'polled', 'polled+')) {
    // The floor: what seeing the reader's input costs before any logic, on the same pages and input. A sampler
    // that takes pointer, wheel and key events cannot cost less than the bare one; ours over it is our logic.
    // The polled variants read the browser's trusted-event counts on a timer instead (no input event enters the
    // isolated world), the one cheaper design, which capture rejects: a page can raise those counts itself.
    console.log('\nthe floor of sampling input here (second run; calibration content scripts over an empty one; resolvable pages only):');
    console.log('page                 one pointer event  bare sampler  polled counts  polled+  ours, capturing  ours over the bare sampler  (ms)');
    const floors = overEmpty(calibrated, ['pointer', 'sampler', 'polled', 'polled+', 'capture'] as const);
    for (const { host, ms: f } of floors) {
      console.log(
        `${host.padEnd(20)} ${fmt(f.pointer, 17)} ${fmt(f.sampler, 13)} ${fmt(f.polled, 14)} ${fmt(f['polled+'], 8)} ${fmt(f.capture, 16)} ${fmt(f.capture - f.sampler, 26)}`,
      );
    }
    if (floors.length > 0) {
      const m = (v: 'pointer' | 'sampler' | 'polled' | 'polled+' | 'capture') => medianOf(floors, v);
      console.log(
        `median: one trusted pointer event costs a page ${m('pointer').toFixed(2)} ms here, a bare sampler of capture's input ${m('sampler').toFixed(2)} ms, ` +
          `polled counts ${m('polled').toFixed(2)} ms (${m('polled+').toFixed(2)} ms with focus, visibility, the URL and pagehide); ` +
          `our code ${m('capture').toFixed(2)} ms, ${(m('capture') - m('sampler')).toFixed(2)} ms over the bare sampler.`,
      );
    }
  }
  // Where ours over the bare sampler goes: the same sampler plus what capture wires at the first input, and our
  // module evaluated but never started. What is left of ours over `wired` and `module` is the work inside our
  // calls (the clock, the view, the tick's bookkeeping).
  if (ran('sampler', 'wired', 'module')) {
    console.log('\nwhere ours over the bare sampler goes (second run; ms over an empty content script; resolvable pages only):');
    console.log('page                 bare sampler  +wiring  our module (not started)  ours, capturing  ours - wired - module');
    const rows = overEmpty(calibrated, ['sampler', 'wired', 'module', 'capture'] as const);
    for (const { host, ms: r } of rows) {
      console.log(
        `${host.padEnd(20)} ${fmt(r.sampler, 12)} ${fmt(r.wired - r.sampler, 8)} ${fmt(r.module, 24)} ${fmt(r.capture, 16)} ${fmt(r.capture - r.wired - r.module, 22)}`,
      );
    }
    if (rows.length > 0) {
      const m = (v: 'sampler' | 'wired' | 'module' | 'capture') => medianOf(rows, v);
      console.log(
        `median: the wiring adds ${(m('wired') - m('sampler')).toFixed(2)} ms to the bare sampler; evaluating our module costs ${m('module').toFixed(2)} ms; ` +
          `ours is ${m('capture').toFixed(2)} ms, ${(m('capture') - m('sampler')).toFixed(2)} ms over the bare sampler.`,
      );
    }
  }
  // Every variant of the run over the empty content script, so a partial run (BENCH_ONLY) still shows each figure.
  console.log('\nsecond run, every variant, ms over an empty content script (median of the loads; more browsers open than in the first run):');
  console.log(`page                 ${CALIBRATED.filter((v) => v !== 'base' && v !== 'empty').map((v) => v.padStart(9)).join(' ')}`);
  for (const { host, costs } of calibrated) {
    const script = (x: Variant) => median(costs[x].map((c) => c.scriptMs));
    console.log(`${host.padEnd(20)} ${CALIBRATED.filter((v) => v !== 'base' && v !== 'empty').map((v) => fmt(script(v) - script('empty'))).join(' ')}`);
  }
  if (ran('ab')) {
    // The A/B: ours against the other build, same run, pages and input.
    const rows = overEmpty(calibrated, ['ab', 'capture'] as const);
    console.log(`\nA/B (second run; resolvable pages): ours minus BENCH_AB's build, ms over an empty content script`);
    for (const { host, ms } of rows) console.log(`${host.padEnd(20)} ours ${fmt(ms.capture, 6)}  ab ${fmt(ms.ab, 6)}  ours - ab ${fmt(ms.capture - ms.ab, 6)}`);
    if (rows.length > 0) console.log(`median: ours ${medianOf(rows, 'capture').toFixed(2)} ms, ab ${medianOf(rows, 'ab').toFixed(2)} ms`);
  }
  console.log(`\n(ratio = extension / baseline script time; n/a when the page runs no script of its own;`);
  console.log(` noise = spread (max - min) of the baseline's script time over its ${RUNS} loads;`);
  console.log(` +first flush = the script time of a same-document navigation after the reading, over the baseline's: where`);
  console.log(`  the content script sends its first footprint (first chrome.runtime touch + message), after load and reading;`);
  console.log(`  a user's tab pays it once per page view, when the tab is hidden, at the 15 s heartbeat, or when it is left)`);
  for (const line of stress) console.log(`not resolvable at ${TARGET_MS} ms: ${line}`);
  console.log(`content bundle: ${size.files.join(', ')} — ${size.bytes} B minified, ${size.gzipBytes} B gzip`);
  const checks: [string, boolean][] = [
    [`our code adds ≤ ${TARGET_MS} ms per page over an empty content script (worst resolvable page ${worstOurs.toFixed(2)} ms)`, worstOurs <= TARGET_MS],
    [`extension adds ≤ ${TARGET_MS} ms per page over no extension (worst resolvable page ${worstAll.toFixed(2)} ms)`, worstAll <= TARGET_MS],
    [`no extra long tasks (${extraLong})`, extraLong === 0],
    [`bundle ≤ ${TARGET_BYTES} B (${size.bytes} B)`, size.bytes <= TARGET_BYTES],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
