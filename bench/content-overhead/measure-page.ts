import type { BrowserContext } from '@playwright/test';
import { causesFromTrace, startTrace, type PageCauses } from './trace-causes';

export interface PageCost {
  /** Main-thread JavaScript time of the page's renderer (CDP Performance ScriptDuration), ms. */
  scriptMs: number;
  /** All main-thread task time (CDP Performance TaskDuration), ms. */
  taskMs: number;
  /** Long tasks (> 50 ms) the page saw, from a PerformanceObserver installed before any script. */
  longTasks: number;
  /**
   * Main-thread script time of one same-document navigation after the reading (the page's
   * pushState): where the content script flushes its first footprint, so its first message
   * (the extension binding and the round trip) is paid here, after load and reading, ms.
   */
  flushMs: number;
  /** Only for a traced load: what the content script did (trace-causes.ts). */
  causes?: PageCauses;
}

/** Counts long tasks from the very start of the document (main world; the extension cannot see or change it). */
const LONGTASK_OBSERVER = `
  window.__longTasks = 0;
  new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; })
    .observe({ type: 'longtask', buffered: true });`;

/**
 * Loads `url` in a new tab, acts like a reader for a moment (trusted mouse
 * moves, wheel scrolls, key presses and clicks: the content script's hot
 * paths), waits for idle work to finish, and reads the renderer's
 * cumulative main-thread time. The same routine runs with and without the
 * extension, so the difference is the extension's cost.
 */
export async function measurePage(context: BrowserContext, url: string, options: { trace?: boolean } = {}): Promise<PageCost> {
  const page = await context.newPage();
  await page.addInitScript(LONGTASK_OBSERVER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // A traced load is extra (tracing costs time itself): its metrics are not mixed with the timed loads.
  const stopTrace = options.trace ? await startTrace(cdp) : null;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300); // document_idle: the content script starts
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(100 + i * 30, 200 + (i % 4) * 20, { steps: 5 });
    await page.mouse.wheel(0, 300);
    if (i % 3 === 0) await page.keyboard.press('ArrowDown');
    if (i % 4 === 0) await page.mouse.click(400, 300);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
  const causes = stopTrace ? causesFromTrace(await stopTrace(), url) : undefined;
  // The first flush, measured on its own: a same-document navigation makes the content script send the
  // view's footprint (the heartbeat, a hidden tab or pagehide would too; this one can be timed in place).
  await page.evaluate(() => history.pushState({}, '', `${location.pathname}?flush=1`));
  await page.waitForTimeout(400);
  const after = await cdp.send('Performance.getMetrics');
  const flushMs = ((after.metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000) - metric('ScriptDuration');
  await cdp.detach();
  await page.goto('about:blank'); // left (hidden at unload): the last flush, after the metrics (sent, not measured)
  await page.close();
  return { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), longTasks, flushMs, causes };
}
