/**
 * The same extension in real Firefox (Debian firefox-esr, headless, WebDriver
 * BiDi through puppeteer-core): the Firefox build from the same sources
 * (`vite build --mode firefox-e2e`: dist-firefox plus the hook that opens the
 * options page at install), the fixture sites of the Chromium suite, and a real
 * anvil devnet for the proof. A missing Firefox or build fails; nothing skips.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet } from '../../scripts/devnet.ts';
import { DeploymentSchema } from '../../scripts/lib/deployments.ts';
import { deploymentDifferences } from '../../scripts/lib/start-chain.ts';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { DEVNET_RPC_URL } from '../../src/shared/network';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { SITES } from '../fixtures/sites';
import { browseEach, dwell, footprints, leave, openSite, SCORING_DWELL_MS, SHORT_DWELL_MS, waitForFootprints } from './support/browsing';
import { launchFirefox, POPUP_PATH, sendUi, type FirefoxSession } from './support/firefox';

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

async function start(onboard: boolean): Promise<FirefoxSession> {
  session = await launchFirefox();
  if (onboard) await sendUi(session.probe, { type: 'ui/onboard', password: PASSWORD });
  return session;
}

const byTestId = (id: string) => `[data-testid="${id}"]`;
async function attr(page: Page, selector: string, name: string): Promise<string | null> {
  return page.$eval(selector, (el, n) => el.getAttribute(n), name);
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

  it('a real proof and mint on a real anvil devnet: the week is proven in Firefox and its token is live on chain', async () => {
    const port = Number(new URL(DEVNET_RPC_URL).port);
    const devnet = await startDevnet({ port, verifier: 'EpochVerifier256' });
    try {
      const bundled = DeploymentSchema.parse(JSON.parse(readFileSync(resolve('deployments/31337.json'), 'utf8')));
      expect(deploymentDifferences(bundled, devnet.deployment)).toEqual([]);
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
    } finally {
      await devnet.stop();
    }
  });
});
