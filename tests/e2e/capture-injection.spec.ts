import type { BrowserContext } from '@playwright/test';
import { dwell, leave, openSite, SHORT_DWELL_MS } from './support/browsing';
import { E2E_PASSWORD, expect, test } from './support/fixtures';
import { SITES } from '../fixtures/sites';

test.use({ onboard: false });

/**
 * Whether any of the extension's code runs in a page: Chrome creates an
 * isolated world (a CDP execution context whose origin is the extension's)
 * in a page only to run a content script there. Read over CDP from the
 * page's own renderer, so nothing in the extension is asked.
 */
async function extensionWorldsIn(context: BrowserContext, extensionId: string, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => origins.push(c.origin));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.waitForTimeout(500); // past document_idle
  await cdp.detach();
  await page.close();
  return origins.filter((o) => o === `chrome-extension://${extensionId}`).length;
}

test('no page runs our code before onboarding, while paused, or on a deny-listed site', async ({ context, extensionId, server, probe }) => {
  const control = server.url(SITES.control.host);
  const denied = server.url(SITES.denied.host);
  const send = (message: object) => probe.page.evaluate((m) => chrome.runtime.sendMessage(m), message);

  expect(await extensionWorldsIn(context, extensionId, control), 'before onboarding').toBe(0);

  await probe.onboard(E2E_PASSWORD);
  expect(await extensionWorldsIn(context, extensionId, control), 'onboarded').toBe(1);

  expect(await send({ type: 'ui/set-site-rule', domain: 'youtube.com', rule: 'deny' })).toMatchObject({ ok: true });
  expect(await extensionWorldsIn(context, extensionId, denied), 'a deny-listed site').toBe(0);
  expect(await extensionWorldsIn(context, extensionId, control), 'another site').toBe(1);

  expect(await send({ type: 'ui/set-paused', paused: true })).toMatchObject({ ok: true });
  expect(await extensionWorldsIn(context, extensionId, control), 'paused').toBe(0);
  expect(await send({ type: 'ui/set-paused', paused: false })).toMatchObject({ ok: true });
  expect(await extensionWorldsIn(context, extensionId, control), 'resumed').toBe(1);

  // And the registered script captures: a visit after all that is stored.
  const page = await openSite(context, control);
  await dwell([page], SHORT_DWELL_MS, { clicks: 2, keys: 2 });
  await leave([page]);
  const rows = await probe.waitForFootprints((r) => r.some((f) => f.host === SITES.control.host), 'the visit is stored');
  const row = rows.find((f) => f.host === SITES.control.host)!;
  expect(row.clicks).toBe(2); // the browser's own count of trusted clicks (performance.eventCounts)
  expect(row.keys).toBe(2);
});
