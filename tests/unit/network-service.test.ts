import { describe, expect, it } from 'vitest';
import devnetJson from '../../deployments/31337.json';
import { createNetworkHandlers, networkInfo } from '../../src/background/handlers/network';
import {
  BUNDLED_DEVNET,
  createNetworkService,
  dedupe,
  NETWORK_KEY,
  NetworkError,
  parseBundledDevnet,
  readNetworkSetting,
} from '../../src/background/network';
import type { LockService } from '../../src/background/services';
import type { Deployment } from '../../src/shared/deployment';
import type { WalletState } from '../../src/shared/earning-messages';
import { DEVNET_RPC_URL, type NetworkSetting } from '../../src/shared/network';
import { createRouter } from '../../src/background/router';
import { extensionPage, makeWorld, MemoryStorageArea, RUNTIME_ID } from './helpers/world';

const custom: NetworkSetting = {
  kind: 'custom',
  rpcUrl: 'https://rpc.example.org',
  deployment: { ...(devnetJson as Deployment), chainId: 84532 },
};

const lockWith = (state: Partial<WalletState>): Pick<LockService, 'state'> => ({
  state: async () => ({ setUp: true, locked: false, autoLockMinutes: 15, ...state }),
});

describe('bundled devnet deployment', () => {
  it('is deployments/31337.json, validated', () => {
    expect(BUNDLED_DEVNET).toEqual(devnetJson);
    expect(BUNDLED_DEVNET?.verifier.contract).toBe('EpochVerifier256');
  });

  it('is undefined when the file is invalid or for another chain', () => {
    expect(parseBundledDevnet({ chainId: 31337 })).toBeUndefined();
    expect(parseBundledDevnet({ ...devnetJson, chainId: 1 })).toBeUndefined();
  });
});

describe('network setting', () => {
  it('reads the devnet when nothing or something invalid is stored', async () => {
    const area = new MemoryStorageArea();
    expect(await readNetworkSetting(area)).toEqual({ kind: 'devnet' });
    await area.set({ [NETWORK_KEY]: { kind: 'custom', rpcUrl: 'ftp://x', deployment: {} } });
    expect(await readNetworkSetting(area)).toEqual({ kind: 'devnet' });
    await area.set({ [NETWORK_KEY]: custom });
    expect(await readNetworkSetting(area)).toEqual(custom);
  });

  it('resolves the devnet to the bundled deployment on 127.0.0.1:8545', async () => {
    const service = createNetworkService({ local: new MemoryStorageArea() });
    expect(await service.current()).toEqual({ kind: 'devnet', chainId: 31337, rpcUrl: DEVNET_RPC_URL, deployment: BUNDLED_DEVNET });
  });

  it('stores only after the check passes', async () => {
    const area = new MemoryStorageArea();
    const service = createNetworkService({ local: area });
    await expect(service.save(custom, async () => Promise.reject(new NetworkError('network_unavailable', 'no')))).rejects.toThrow('no');
    expect(area.data.has(NETWORK_KEY)).toBe(false);
    const saved = await service.save(custom, async (n) => expect(n.chainId).toBe(84532));
    expect(saved).toMatchObject({ kind: 'custom', chainId: 84532, rpcUrl: 'https://rpc.example.org' });
    expect(await service.setting()).toEqual(custom);
  });

  it('fails with network_unavailable on the devnet of a build without a deployment', async () => {
    const service = createNetworkService({ local: new MemoryStorageArea(), bundledDevnet: undefined });
    await expect(service.current()).rejects.toMatchObject({ code: 'network_unavailable' });
  });
});

