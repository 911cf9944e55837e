import type { Browser, Page } from 'puppeteer-core';
import type { ExportedFootprint } from '../../e2e/support/probe';
import { sendUi } from './firefox';

export { SCORING_DWELL_MS, SHORT_DWELL_MS } from '../../e2e/support/browsing';

/** Opens `url` in a new tab and waits until the content script had time to ask the background. */
export async function openSite(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await new Promise((r) => setTimeout(r, 300));
  return page;
}

/**
 * Acts like a reader on every page for about `ms` (the Chromium suite's dwell,
 * through puppeteer): trusted mouse moves each second plus the given key presses
 * and wheel scrolls. BiDi input is trusted input, so it counts.
 */
export async function dwell(pages: Page[], ms: number, input: { keys?: number; wheels?: number } = {}): Promise<void> {
  const steps = Math.max(1, Math.ceil(ms / 1000));
  for (let i = 0; i < steps; i++) {
    const started = Date.now();
    for (const page of pages) {
      await page.bringToFront();
      await page.mouse.move(200 + (i % 5) * 20, 200 + (i % 3) * 15);
      if (i < (input.keys ?? 0)) await page.keyboard.press('Shift');
      if (i < (input.wheels ?? 0)) await page.mouse.wheel({ deltaY: 400 });
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
  }
}

/**
 * Reads each URL in turn: open, dwell `ms`, leave. One page at a time because
 * in Firefox only the front tab is visible, and only a visible page gains active
 * time (Chromium's headless mode shows every page at once, so its suite reads
 * pages side by side).
 */
export async function browseEach(browser: Browser, urls: string[], ms: number, input: { keys?: number; wheels?: number } = {}): Promise<void> {
  for (const url of urls) {
    const page = await openSite(browser, url);
    await dwell([page], ms, input);
    await leave([page]);
  }
}

/** Leaves each page (its visibilitychange to hidden at unload makes the content script flush), then closes it. */
export async function leave(pages: Page[]): Promise<void> {
  for (const page of pages) {
    await page.goto('about:blank');
    await page.close();
  }
}

/** The stored footprints, read through the extension's own `ui/export` from an extension page. */
export async function footprints(probe: Page): Promise<ExportedFootprint[]> {
  return (JSON.parse(await sendUi<string>(probe, { type: 'ui/export' })) as { footprints: ExportedFootprint[] }).footprints;
}

/** Polls until `check` holds for the stored footprints (20 s); returns them, or throws with `message`. */
export async function waitForFootprints(probe: Page, check: (rows: ExportedFootprint[]) => boolean, message: string): Promise<ExportedFootprint[]> {
  const deadline = Date.now() + 20_000;
  let rows: ExportedFootprint[] = [];
  while (Date.now() < deadline) {
    if (check((rows = await footprints(probe)))) return rows;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${message}; stored: ${JSON.stringify(rows.map((r) => [r.host, r.activeMs]))}`);
}
