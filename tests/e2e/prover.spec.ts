import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildBenchExtension, ROOT } from '../../bench/extension-prove/bench-build';
import { launchExtension, type ExtensionDriver } from '../../bench/extension-prove/extension-driver';
import { fullWeekWitness } from '../../bench/lib/full-week';
import { PROVER_BENCH_GLOBAL } from '../../src/background/prover/bench-hook-api';
import { verify, type Groth16Proof } from '../../src/zk';

/**
 * The prover in the real extension, test batch (8): once in the offscreen
 * document (worker threads) and once single-threaded in the service worker,
 * each proof verified in Node against public/zk/epoch-8.vkey.json. Needs the
 * bench build (its worker exposes the test-only prover hook), built here into
 * dist-bench-e2e so a running `npm run bench:extension-prove` keeps its own.
 */
const BATCH = 8;
const OUT_DIR = path.join(ROOT, 'dist-bench-e2e');
const vkey = JSON.parse(readFileSync(path.join(ROOT, 'public/zk/epoch-8.vkey.json'), 'utf8'));
const witness = fullWeekWitness(BATCH);

let ext: ExtensionDriver;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  buildBenchExtension(OUT_DIR);
  ext = await launchExtension(OUT_DIR);
});

test.afterAll(async () => {
  await ext?.close();
});

for (const where of ['offscreen', 'worker'] as const) {
  test(`proves the test batch in the ${where === 'offscreen' ? 'offscreen document' : 'service worker'} and the proof verifies in Node`, async () => {
    const r = await ext.prove(witness.input, BATCH, where);
    expect(r.path).toBe(where);
    expect(r.stages).toEqual(['loading', 'witness', 'proving']);
    expect(r.publicSignals).toEqual(witness.publicSignals.map(String));
    expect(await verify(vkey, r.publicSignals.map(BigInt), r.proof as Groth16Proof)).toBe(true);
    // A tampered signal must not verify (the check above is not vacuous).
    const forged = r.publicSignals.map(BigInt);
    forged[1] += 1n;
    expect(await verify(vkey, forged, r.proof as Groth16Proof)).toBe(false);
  });
}

test('the service worker proving a full batch itself goes on answering messages and writing progress', async () => {
  test.setTimeout(180_000);
  // The production batch on the worker path (what 'auto' picks on 2 cores). Meanwhile an extension page asks
  // the worker for its status again and again, as the popup polls its job row.
  const full = fullWeekWitness(256);
  const id = new URL(ext.worker.url()).host;
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${id}/src/options/index.html`);
  type Poller = { answeredAt: number[]; errors: string[]; polling: boolean };
  await page.evaluate(() => {
    const g = globalThis as unknown as { poller: Poller };
    g.poller = { answeredAt: [], errors: [], polling: true };
    void (async () => {
      while (g.poller.polling) {
        try {
          await chrome.runtime.sendMessage({ type: 'ui/status' });
          g.poller.answeredAt.push(Date.now());
        } catch (e) {
          g.poller.errors.push(String(e)); // a failed send is reported, not mistaken for no answer
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
  });
  const r = await ext.prove(full.input, 256, 'worker');
  const { answeredAt, errors } = await page.evaluate(() => {
    const g = globalThis as unknown as { poller: Poller };
    g.poller.polling = false;
    return g.poller;
  });
  await page.close();
  expect(errors).toEqual([]);
  expect(r.path).toBe('worker');
  expect(r.publicSignals).toEqual(full.publicSignals.map(String));
  // The poll works: the worker answered it before proving began.
  expect(answeredAt.some((t) => t < r.stageAt.proving)).toBe(true);
  // Before issue #14's fix the worker ran the whole proof without a turn: no answer came while it proved,
  // and progress was only the stage's start and its end (2 events).
  const whileProving = answeredAt.filter((t) => t > r.stageAt.proving && t < r.endAt);
  expect(whileProving.length, `answers while proving (${r.endAt - r.stageAt.proving} ms)`).toBeGreaterThanOrEqual(3);
  expect(r.provingEvents).toBeGreaterThanOrEqual(5);
});

test('the offscreen page leaves ui/ messages to the worker and is the only offscreen document', async () => {
  await ext.prove(witness.input, BATCH, 'offscreen'); // the page exists now
  const id = new URL(ext.worker.url()).host;
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${id}/src/options/index.html`);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/status' }) as Promise<{ ok: boolean; error?: { code: string } }>);
  // Whatever the worker answers, it is the worker's reply shape, not an offscreen error.
  // The worker's reply (ok, or its own typed error such as not_set_up), never the offscreen page's.
  expect(typeof reply.ok).toBe('boolean');
  if (!reply.ok) expect(['forbidden_sender', 'invalid_message']).not.toContain(reply.error?.code);
  expect(JSON.stringify(reply)).not.toContain('only the service worker');
  const contexts = await ext.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] }));
  expect(contexts).toHaveLength(1);
  await page.close();
});

test('the production build has no prover bench hook', async () => {
  const assets = path.join(ROOT, 'dist/assets');
  expect(existsSync(assets), 'dist/assets is missing: run `npm run build` first').toBe(true);
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(readFileSync(path.join(assets, f), 'utf8')).not.toContain(PROVER_BENCH_GLOBAL);
  const benchAssets = path.join(OUT_DIR, 'assets');
  expect(readdirSync(benchAssets).some((f) => readFileSync(path.join(benchAssets, f), 'utf8').includes(PROVER_BENCH_GLOBAL))).toBe(true);
});
