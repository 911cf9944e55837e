/**
 * `pool pull`'s resume journal (scripts/lib/pull-state.ts): outcomes survive a
 * reload with their bigints, a line cut short by a crash is dropped (that stake
 * is pulled again) and the journal rewritten before anything is appended, another
 * pool's directory is refused, and a first-version `.pull-state.json` is taken over.
 */
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendPullState, loadPullState, PullStateError, STATE_FILE, writePullState } from '../../scripts/lib/pull-state';
import type { DatasetStake } from '../../scripts/lib/dataset';

const chainId = 31337;
const pool = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const other = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as const;

function stake(i: number): DatasetStake {
  return {
    chainId, pool, token: (1n << 200n) + BigInt(i), holder: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', epoch: 2914, root: (1n << 250n) + BigInt(i),
    deliveryHash: `0x${String(i).repeat(64)}`, transaction: `0x${String(i + 1).repeat(64)}`, block: BigInt(100 + i), verified: i % 2 === 0,
    ...(i % 2 === 0
      ? { records: [{ domain: 'etherscan.io', categoryKey: 'crypto', date: '2025-11-10', activeSeconds: 120, visits: 2, interactions: 30, root: (1n << 250n) + BigInt(i) }] }
      : { reason: 'fingerprint', message: 'batch 1: the records do not match the proof.' }),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pull-state-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('pull state journal', () => {
  it('starts empty, keeps every appended outcome with its bigints, and needs no rewrite once written', async () => {
    const first = await loadPullState(dir, chainId, pool);
    expect(first).toEqual({ state: { chainId, pool: pool.toLowerCase(), stakes: {} }, rewrite: true });
    await writePullState(dir, first.state);
    for (const i of [1, 2, 3]) await appendPullState(dir, stake(i));

    const again = await loadPullState(dir, chainId, pool);
    expect(again.rewrite).toBe(false);
    expect(Object.values(again.state.stakes)).toEqual([stake(1), stake(2), stake(3)]);
    expect((await readFile(join(dir, STATE_FILE), 'utf8')).split('\n')).toHaveLength(5); // header, 3 stakes, ''
  });

  it('drops a line cut short by a crash and rewrites the journal whole before appending', async () => {
    const { state } = await loadPullState(dir, chainId, pool);
    await writePullState(dir, state);
    await appendPullState(dir, stake(1));
    await appendFile(join(dir, STATE_FILE), JSON.stringify({ transaction: stake(2).transaction }).slice(0, 25));

    const loaded = await loadPullState(dir, chainId, pool);
    expect(loaded.rewrite).toBe(true);
    expect(Object.keys(loaded.state.stakes)).toEqual([stake(1).transaction]);
    await writePullState(dir, loaded.state);
    await appendPullState(dir, stake(2));
    const after = await loadPullState(dir, chainId, pool);
    expect(after.rewrite).toBe(false);
    expect(Object.values(after.state.stakes)).toEqual([stake(1), stake(2)]);
  });

  it('refuses a directory that holds another pool\'s or chain\'s pull', async () => {
    const { state } = await loadPullState(dir, chainId, pool);
    await writePullState(dir, state);
    await expect(loadPullState(dir, chainId, other)).rejects.toThrow(PullStateError);
    await expect(loadPullState(dir, 1, pool)).rejects.toThrow(/holds a pull of pool 0x5fbdb2315678afecb367f032d93f642f64180aa3 on chain 31337/);
  });

  it('takes over a first-version .pull-state.json: its outcomes are kept, its owner checked, the file replaced', async () => {
    const legacy = JSON.stringify(
      { version: 1, chainId, pool: pool.toLowerCase(), stakes: { [stake(1).transaction]: stake(1) } },
      (_k, v: unknown) => (typeof v === 'bigint' ? { $big: v.toString() } : v),
      2,
    );
    await writeFile(join(dir, '.pull-state.json'), legacy);
    await expect(loadPullState(dir, chainId, other)).rejects.toThrow(PullStateError);

    const loaded = await loadPullState(dir, chainId, pool);
    expect(loaded.rewrite).toBe(true);
    expect(Object.values(loaded.state.stakes)).toEqual([stake(1)]);
    await writePullState(dir, loaded.state);
    expect(await readdir(dir)).toEqual([STATE_FILE]);
    expect(Object.values((await loadPullState(dir, chainId, pool)).state.stakes)).toEqual([stake(1)]);
  });
});
