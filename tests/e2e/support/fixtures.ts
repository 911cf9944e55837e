import { test as base, type BrowserContext } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server';
import { extensionIdOf } from '../pages';
import { launchBrowser } from './launch';
import { ExtensionProbe } from './probe';

interface SpecFixtures {
  /** A fresh Chromium profile with the extension loaded: empty vault, default settings. */
  context: BrowserContext;
  extensionId: string;
  /** Reads the vault through the extension's own messages (export) from an extension page. */
  probe: ExtensionProbe;
  /** Onboard before the spec (default true); `test.use({ onboard: false })` starts before onboarding. */
  onboard: boolean;
  /** Every spec starts onboarded (a keyring exists, the vault is unlocked): capture needs a key to seal to. */
  onboarded: void;
}

/** The password the fixtures onboard with. */
export const E2E_PASSWORD = 'e2e correct horse battery';

interface WorkerFixtures {
  /** The fixture sites, shared by the specs of one worker. */
  server: FixtureServer;
}

export const test = base.extend<SpecFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ server }, use) => {
    const context = await launchBrowser({ hostResolverRules: server.hostResolverRules });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  probe: async ({ context, extensionId }, use) => {
    await use(await ExtensionProbe.open(context, extensionId));
  },
  onboard: [true, { option: true }],
  onboarded: [
    async ({ onboard, probe }, use) => {
      if (onboard) await probe.onboard(E2E_PASSWORD);
      await use();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
