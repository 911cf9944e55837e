/**
 * The same extension in real Firefox (Debian firefox-esr, headless, WebDriver
 * BiDi through puppeteer-core): the Firefox build from the same sources
 * (`vite build --mode firefox-e2e`: dist-firefox plus the hook that opens the
 * options page at install), the fixture sites of the Chromium suite, and a real
 * anvil devnet for the proof, the mint and the stakes. The ja test runs Firefox
 * in Japanese (Debian's firefox-esr-l10n-ja langpack). A missing Firefox, build
 * or langpack fails; nothing skips.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { parseUnits, type Address } from 'viem';
import { readContract } from 'viem/actions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../scripts/devnet.ts';
import { DeploymentSchema } from '../../scripts/lib/deployments.ts';
import { deploymentDifferences } from '../../scripts/lib/start-chain.ts';
import { createPool, type DeliveryTerms } from '../../src/chain/create-pool.ts';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { encodePoolMetadata } from '../../src/chain/pool-metadata.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { deliveryKeyToHex, generateDeliveryKeyPair } from '../../src/delivery/keys.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { DEVNET_RPC_URL } from '../../src/shared/network';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../../src/shared/settings.ts';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { SITES } from '../fixtures/sites';
import { browseEach, dwell, footprints, leave, openSite, SCORING_DWELL_MS, SHORT_DWELL_MS, waitForFootprints } from './support/browsing';
import { launchFirefox, OPTIONS_PATH, POPUP_PATH, sendUi, type FirefoxSession } from './support/firefox';

const PASSWORD = 'e2e correct horse battery';
const DAY = 86_400;

let server: FixtureServer;
let session: FirefoxSession | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(onboard: boolean, prefs?: Record<string, string | number | boolean>): Promise<FirefoxSession> {
  session = await launchFirefox({ prefs });
  if (onboard) await sendUi(session.probe, { type: 'ui/onboard', password: PASSWORD });
  return session;
}

const byTestId = (id: string) => `[data-testid="${id}"]`;
async function attr(page: Page, selector: string, name: string): Promise<string | null> {
  return page.$eval(selector, (el, n) => el.getAttribute(n), name);
}
async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el.textContent ?? '').trim());
}
/** Replaces a field's value by typing (input events, as a user's). */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  await page.type(selector, value);
}
async function waitUntil<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: last seen ${JSON.stringify(last)}`);
}
/** The popup as a tab (tabOrigin names the site, as in the Chromium suite), once it shows a screen. */
async function openPopup(s: FirefoxSession, tabOrigin?: string): Promise<Page> {
  const popup = await s.openExtensionPage(tabOrigin ? `${POPUP_PATH}?tabOrigin=${encodeURIComponent(tabOrigin)}` : POPUP_PATH);
  await popup.waitForSelector(`${byTestId('capture-status')}, ${byTestId('onboard-screen')}, ${byTestId('unlock-screen')}, ${byTestId('error')}`, { timeout: 20_000 });
  return popup;
}
async function openPopupTab(popup: Page, name: string): Promise<void> {
  await popup.click(byTestId(`tab-${name}`));
  await popup.waitForSelector(byTestId(`panel-${name}`), { visible: true });
}

const POINTS_POOL = 'Crypto signals (points)';
const RECORDS_POOL = 'Crypto signals (records)';
const TERMS = 'Trains a trading assistant; never resold.';

/** A pool for crypto and finance by anvil account 0 (it holds the TestToken), from now for 30 days; returns its address. */
async function createCryptoPool(devnet: Devnet, name: string, delivery: DeliveryTerms): Promise<Address> {
  const start = (await devnet.test.getBlock()).timestamp + 10n;
  const created = await createPool(devnet.signers[0], {
    factory: devnet.deployment.contracts.poolFactory as Address,
    rewardToken: devnet.deployment.contracts.testToken as Address,
    budget: parseUnits('1000', 18),
    start,
    end: start + 30n * BigInt(DAY),
    categoryMask: categoryMask(['crypto', 'finance']),
    minPoints: 1n,
    metadataURI: encodePoolMetadata({ name, sponsor: 'Helix Markets AI', description: 'E2E pool', ...(delivery.tier === 'none' ? {} : { terms: TERMS }) }),
    delivery,
  });
  return created.pool;
}

const poolCard = (name: string) => `${byTestId('pool-card')}[data-name="${name}"]`;

/**
 * Stakes the minted token into `name` from the popup's Earn tab: waits until the card says eligible, opens the
 * preview, checks its public values, runs `consent` (delivery pools), confirms and waits for the stake job.
 * Returns the points the preview said the stake carries.
 */
async function stakeFromPopup(
  popup: Page, name: string, token: { tokenId: bigint; address: Address; epoch: number }, consent?: (dialog: string) => Promise<void>,
): Promise<number> {
  await openPopupTab(popup, 'earn');
  // The Earn tab re-reads the pools once a job settles.
  await waitUntil(`${name} is eligible`, () => attr(popup, poolCard(name), 'data-reason'), (r) => r === 'eligible', 30_000);
  await popup.click(`${poolCard(name)} ${byTestId('pool-stake')}`);
  const dialog = `dialog[open]${byTestId('stake-dialog')}`;
  await popup.waitForSelector(`${dialog} ${byTestId('stake-public')}, ${dialog} ${byTestId('stake-preview-error')}`, { timeout: 60_000 });
  const preview = await popup.$eval(`${dialog} ${byTestId('stake-public')}`, (el) => ({
    address: el.getAttribute('data-address'),
    tokenId: el.getAttribute('data-token-id'),
    epoch: Number(el.getAttribute('data-epoch')),
    points: Number(el.getAttribute('data-points')),
  }));
  expect(preview).toMatchObject({ address: token.address, tokenId: token.tokenId.toString(), epoch: token.epoch });
  expect(preview.points).toBeGreaterThan(0);
  if (consent) await consent(dialog);
  await popup.click(`${dialog} ${byTestId('stake-confirm')}`);
  await waitUntil(`the ${name} stake dialog closed`, async () => ({
    open: !!(await popup.$(dialog)),
    error: await popup.$eval(`${dialog} ${byTestId('stake-error')}`, (el) => el.textContent).catch(() => null),
  }), (v) => !v.open || !!v.error);
  expect(await popup.$eval(`${dialog} ${byTestId('stake-error')}`, (el) => el.textContent).catch(() => null), 'stake error').toBeNull();
  const job = `${poolCard(name)} ${byTestId('job')}[data-kind="stake"]`;
  const started = Date.now();
  const state = await waitUntil(`the ${name} stake job finished`, () => attr(popup, job, 'data-state'), (v) => v === 'done' || v === 'failed', 240_000);
  const error = state === 'failed' ? await popup.$eval(`${job} ${byTestId('job-error')}`, (el) => el.textContent).catch(() => null) : null;
  expect(state, `${name} stake job: ${error}`).toBe('done');
  console.log(`[firefox e2e] prove and stake into ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return preview.points;
}

