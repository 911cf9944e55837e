/**
 * `npm run bench:content`: what the content script costs a page.
 * Loads the same local fixture pages in headless Debian Chromium, in one run,
 * in three contexts — no extension (baseline), the built extension with an
 * empty content script (Chrome's own injection cost) and the built extension
 * — alternating, several times each, with the same reader-like input. Prints
 * per page the median main-thread script time (CDP ScriptDuration), what the
 * extension adds, the share of that our code adds over an empty content
 * script, task time, long tasks and the ratio to the baseline; then the
 * content bundle's size. Targets: ≤ 1 ms added main-thread time per page,
 * 0 long tasks, ≤ 15 kB. A page whose own script time varies between
 * identical loads by more than the target (the synthetic-events stress page:
 * ~100 ms of its own script, ±10–20 ms) cannot resolve 1 ms; it is printed
 * with its ratio and noise but kept out of the worst case.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { startFixtureServer } from '../../tests/fixtures/server';
import { SITES } from '../../tests/fixtures/sites';
import { DIST_DIR, launchBrowser } from '../../tests/e2e/support/launch';
import { contentBundleSize } from './bundle-size';
import { emptyContentVariant } from './empty-variant';
import { measurePage, type PageCost } from './measure-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGES = [SITES.crypto, SITES.news, SITES.social, SITES.control, SITES.synthetic];
const TARGET_MS = 1;
const TARGET_BYTES = 15 * 1024;
type Variant = 'base' | 'empty' | 'ext';
const VARIANTS: Variant[] = ['base', 'empty', 'ext'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (n: number, width = 9) => n.toFixed(2).padStart(width);
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

async function main(): Promise<void> {
  const size = contentBundleSize(DIST_DIR);
  const emptyDir = emptyContentVariant(DIST_DIR);
  const server = await startFixtureServer();
  const rules = server.hostResolverRules;
  const contexts: Record<Variant, BrowserContext> = {
    base: await launchBrowser({ withExtension: false, hostResolverRules: rules }),
    empty: await launchBrowser({ extensionDir: emptyDir, hostResolverRules: rules }),
    ext: await launchBrowser({ hostResolverRules: rules }),
  };
  const results: { host: string; costs: Record<Variant, PageCost[]> }[] = [];
  try {
    await (contexts.ext.serviceWorkers()[0] ?? contexts.ext.waitForEvent('serviceworker'));
    for (const site of PAGES) {
      const costs: Record<Variant, PageCost[]> = { base: [], empty: [], ext: [] };
      const url = server.url(site.host, '/bench/page?q=1');
      for (const v of VARIANTS) await measurePage(contexts[v], url); // warm-up
      for (let i = 0; i < RUNS; i++) for (const v of VARIANTS) costs[v].push(await measurePage(contexts[v], url));
      results.push({ host: site.host, costs });
    }
  } finally {
    for (const v of VARIANTS) await contexts[v].close();
    await server.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }

  console.log(`content-script overhead: median of ${RUNS} loads per page, one run, same input (ms of main-thread time)\n`);
  console.log('page                  baseline  +extension  +empty CS  +our code  +task ms  ratio  noise ms  long tasks base/empty/ext');
  let worstOurs = 0;
  let worstAll = 0;
  let extraLong = 0;
  const stress: string[] = [];
  for (const { host, costs } of results) {
    const script = (v: Variant) => median(costs[v].map((c) => c.scriptMs));
    const task = (v: Variant) => median(costs[v].map((c) => c.taskMs));
    const longs = (v: Variant) => costs[v].reduce((n, c) => n + c.longTasks, 0);
    const added = script('ext') - script('base');
    const ours = script('ext') - script('empty');
    const noise = spread(costs.base.map((c) => c.scriptMs));
    extraLong += Math.max(0, longs('ext') - longs('base'));
    const ratio = script('base') > 0.05 ? `${(script('ext') / script('base')).toFixed(2)}x` : 'n/a';
    // A page whose own script varies by more than the target between identical loads cannot resolve a
    // 1 ms difference: it is reported (with its ratio) but judged separately, not in the worst case.
    if (noise > TARGET_MS) stress.push(`${host} (its own script varies by ${noise.toFixed(2)} ms between loads; +${added.toFixed(2)} ms = ${ratio})`);
    else {
      worstAll = Math.max(worstAll, added);
      worstOurs = Math.max(worstOurs, ours);
    }
    console.log(
      `${host.padEnd(20)} ${fmt(script('base'))} ${fmt(added, 11)} ${fmt(script('empty') - script('base'), 10)} ${fmt(ours, 10)} ${fmt(task('ext') - task('base'))}  ${ratio.padStart(6)} ${fmt(noise, 9)}   ${longs('base')}/${longs('empty')}/${longs('ext')}`,
    );
  }
  console.log(`\n(ratio = extension / baseline script time; n/a when the page runs no script of its own;`);
  console.log(` noise = spread (max - min) of the baseline's script time over its ${RUNS} loads)`);
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
