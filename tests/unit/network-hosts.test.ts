import { createPublicClient, custom, numberToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import devnetJson from '../../deployments/31337.json';
import { createNetworkHandlers } from '../../src/background/handlers/network';
import { createNetworkService, hasHostAccess, NETWORK_KEY } from '../../src/background/network';
import type { Deployment } from '../../src/shared/deployment';
import { KNOWN_NETWORKS, knownNetworkByChainId, rpcOriginPattern, type NetworkSetting } from '../../src/shared/network';
import { parseCustomNetwork } from '../../src/options/network-form';
import { MemoryStorageArea } from './helpers/world';

const baseSepolia: NetworkSetting = {
  kind: 'custom',
  rpcUrl: 'https://rpc.example.org:8443/v1/key',
  deployment: { ...(devnetJson as Deployment), chainId: 84532 },
};

/** A node that answers eth_chainId with `chainId` (and nothing else is asked). */
/** Requests the handlers sent to a node (method names), across the tests. */
const nodeRequests: string[] = [];
const nodeOf = (chainId: number) => () =>
  createPublicClient({
    transport: custom({
      request: async ({ method }: { method: string }) => {
        nodeRequests.push(method);
        return method === 'eth_chainId' ? numberToHex(chainId) : null;
      },
    }),
  });

const lock = { state: async () => ({ setUp: true, locked: false, autoLockMinutes: 15 }) };

describe('known networks', () => {
  it('are the four public testnets, with distinct chain ids and https RPCs', () => {
    expect(KNOWN_NETWORKS.map((n) => n.chainId)).toEqual([84532, 11155420, 421614, 11155111]);
    for (const n of KNOWN_NETWORKS) expect(new URL(n.rpcUrl).protocol).toBe('https:');
    expect(knownNetworkByChainId(84532)?.name).toBe('Base Sepolia');
    expect(knownNetworkByChainId(31337)).toBeUndefined();
  });

  it('an RPC URL gives one origin pattern, port kept, path dropped', () => {
    expect(rpcOriginPattern('https://rpc.example.org:8443/v1/key')).toBe('https://rpc.example.org:8443/*');
    expect(rpcOriginPattern('http://127.0.0.1:8546')).toBe('http://127.0.0.1:8546/*');
  });
});

describe('network form with a known network', () => {
  it('accepts a deployments file for the chosen chain and refuses another chain', () => {
    const text = JSON.stringify(baseSepolia.kind === 'custom' ? baseSepolia.deployment : {});
    expect(parseCustomNetwork('https://sepolia.base.org', text, 84532)).toMatchObject({ ok: true });
    expect(parseCustomNetwork('https://sepolia.base.org', text, 11155420)).toEqual({
      ok: false,
      rpcError: undefined,
      deploymentError: { key: 'network_error_chain_mismatch', field: '84532' },
    });
    // Without a known network, any chain id in a valid file is accepted (the worker checks the node).
    expect(parseCustomNetwork('https://x.org', text)).toMatchObject({ ok: true });
  });
});

describe('network-set and the host permission', () => {
  it('stores a custom network only when its origin was granted and the node is the deployment chain', async () => {
    const area = new MemoryStorageArea();
    const asked: string[] = [];
    const handlers = (granted: boolean, chainId = 84532) =>
      createNetworkHandlers({
        network: createNetworkService({ local: area }),
        lock,
        client: nodeOf(chainId),
        hostAccess: async (pattern) => {
          asked.push(pattern);
          return granted;
        },
      });
    expect(await handlers(false).networkSet({ type: 'ui/network-set', network: baseSepolia })).toMatchObject({
      ok: false,
      error: { code: 'host_permission_missing' },
    });
    expect(area.data.has(NETWORK_KEY)).toBe(false);
    expect(asked).toEqual(['https://rpc.example.org:8443/*']);
    // Not granted: the node was never contacted (no request from the worker to an origin the user did not allow).
    expect(nodeRequests).toEqual([]);
    // Granted, but the node is another chain: refused, nothing stored.
    expect(await handlers(true, 11155420).networkSet({ type: 'ui/network-set', network: baseSepolia })).toMatchObject({
      ok: false,
      error: { code: 'network_unavailable' },
    });
    expect(area.data.has(NETWORK_KEY)).toBe(false);
    const ok = await handlers(true).networkSet({ type: 'ui/network-set', network: baseSepolia });
    expect(ok).toMatchObject({ ok: true, data: { chainId: 84532, isDevnet: false } });
    expect(area.data.get(NETWORK_KEY)).toEqual(baseSepolia);
  });

  it('the devnet needs no grant', async () => {
    const h = createNetworkHandlers({
      network: createNetworkService({ local: new MemoryStorageArea() }),
      lock,
      hostAccess: () => Promise.reject(new Error('must not be asked')),
    });
    expect(await h.networkSet({ type: 'ui/network-set', network: { kind: 'devnet' } })).toMatchObject({ ok: true, data: { isDevnet: true } });
  });

  it('outside a browser nothing is granted', async () => {
    expect(await hasHostAccess('https://rpc.example.org/*')).toBe(false);
  });
});
