import { describe, expect, it } from 'vitest';
import devnetJson from '../../deployments/31337.json';
import { createPoolArgs, DEMO_POOLS } from '../../scripts/lib/demo-pools.ts';
import { chromiumArgs, hasDisplay } from '../../scripts/lib/launch-chromium.ts';
import { deploymentDifferences } from '../../scripts/lib/start-chain.ts';
import { parseStartArgs } from '../../scripts/lib/start-stack.ts';
import type { Deployment } from '../../src/shared/deployment';
import { isCategoryKey } from '../../src/shared/categories';

const committed = devnetJson as Deployment;

describe('npm start flags', () => {
  it('defaults to port 8545 with build and browser', () => {
    expect(parseStartArgs([])).toEqual({ port: 8545, browser: true, target: 'chromium', build: true, freshProfile: false });
    expect(parseStartArgs(['--browser', 'firefox'])).toMatchObject({ browser: true, target: 'firefox' });
    expect(() => parseStartArgs(['--browser', 'safari'])).toThrow(/usage: npm start/);
    expect(parseStartArgs(['--no-browser', '--no-build', '--port', '18545', '--fresh-profile'])).toEqual({
      port: 18545, browser: false, target: 'chromium', build: false, freshProfile: true,
    });
    expect(parseStartArgs(['--help'])).toBe('help');
  });

  it('rejects unknown flags and bad ports with the usage', () => {
    expect(() => parseStartArgs(['--colour'])).toThrow(/Unknown option '--colour'[\s\S]*usage: npm start/);
    expect(() => parseStartArgs(['--port', '70000'])).toThrow(/usage: npm start/);
  });
});

describe('deployment check', () => {
  it('finds nothing when only the address case differs', () => {
    const lower = { ...committed, contracts: Object.fromEntries(Object.entries(committed.contracts).map(([k, v]) => [k, v.toLowerCase()])) } as Deployment;
    expect(deploymentDifferences(committed, lower)).toEqual([]);
  });

  it('names every field that differs', () => {
    const other: Deployment = { ...committed, verifier: { contract: 'EpochVerifier8', batchSize: 8 }, contracts: { ...committed.contracts, testToken: undefined } };
    expect(deploymentDifferences(committed, other)).toEqual([
      'verifier.contract: EpochVerifier256 in the file, EpochVerifier8 deployed',
      'verifier.batchSize: 256 in the file, 8 deployed',
      `contracts.testToken: ${committed.contracts.testToken!.toLowerCase()} in the file, (none) deployed`,
    ]);
  });
});

describe('demo pools', () => {
  it('are the three sponsors of the seed, over known categories, for 30 days from now', () => {
    expect(DEMO_POOLS.map((p) => p.categories.join(','))).toEqual(['crypto,finance', 'nft', 'news,politics,social']);
    for (const p of DEMO_POOLS) {
      expect(p.categories.every(isCategoryKey)).toBe(true);
      expect(p.minPoints).toBe(1);
      expect(p.end).toBe('+30d');
    }
  });

  it('are created with the pool CLI', () => {
    const args = createPoolArgs(DEMO_POOLS[0], 'http://127.0.0.1:8545');
    expect(args.slice(0, 5)).toEqual(['run', '--silent', 'pool', '--', 'create']);
    expect(args).toEqual(expect.arrayContaining(['--rpc', 'http://127.0.0.1:8545', '--categories', 'crypto,finance', '--budget', '50000', '--min-points', '1']));
  });
});

describe('chromium', () => {
  it('needs X11 or Wayland', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });

  it('loads only the extension, with the sandbox off only for root', () => {
    const args = chromiumArgs({ extensionDir: '/x/dist', profileDir: '/x/.cache/p', asRoot: false, wayland: false });
    expect(args).toEqual(expect.arrayContaining(['--load-extension=/x/dist', '--disable-extensions-except=/x/dist', '--user-data-dir=/x/.cache/p']));
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumArgs({ extensionDir: '/x', profileDir: '/p', asRoot: true, wayland: false })).toContain('--no-sandbox');
  });
});
