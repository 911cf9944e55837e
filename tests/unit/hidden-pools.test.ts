/**
 * Hiding a pool from the Earn tab: the setting round-trip through the real
 * router and settings store (ui/hide-pool, ui/hidden-pools), per network, and
 * the popup's list arrangement (src/popup/pool-list.ts).
 */
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/background/router';
import type { HiddenPools, PoolView } from '../../src/shared/earning-messages';
import type { ResolvedNetwork } from '../../src/shared/network';
import { arrangePools, POOLS_PAGE } from '../../src/popup/pool-list';
import { extensionPage, makeWorld, RUNTIME_ID } from './helpers/world';
import { SETTINGS_KEY } from '../../src/background/settings-store';

const A = `0x${'a1'.repeat(20)}`;
const B = `0x${'B2'.repeat(20)}`;

function worldOn(chainId: number) {
  const world = makeWorld();
  const network = { kind: 'custom', chainId, rpcUrl: 'http://127.0.0.1:1', deployment: {} } as unknown as ResolvedNetwork;
  world.ctx.network = { ...world.ctx.network, current: async () => network };
  return { world, route: createRouter(world.ctx, RUNTIME_ID), setChain: (id: number) => ((network as { chainId: number }).chainId = id) };
}

async function ui<T>(route: ReturnType<typeof createRouter>, message: Record<string, unknown>): Promise<T> {
  const reply = (await route(message, extensionPage)) as { ok: boolean; data?: T; error?: { code: string } };
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.error?.code}`);
  return reply.data as T;
}

describe('hidden pools setting', () => {
  it('hides and shows a pool again, persisted per network, lower-case, idempotent', async () => {
    const { world, route, setChain } = worldOn(31337);
    expect(await ui<HiddenPools>(route, { type: 'ui/hidden-pools' })).toEqual({ chainId: 31337, pools: [] });
    expect(await ui<HiddenPools>(route, { type: 'ui/hide-pool', pool: B, hidden: true })).toEqual({ chainId: 31337, pools: [B.toLowerCase()] });
    await ui(route, { type: 'ui/hide-pool', pool: B, hidden: true });
    await ui(route, { type: 'ui/hide-pool', pool: A, hidden: true });
    expect((await ui<HiddenPools>(route, { type: 'ui/hidden-pools' })).pools).toEqual([A, B.toLowerCase()]);
    // Stored in the typed settings (survives a worker restart: a new store over the same storage).
    const stored = (await world.storage.get(SETTINGS_KEY))[SETTINGS_KEY] as { version: number; settings: { hiddenPools: string[] } };
    expect(stored.version).toBe(3);
    expect(stored.settings.hiddenPools).toEqual([`31337:${A}`, `31337:${B.toLowerCase()}`]);
    // Another network has its own list.
    setChain(84532);
    expect(await ui<HiddenPools>(route, { type: 'ui/hidden-pools' })).toEqual({ chainId: 84532, pools: [] });
    setChain(31337);
    expect((await ui<HiddenPools>(route, { type: 'ui/hide-pool', pool: B, hidden: false })).pools).toEqual([A]);
  });

  it('refuses a malformed request and changes nothing', async () => {
    const { route } = worldOn(31337);
    const reply = (await route({ type: 'ui/hide-pool', pool: 'nope', hidden: true }, extensionPage)) as { ok: boolean };
    expect(reply.ok).toBe(false);
    expect((await ui<HiddenPools>(route, { type: 'ui/hidden-pools' })).pools).toEqual([]);
  });
});

function pool(i: number, over: Partial<PoolView> = {}): PoolView {
  return {
    address: `0x${i.toString(16).padStart(40, '0')}`, poolId: String(i), name: `Pool ${i}`, sponsor: 's', description: '',
    categories: ['crypto'], rewardToken: { address: `0x${'0'.repeat(40)}`, symbol: 'T', decimals: 18 },
    start: 0, end: 2_000_000_000, funded: '1', totalWeight: '0', minPoints: 1,
    eligible: { ok: false, points: 0, reason: 'not_enough_points' }, stakes: [], estimate: '0', ...over,
  };
}

describe('pool list arrangement', () => {
  const NOW = 1_800_000_000_000;
  it('puts staked, then eligible pools first, pages the rest and moves hidden pools out', () => {
    const pools = Array.from({ length: 30 }, (_, i) => pool(i + 1));
    pools[20] = pool(21, { eligible: { ok: true, tokenId: '5', points: 9 } });
    pools[25] = pool(26, { stakes: [{ tokenId: '5', weight: '9', claimable: '0' }], eligible: { ok: false, points: 0, reason: 'already_staked' } });
    const hidden = new Set([pools[0].address, pools[21].address]);
    const first = arrangePools(pools, hidden, NOW, POOLS_PAGE);
    expect(first.actionable.map((p) => p.name)).toEqual(['Pool 26', 'Pool 21']);
    expect(first.others).toHaveLength(POOLS_PAGE);
    expect(first.others[0].name).toBe('Pool 2');
    expect(first.more).toBe(30 - 2 - 2 - POOLS_PAGE);
    expect(first.hidden.map((p) => p.name)).toEqual(['Pool 1', 'Pool 22']);
    const all = arrangePools(pools, hidden, NOW, 100);
    expect(all.more).toBe(0);
    expect(all.actionable.length + all.others.length + all.hidden.length).toBe(30);
  });

  it('an eligible pool that has ended is not actionable', () => {
    const ended = pool(1, { end: 1, eligible: { ok: true, tokenId: '5', points: 9 } });
    expect(arrangePools([ended], new Set(), NOW, 10).actionable).toEqual([]);
  });
});
