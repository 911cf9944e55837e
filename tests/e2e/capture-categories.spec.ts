import { PopupPage } from './pages';
import { dwell, leave, openSite, SCORING_DWELL_MS, SHORT_DWELL_MS } from './support/browsing';
import { expect, test } from './support/fixtures';
import { SITES } from '../fixtures/sites';

const BROWSED = [SITES.crypto, SITES.nft, SITES.news, SITES.social];
const registrable = (host: string) => host.replace(/^www\./, '');

test('browsing sites of different categories earns points under the right categories', async ({ context, extensionId, server, probe }) => {
  const pages = await Promise.all(BROWSED.map((s) => openSite(context, server.url(s.host, '/some/article?id=42'))));
  const opened = Date.now();
  await dwell(pages, SCORING_DWELL_MS, { keys: 3, wheels: 3 });
  await leave(pages);
  // The dwell's wall time: on a busy machine its steps run late, so the reading takes longer than SCORING_DWELL_MS.
  const readMs = Date.now() - opened;

  const rows = await probe.waitForFootprints(
    (r) => BROWSED.every((s) => r.some((f) => f.host === s.host && f.activeMs >= 10_000)),
    'each browsed site has a footprint with at least 10 s of active time',
  );
  for (const f of rows) {
    expect(f.keys, `${f.host} trusted keys`).toBeGreaterThanOrEqual(1);
    expect(f.scrolls, `${f.host} trusted scrolls`).toBeGreaterThanOrEqual(1);
    expect(f.scrollDepth, `${f.host} scroll depth`).toBeGreaterThan(0);
    // Active time counts from the first input to leaving, within the reading: never more than its wall time.
    expect(f.activeMs, `${f.host} active time within the ${readMs} ms of reading`).toBeLessThanOrEqual(readMs);
  }
  expect(rows.find((f) => f.host === SITES.news.host)?.lang).toBe('ja');

  const popup = await PopupPage.open(context, extensionId, server.url(SITES.crypto.host).replace(/\/$/, ''));
  expect(await popup.state()).toBe('capturing');
  expect(await popup.pointsToday()).toBeGreaterThan(0);
  const categories = await popup.categories();
  for (const s of BROWSED) {
    expect(categories.find((c) => c.category === s.category)?.points ?? 0, `${s.category} points`).toBeGreaterThan(0);
  }
  const sites = await popup.sites();
  for (const s of BROWSED) {
    expect(sites.map((x) => x.domain)).toContain(registrable(s.host));
  }
});

test('a same-document navigation (pushState) starts a new page view and keeps no path', async ({ context, server, probe }) => {
  const page = await openSite(context, server.url(SITES.social.host, '/r/first'));
  await dwell([page], SHORT_DWELL_MS);
  await page.click('#spa-next');
  await expect(page).toHaveURL(/\/r\/next\/comments\/xyz$/);
  await dwell([page], SHORT_DWELL_MS);
  await leave([page]);

  const rows = await probe.waitForFootprints(
    (r) => r.filter((f) => f.host === SITES.social.host && f.activeMs >= 2_000).length === 2,
    'two page views on the SPA, each with active time',
  );
  const ids = rows.filter((f) => f.host === SITES.social.host).map((f) => f.id);
  expect(new Set(ids).size).toBe(2);
  const dump = await probe.rawDump();
  expect(dump).not.toContain('/r/next');
  expect(dump).not.toContain('comments/xyz');
});
