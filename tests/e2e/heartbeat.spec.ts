import { dwell, openSite } from './support/browsing';
import { expect, test } from './support/fixtures';
import { SITES } from '../fixtures/sites';

/** src/content/capture.ts HEARTBEAT_MS: the content script sends a snapshot this often while the page lives. */
const HEARTBEAT_MS = 15_000;

test('a crashed tab loses at most one heartbeat of measurement', async ({ context, server, probe }) => {
  const page = await openSite(context, server.url(SITES.news.host));
  await dwell([page], HEARTBEAT_MS + 2_500, { keys: 2 });
  // No pagehide, no visibilitychange: the renderer just dies.
  await Promise.all([page.waitForEvent('crash', { timeout: 10_000 }), page.goto('chrome://crash').catch(() => undefined)]);

  const rows = await probe.waitForFootprints((r) => r.some((f) => f.host === SITES.news.host), 'the heartbeat snapshot is stored');
  const row = rows.find((f) => f.host === SITES.news.host)!;
  expect(row.activeMs).toBeGreaterThanOrEqual(HEARTBEAT_MS - 3_000);
  expect(row.activeMs).toBeLessThanOrEqual(HEARTBEAT_MS + 1_000);
  expect(row.keys).toBe(2);
});
