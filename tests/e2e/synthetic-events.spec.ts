import { INPUT_WINDOW_MS } from '../../src/content/active-clock';
import { PopupPage } from './pages';
import { dwell, leave, openSite, SCORING_DWELL_MS, SHORT_DWELL_MS } from './support/browsing';
import { expect, test } from './support/fixtures';
import { SITES } from '../fixtures/sites';

const { synthetic, quiet, control, shifting } = SITES;
const domainOf = (host: string) => host.replace(/^www\./, '');

test('10,000 synthetic events earn no more than a quiet page with the same dwell', async ({ context, extensionId, server, probe }) => {
  const pages = await Promise.all([synthetic, quiet].map((s) => openSite(context, server.url(s.host))));
  await expect(pages[0]).toHaveTitle('synthetic 10000');
  await dwell(pages, SCORING_DWELL_MS, { clicks: 3, keys: 3, wheels: 2 });
  await leave(pages);

  const rows = await probe.waitForFootprints(
    (r) => [synthetic, quiet].every((s) => r.some((f) => f.host === s.host && f.activeMs >= 10_000)),
    'both pages are stored with their dwell',
  );
  const noisy = rows.find((f) => f.host === synthetic.host)!;
  const calm = rows.find((f) => f.host === quiet.host)!;
  const interactions = (f: typeof noisy) => f.clicks + f.keys + f.scrolls;
  expect(calm.clicks).toBe(3);
  expect(calm.keys).toBe(3);
  expect(noisy.clicks).toBeLessThanOrEqual(calm.clicks);
  expect(noisy.keys).toBeLessThanOrEqual(calm.keys);
  expect(interactions(noisy)).toBeLessThanOrEqual(interactions(calm));
  expect(noisy.activeMs).toBeLessThanOrEqual(calm.activeMs + 1_500);

  const popup = await PopupPage.open(context, extensionId);
  const sites = await popup.sites();
  const points = (host: string) => sites.find((s) => s.domain === domainOf(host))?.points ?? -1;
  expect(points(quiet.host)).toBeGreaterThan(0);
  expect(points(synthetic.host)).toBeLessThanOrEqual(points(quiet.host));
});

test('a page that only dispatches synthetic events is not stored', async ({ context, server, probe }) => {
  const noisy = await openSite(context, server.url(synthetic.host));
  await expect(noisy).toHaveTitle('synthetic 10000');
  await noisy.waitForTimeout(SHORT_DWELL_MS);
  await leave([noisy]);
  const page = await openSite(context, server.url(control.host));
  await dwell([page], SHORT_DWELL_MS);
  await leave([page]);
  const rows = await probe.waitForFootprints((r) => r.some((f) => f.host === control.host), 'the control page is stored');
  expect(rows.map((f) => f.host)).not.toContain(synthetic.host);
});

test('a page that moves its content under a resting pointer does not keep the reader active', async ({ context, server, probe }) => {
  test.setTimeout(120_000);
  const page = await openSite(context, server.url(shifting.host));
  await page.mouse.move(300, 300); // the reader's one input; the pointer then rests on the page
  const overAtRest = () => page.evaluate(() => performance.eventCounts.get('pointerover') ?? 0);
  const before = await overAtRest();
  await page.waitForTimeout(INPUT_WINDOW_MS + 10_000);
  // The page did make the browser count trusted input: boundary events as its content moved under the pointer.
  expect(await overAtRest()).toBeGreaterThan(before + 20);
  await leave([page]);
  const rows = await probe.waitForFootprints((r) => r.some((f) => f.host === shifting.host), 'the page is stored with its one input');
  const view = rows.find((f) => f.host === shifting.host)!;
  // Active for the input window after the one move (plus one sampling second), not for the page's 40 s.
  expect(view.activeMs).toBeGreaterThanOrEqual(INPUT_WINDOW_MS - 2_000);
  expect(view.activeMs).toBeLessThanOrEqual(INPUT_WINDOW_MS + 2_000);
});
