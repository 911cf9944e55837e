import type { BrowserContext, Page } from '@playwright/test';

/** Dwell comfortably above the worker's 10 s minimum of active time per domain-day (src/scoring/constants.ts). */
export const SCORING_DWELL_MS = 12_500;
/** Dwell above the vault's 2 s minimum per page view (src/vault/constants.ts), for specs that only need a stored row. */
export const SHORT_DWELL_MS = 3_500;

/** Opens `url` in a new tab and waits until the content script had time to ask the worker. */
export async function openSite(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(300);
  return page;
}

export interface DwellInput {
  clicks?: number;
  keys?: number;
  wheels?: number;
}

/**
 * Acts like a reader on every page at once for about `ms`: trusted mouse
 * moves each second (Playwright's input goes through the browser, so
 * `isTrusted` is true), plus the given clicks, key presses and wheel scrolls
 * spread over the time. Pages stay visible and focused (headless emulation).
 */
export async function dwell(pages: Page[], ms: number, input: DwellInput = {}): Promise<void> {
  const steps = Math.max(1, Math.ceil(ms / 1000));
  for (let i = 0; i < steps; i++) {
    const started = Date.now();
    for (const page of pages) {
      await page.mouse.move(200 + (i % 5) * 20, 200 + (i % 3) * 15);
      if (i < (input.clicks ?? 0)) await page.mouse.click(300, 150 + i * 4);
      if (i < (input.keys ?? 0)) await page.keyboard.press('Shift');
      if (i < (input.wheels ?? 0)) await page.mouse.wheel(0, 400);
    }
    await pages[0].waitForTimeout(Math.max(0, 1000 - (Date.now() - started)));
  }
}

/** Leaves each page (its visibilitychange to hidden at unload makes the content script flush), then closes it. */
export async function leave(pages: Page[]): Promise<void> {
  for (const page of pages) {
    await page.goto('about:blank');
    await page.close();
  }
}