describe('Firefox', () => {
  it('capture → points: browsed sites are stored by origin and earn points under their categories', async () => {
    const s = await start(true);
    const browsed = [SITES.crypto, SITES.news];
    await browseEach(s.browser, browsed.map((site) => server.url(site.host, '/some/article?id=42')), SCORING_DWELL_MS, { keys: 3, wheels: 3 });

    const rows = await waitForFootprints(
      s.probe,
      (r) => browsed.every((site) => r.some((f) => f.host === site.host && f.activeMs >= 10_000)),
      'each browsed site has a footprint with at least 10 s of active time',
    );
    for (const f of rows) {
      expect(f.keys, `${f.host} trusted keys`).toBeGreaterThanOrEqual(1);
      expect(f.activeMs).toBeLessThanOrEqual(SCORING_DWELL_MS + 2_000);
    }
    expect(rows.find((f) => f.host === SITES.news.host)?.lang).toBe('ja');
    expect(JSON.stringify(rows)).not.toMatch(/some\/article|id=42/);

    const popup = await openPopup(s, server.url(SITES.crypto.host).replace(/\/$/, ''));
    expect(await attr(popup, byTestId('capture-status'), 'data-state')).toBe('capturing');
    expect(Number(await attr(popup, byTestId('points-today'), 'data-points'))).toBeGreaterThan(0);
  });

  it('privacy exclusions: password, banking, deny-listed and token URLs are not stored; the rest only by origin', async () => {
    const s = await start(true);
    // The deny list through the options page (the page the extension opened).
    await s.probe.type(byTestId('denyList-input'), 'youtube.com');
    await s.probe.click(byTestId('denyList-add'));
    await s.probe.waitForSelector(`${byTestId('denyList-item')}[data-domain="youtube.com"]`);

    const pages = await Promise.all([
      openSite(s.browser, server.url(SITES.password.host)),
      openSite(s.browser, server.url(SITES.banking.host)),
      openSite(s.browser, server.url(SITES.denied.host)),
      openSite(s.browser, server.url(SITES.secret.host, '/story?token=SECRET#frag')),
      openSite(s.browser, server.url(SITES.control.host, '/wiki/SECRETPATH?q=SECRETQUERY#SECRETFRAG')),
    ]);
    await dwell(pages, SHORT_DWELL_MS, { keys: 2 });
    await leave(pages);

    const rows = await waitForFootprints(s.probe, (r) => r.some((f) => f.host === SITES.control.host), 'the control page is stored');
    const hosts = rows.map((f) => f.host);
    for (const site of [SITES.password, SITES.banking, SITES.denied, SITES.secret]) expect(hosts).not.toContain(site.host);
    expect(await sendUi<string>(s.probe, { type: 'ui/export' })).not.toMatch(/SECRET|frag|token|\/wiki/);
  });

  it('onboarding and lock: the popup onboards, locks, refuses a wrong password and unlocks with the right one', async () => {
    const s = await start(false);
    const popup = await openPopup(s);
    expect(await attr(popup, byTestId('popup'), 'data-screen')).toBe('onboard');
    await popup.type(byTestId('onboard-password'), PASSWORD);
    await popup.type(byTestId('onboard-confirm'), PASSWORD);
    await popup.click(byTestId('onboard-submit'));
    await popup.waitForSelector(byTestId('tabs'), { timeout: 30_000 });

    await popup.click(byTestId('lock-button'));
    await popup.waitForSelector(byTestId('unlock-screen'));
    expect((await sendUi<{ locked: boolean }>(s.probe, { type: 'ui/wallet-state' })).locked).toBe(true);

    await popup.type(byTestId('unlock-password'), 'not the password');
    await popup.click(byTestId('unlock-submit'));
    await waitUntil('the wrong password is refused', () => attr(popup, byTestId('unlock-screen'), 'data-refusals'), (n) => Number(n) > 0, 30_000);
    expect(await attr(popup, byTestId('unlock-screen'), 'data-error-code')).toBe('wrong_password');
    expect(await popup.$(byTestId('tabs'))).toBeNull();

    await popup.$eval(byTestId('unlock-password'), (el) => ((el as HTMLInputElement).value = ''));
    await popup.type(byTestId('unlock-password'), PASSWORD);
    await popup.click(byTestId('unlock-submit'));
    await popup.waitForSelector(byTestId('tabs'), { timeout: 30_000 });
  });

  it('options: the popup brings up the options page; the auto-lock minutes are checked, stored and re-arm the lock', async () => {
    const s = await start(true);
    const options = s.probe; // the options page the extension opened
    const popup = await openPopup(s);
    // The popup's settings button (runtime.openOptionsPage) brings the open options tab to the front:
    // in Firefox only the front tab is visible.
    expect(await options.evaluate(() => document.visibilityState)).toBe('hidden');
    await popup.click(byTestId('open-options'));
    await waitUntil('the options tab comes to the front', () => options.evaluate(() => document.visibilityState), (v) => v === 'visible');
    await popup.close();

    const minutes = () => attr(options, byTestId('security-section'), 'data-minutes');
    expect(await minutes()).toBe(String(AUTO_LOCK_DEFAULT_MINUTES));
    // Out of range: refused on the page, nothing stored.
    await fill(options, byTestId('autolock-input'), '0');
    await options.click(byTestId('autolock-save'));
    await options.waitForSelector(byTestId('autolock-error'));
    expect(await minutes()).toBe(String(AUTO_LOCK_DEFAULT_MINUTES));
    expect((await sendUi<{ autoLockMinutes: number }>(options, { type: 'ui/wallet-state' })).autoLockMinutes).toBe(AUTO_LOCK_DEFAULT_MINUTES);

    await fill(options, byTestId('autolock-input'), '2');
    const saved = Date.now();
    await options.click(byTestId('autolock-save'));
    await waitUntil('the worker stored 2 minutes', minutes, (m) => m === '2');
    expect(await options.$(byTestId('autolock-error'))).toBeNull();
    // It took effect: the next UI activity moves the lock deadline to 2 minutes from then, and the
    // auto-lock alarm with it (it was 15 minutes from onboarding).
    const wallet = await sendUi<{ locked: boolean; autoLockMinutes: number; lockAt?: number }>(options, { type: 'ui/wallet-state' });
    const read = Date.now();
    expect(wallet).toMatchObject({ locked: false, autoLockMinutes: 2 });
    expect(wallet.lockAt).toBeGreaterThanOrEqual(saved + 2 * 60_000);
    expect(wallet.lockAt).toBeLessThanOrEqual(read + 2 * 60_000);
    const alarm = await options.evaluate(() =>
      (globalThis as unknown as { browser: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } }).browser.alarms.get('auto-lock'));
    expect(alarm?.scheduledTime).toBeCloseTo(wallet.lockAt!, -3);
    // A fresh options page reads the stored value; the popup's Wallet tab says when it locks.
    const reopened = await s.openExtensionPage(OPTIONS_PATH);
    await reopened.waitForSelector(byTestId('security-section'));
    expect(await attr(reopened, byTestId('security-section'), 'data-minutes')).toBe('2');
    expect(await reopened.$eval(byTestId('autolock-input'), (el) => (el as HTMLInputElement).value)).toBe('2');
    const again = await openPopup(s);
    await openPopupTab(again, 'wallet');
    expect(await text(again, byTestId('wallet-lock-at'))).toContain('after 2 minutes');
  });

  it('ja: with Firefox in Japanese (the langpack), the popup and options page speak Japanese', async () => {
    const ja = JSON.parse(readFileSync(resolve('public/_locales/ja/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const s = await start(false, { 'intl.locale.requested': 'ja' });
    const ui = await s.probe.evaluate(() => (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage());
    expect(ui, 'Firefox did not switch to Japanese: is its langpack installed (Debian: apt-get install firefox-esr-l10n-ja; npm test does)?').toBe('ja');
    expect(await s.probe.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['ja', ja.options_title.message]);

    const popup = await openPopup(s);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await text(popup, '#onboard-title')).toBe(ja.onboard_title.message);
    expect(await text(popup, byTestId('onboard-submit'))).toBe(ja.action_create.message);
    // A form error in Japanese, then onboarding through to the tabs, labelled in Japanese.
    await popup.type(byTestId('onboard-password'), PASSWORD);
    await popup.type(byTestId('onboard-confirm'), `${PASSWORD}!`);
    await popup.click(byTestId('onboard-submit'));
    await popup.waitForSelector(byTestId('onboard-confirm-error'));
    expect(await text(popup, byTestId('onboard-confirm-error'))).toBe(ja.password_error_mismatch.message);
    await fill(popup, byTestId('onboard-confirm'), PASSWORD);
    await popup.click(byTestId('onboard-submit'));
    await popup.waitForSelector(byTestId('tabs'), { timeout: 30_000 });
    expect(await Promise.all(['points', 'earn', 'wallet'].map((tab) => text(popup, byTestId(`tab-${tab}`)))))
      .toEqual([ja.tab_points.message, ja.tab_earn.message, ja.tab_wallet.message]);
  });

  it('a real proof, mint and stakes on a real anvil devnet: the week is proven in Firefox, its token is live and staked into a points pool and a records pool', async () => {
    const port = Number(new URL(DEVNET_RPC_URL).port);
    const devnet = await startDevnet({ port, verifier: 'EpochVerifier256' });
    try {
      const bundled = DeploymentSchema.parse(JSON.parse(readFileSync(resolve('deployments/31337.json'), 'utf8')));
      expect(deploymentDifferences(bundled, devnet.deployment)).toEqual([]);
      // Two pools for crypto and finance, made with the chain library (as the pool CLI does): points only, and
      // one that receives the stake's records (delivery), which asks the user's consent first.
      const pointsPool = await createCryptoPool(devnet, POINTS_POOL, { tier: 'none' });
      const recordsPool = await createCryptoPool(devnet, RECORDS_POOL, {
        tier: 'records', key: deliveryKeyToHex((await generateDeliveryKeyPair()).publicKey), reviewPeriod: DAY,
      });
      const s = await start(true);
      // Prove on Firefox's own path, the dedicated Worker ('offscreen' in the measurements): on this 2-core
      // machine `auto` starts with the event page, so record that path as measured and `auto` tries the other
      // (path-choice.ts rule 2). The record is stamped like the background's own.
      await s.probe.evaluate(async () => {
        const ext = (globalThis as unknown as { browser: { storage: { local: { set(i: object): Promise<void> } }; runtime: { getManifest(): { version: string } } } }).browser;
        const stamp = { version: ext.runtime.getManifest().version, cores: navigator.hardwareConcurrency };
        await ext.storage.local.set({ proverPathChoice: { ...stamp, best: { 'worker:8': 1, 'worker:256': 1 } } });
      });
      let popup = await openPopup(s);
      await openPopupTab(popup, 'wallet');
      const address = (await attr(popup, byTestId('wallet-address'), 'data-address')) as Address;
      expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
      await popup.click(byTestId('faucet'));
      await waitUntil('the faucet funded the wallet', () => attr(popup, byTestId('balance-eth'), 'data-balance'), (b) => !!b && b !== '0');

      await browseEach(s.browser, [server.url(SITES.crypto.host, '/markets/today')], SCORING_DWELL_MS, { keys: 3, wheels: 3 });
      await waitForFootprints(s.probe, (r) => r.some((f) => f.activeMs >= 10_000), 'a scoring footprint is stored');

      // The week ends on chain; the popup offers to prove and mint it.
      await devnet.test.increaseTime({ seconds: 7 * DAY });
      await devnet.test.mine({ blocks: 1 });
      // A fresh popup (BiDi will not reload a moz-extension:// page), as a user reopens it.
      await popup.close();
      popup = await openPopup(s);
      await popup.waitForSelector(byTestId('tabs'));
      await openPopupTab(popup, 'earn');
      await popup.waitForSelector(byTestId('epochs'), { timeout: 30_000 });
      if ((await popup.$(byTestId('epochs-toggle'))) && (await attr(popup, byTestId('epochs-toggle'), 'aria-expanded')) !== 'true') {
        await popup.click(byTestId('epochs-toggle'));
      }
      const week = await popup.$eval(byTestId('epoch-row'), (r) => ({
        epoch: Number(r.getAttribute('data-epoch')),
        points: Number(r.getAttribute('data-points')),
        finished: r.getAttribute('data-finished') === 'true',
      }));
      expect(week.points).toBeGreaterThan(0);
      expect(week.finished).toBe(true);
      await popup.waitForSelector(byTestId('prove-now'), { timeout: 30_000 });
      const started = Date.now();
      await popup.click(byTestId('prove-now'));
      const job = `${byTestId('job')}[data-kind="mint"]`;
      await popup.waitForSelector(job);
      const state = await waitUntil('the mint job finished', () => attr(popup, job, 'data-state'), (v) => v === 'done' || v === 'failed', 240_000);
      const error = state === 'failed' ? await popup.$eval(`${job} ${byTestId('job-error')}`, (el) => el.textContent).catch(() => null) : null;
      expect(state, `mint job: ${error}`).toBe('done');
      console.log(`[firefox e2e] prove and mint took ${((Date.now() - started) / 1000).toFixed(1)} s`);

      const sbt = devnet.deployment.contracts.dataSbt as Address;
      const tokenId = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [address, BigInt(week.epoch)] });
      expect(await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] })).toBe(true);
      const [holder] = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] });
      expect(holder).toBe(address);
      expect((await footprints(s.probe)).length).toBeGreaterThan(0);
      // The proof came from the Worker: only a successful proof on a path records its time.
      const choice = await s.probe.evaluate(async () => {
        const ext = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
        return (await ext.storage.local.get('proverPathChoice')).proverPathChoice as { best: Record<string, number> };
      });
      expect(Object.keys(choice.best).filter((k) => k.startsWith('offscreen:')), JSON.stringify(choice)).toHaveLength(1);

      // Stake from the popup's pools, preview → confirm. Only crypto was read, so the pools (crypto and
      // finance) count all of the week's points, and the stake's weight on chain is those points.
      const points = await stakeFromPopup(popup, POINTS_POOL, { tokenId, address, epoch: week.epoch });
      expect(points).toBe(week.points);
      expect(await readStake(devnet.test, { pool: pointsPool, tokenId })).toMatchObject({ status: 'staked', weight: BigInt(week.points) });
      // The records pool: the preview lists what the sponsor receives (the site by its registrable domain), and
      // nothing is sent before the user ticks that a delivery cannot be taken back.
      const delivered = await stakeFromPopup(popup, RECORDS_POOL, { tokenId, address, epoch: week.epoch }, async (dialog) => {
        expect(await attr(popup, `${dialog} ${byTestId('stake-delivery')}`, 'data-tier')).toBe('records');
        expect(await text(popup, `${dialog} ${byTestId('delivery-terms')}`)).toBe(TERMS);
        const domains = await popup.$$eval(`${dialog} ${byTestId('delivery-record')}`, (rows) => rows.map((r) => r.getAttribute('data-domain')));
        expect(domains.length).toBeGreaterThan(0);
        expect(new Set(domains)).toEqual(new Set([SITES.crypto.host.replace(/^www\./, '')]));
        expect(await popup.$eval(`${dialog} ${byTestId('stake-confirm')}`, (b) => (b as HTMLButtonElement).disabled)).toBe(true);
        await popup.click(`${dialog} ${byTestId('delivery-understood')}`);
        await waitUntil('consent enables Confirm', () => popup.$eval(`${dialog} ${byTestId('stake-confirm')}`, (b) => (b as HTMLButtonElement).disabled), (d) => !d, 5_000);
      });
      expect(delivered).toBe(week.points);
      expect(await readStake(devnet.test, { pool: recordsPool, tokenId })).toMatchObject({ status: 'staked', weight: BigInt(week.points) });
      // The pool cards show the stakes the chain holds.
      for (const name of [POINTS_POOL, RECORDS_POOL]) {
        await waitUntil(`${name} shows the stake`, () => attr(popup, `${poolCard(name)} ${byTestId('stake-row')}`, 'data-weight'), (w) => w === String(week.points));
      }
    } finally {
      await devnet.stop();
    }
  });
});