describe('network handlers (no node needed)', () => {
  const unreachable = 'http://127.0.0.1:9';

  it('network-get answers NetworkInfo for the setting', async () => {
    const area = new MemoryStorageArea();
    const h = createNetworkHandlers({ network: createNetworkService({ local: area }), lock: lockWith({}) });
    const reply = await h.networkGet({ type: 'ui/network-get' });
    expect(reply).toEqual({
      ok: true,
      data: {
        setting: { kind: 'devnet' },
        chainId: 31337,
        rpcUrl: DEVNET_RPC_URL,
        contracts: { dataSbt: devnetJson.contracts.dataSbt, poolFactory: devnetJson.contracts.poolFactory, testToken: devnetJson.contracts.testToken },
        isDevnet: true,
      },
    });
  });

  it('network-set refuses an RPC nobody answers and keeps the old setting', async () => {
    const area = new MemoryStorageArea();
    // The user granted the origin (the grant is checked first); the node does not answer.
    const h = createNetworkHandlers({ network: createNetworkService({ local: area }), lock: lockWith({}), hostAccess: async () => true });
    const reply = await h.networkSet({ type: 'ui/network-set', network: { ...custom, rpcUrl: unreachable } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'network_unavailable' } });
    expect(area.data.has(NETWORK_KEY)).toBe(false);
  });

  it('balances and faucet need an account address', async () => {
    const h = createNetworkHandlers({ network: createNetworkService({ local: new MemoryStorageArea() }), lock: lockWith({ locked: true }) });
    expect(await h.balances({ type: 'ui/balances' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await h.faucet({ type: 'ui/faucet' })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('faucet is for the devnet only', async () => {
    const area = new MemoryStorageArea();
    await area.set({ [NETWORK_KEY]: custom });
    const h = createNetworkHandlers({
      network: createNetworkService({ local: area }),
      lock: lockWith({ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }),
    });
    expect(await h.faucet({ type: 'ui/faucet' })).toMatchObject({ ok: false, error: { code: 'not_devnet' } });
  });

  it('balances on a node that is down fail with network_unavailable', async () => {
    const area = new MemoryStorageArea();
    await area.set({ [NETWORK_KEY]: { ...custom, rpcUrl: unreachable } });
    const h = createNetworkHandlers({
      network: createNetworkService({ local: area }),
      lock: lockWith({ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }),
    });
    expect(await h.balances({ type: 'ui/balances' })).toMatchObject({ ok: false, error: { code: 'network_unavailable' } });
  });

  it('networkInfo leaves testToken out when the deployment has none', () => {
    const { testToken: _t, ...contracts } = devnetJson.contracts;
    const deployment: Deployment = { ...(devnetJson as Deployment), contracts };
    const info = networkInfo({ kind: 'custom', rpcUrl: 'https://x.org', deployment }, { kind: 'custom', chainId: 31337, rpcUrl: 'https://x.org', deployment });
    expect(info.contracts).not.toHaveProperty('testToken');
    expect(info.isDevnet).toBe(false);
  });
});

describe('dedupe', () => {
  it('keeps the first of each address, checksummed', () => {
    const a = '0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9';
    expect(dedupe([a, a.toUpperCase().replace('0X', '0x'), '0x5FbDB2315678afecb367f032d93F642f64180aa3'])).toEqual([
      '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
      '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    ]);
  });
});

describe('registered handlers through the router', () => {
  it('answer ui/network-get, refuse a bad setting by schema, and need an account for balances', async () => {
    const { ctx } = makeWorld();
    const route = createRouter(ctx, RUNTIME_ID);
    expect(await route({ type: 'ui/network-get' }, extensionPage)).toMatchObject({ ok: true, data: { isDevnet: true, chainId: 31337 } });
    const bad = await route({ type: 'ui/network-set', network: { kind: 'custom', rpcUrl: 'ftp://x', deployment: devnetJson } }, extensionPage);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await route({ type: 'ui/balances' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('stores a custom network only when its node answers, and the devnet even while it is stopped', async () => {
    const { ctx, storage } = makeWorld();
    ctx.hostAccess = async () => true; // granted on the options page; the grant is checked before the node
    const route = createRouter(ctx, RUNTIME_ID);
    // Nothing listens on this port: the custom network is refused and not stored.
    const custom = { kind: 'custom', rpcUrl: 'http://127.0.0.1:9', deployment: { ...devnetJson, chainId: 84532 } };
    expect(await route({ type: 'ui/network-set', network: custom }, extensionPage)).toMatchObject({ ok: false, error: { code: 'network_unavailable' } });
    expect(await readNetworkSetting(storage)).toEqual({ kind: 'devnet' });
    await storage.set({ network: custom });
    expect(await route({ type: 'ui/network-set', network: { kind: 'devnet' } }, extensionPage)).toMatchObject({ ok: true, data: { isDevnet: true } });
    expect(await readNetworkSetting(storage)).toEqual({ kind: 'devnet' });
  });
});
