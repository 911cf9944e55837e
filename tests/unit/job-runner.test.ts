import { describe, expect, it } from 'vitest';
import devnetJson from '../../deployments/31337.json';
import { runJob } from '../../src/background/jobs';
import { openJob } from '../../src/vault';
import { freezeCommitment } from '../../src/background/jobs/commitments';
import type { ResolvedNetwork } from '../../src/shared/network';
import { deploymentSchema } from '../../src/shared/deployment';
import { makeOnboardedWorld } from './helpers/world';

describe('job runner', () => {
  it('a node that does not answer fails a job that signed nothing as network_unavailable, with one persisted end state', async () => {
    const world = await makeOnboardedWorld();
    const network: ResolvedNetwork = { kind: 'custom', chainId: 31337, rpcUrl: 'http://127.0.0.1:9', deployment: deploymentSchema.parse(devnetJson) };
    world.ctx.network = { current: async () => network, setting: async () => ({ kind: 'devnet' }), settingAndCurrent: async () => ({ setting: { kind: 'devnet' }, network }), save: async () => network };
    const address = (await world.lock.state()).address!;
    const { job } = await openJob(world.db, 'mint', `31337:${address}:1`, { epoch: 1, chainId: 31337, address }, world.clock.now);
    await runJob(world.ctx, job.id);
    const stored = await world.db.jobs.get(job.id);
    expect(stored?.state).toBe('failed');
    expect(stored?.error?.code).toBe('network_unavailable');
    expect(stored?.tx).toBeUndefined();
  }, 30_000);

  it('a locked vault pauses a job instead of failing it', async () => {
    const world = await makeOnboardedWorld();
    const address = (await world.lock.state()).address!;
    const { job } = await openJob(world.db, 'stake', 'p:1', { pool: '0x0000000000000000000000000000000000000001', tokenId: '1', chainId: 31337, address }, world.clock.now);
    await world.db.jobs.put({ ...job, state: 'proving' });
    // The week was minted from this vault: its rows are frozen (sealed), so proving needs them opened.
    await freezeCommitment(world.ctx, { chainId: 31337, address, epoch: 1, root: 5n, points: 3, rows: [] });
    await world.lock.lock();
    const network: ResolvedNetwork = { kind: 'custom', chainId: 31337, rpcUrl: 'http://127.0.0.1:9', deployment: deploymentSchema.parse(devnetJson) };
    world.ctx.network = { current: async () => network, setting: async () => ({ kind: 'devnet' }), settingAndCurrent: async () => ({ setting: { kind: 'devnet' }, network }), save: async () => network };
    await runJob(world.ctx, job.id);
    const stored = await world.db.jobs.get(job.id);
    expect(stored?.state).toBe('proving');
    expect(stored?.error?.code).toBe('locked');
  });
});
