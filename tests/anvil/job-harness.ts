/**
 * The worker as the extension runs it (router, lock, encrypted vault, job
 * runner) against a real devnet, with a Node prover (batch 8) in place of the
 * offscreen document: shared by the anvil suites that drive jobs.
 */
import type { Address } from 'viem';
import { expect } from 'vitest';
import { advanceMint } from '../../src/background/jobs/mint-job';
import { openJob, openJobs, type JobRecord } from '../../src/vault';
import { resumeOpenJobs } from '../../src/background/jobs';
import { createRouter } from '../../src/background/router';
import type { ResolvedNetwork } from '../../src/shared/network';
import { prove } from '../../src/zk/index.ts';
import { contentScript, extensionPage, makeWorld, PASSWORD, RUNTIME_ID, snapshot, type World } from '../unit/helpers/world';
import { artifactsFor } from './real-proofs';
import { latestTimestamp, type Devnet } from './helpers';

export interface Harness extends World {
  route: ReturnType<typeof createRouter>;
  address: Address;
}

/** An onboarded worker whose network is `devnet`, proving in Node, clock at chain time, account funded. */
export async function harness(devnet: Devnet): Promise<Harness> {
  const world = makeWorld();
  world.clock.now = Number(await latestTimestamp(devnet)) * 1000;
  await world.lock.onboard(PASSWORD);
  const network: ResolvedNetwork = { kind: 'custom', chainId: devnet.anvil.chainId, rpcUrl: devnet.anvil.rpcUrl, deployment: devnet.deployment };
  world.ctx.network = { current: async () => network, setting: async () => ({ kind: 'devnet' }), settingAndCurrent: async () => ({ setting: { kind: 'devnet' }, network }), save: async () => network };
  world.ctx.prover = { prove: (input) => prove(input, artifactsFor(8), { singleThread: true }) };
  const address = (await world.lock.state()).address as Address;
  await devnet.test.setBalance({ address, value: 10n ** 19n });
  return { ...world, route: createRouter(world.ctx, RUNTIME_ID), address };
}

/** Sends a UI message from an extension page; throws with the reply's code and message unless it succeeded. */
export async function ui<T>(h: Harness, message: Record<string, unknown>): Promise<T> {
  const reply = (await h.route(message, extensionPage)) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.error?.code} ${reply.error?.message}`);
  return reply.data as T;
}

const DAY = 86_400;

/** A week of browsing at the harness clock, then the week ends on chain and on the device (unlocked again). */
export async function browseWeek(devnet: Devnet, h: Harness): Promise<number> {
  const startedAt = h.clock.now - 10 * 60_000;
  for (const origin of ['https://www.coingecko.com', 'https://www.bbc.com']) {
    const reply = await h.route({ type: 'content/footprint', footprint: snapshot(origin, { startedAt, activeMs: 240_000 }) }, contentScript(origin));
    expect(reply).toEqual({ ok: true, data: { stored: true } });
  }
  const state = await ui<{ epochs: { epoch: number; points: number }[] }>(h, { type: 'ui/earn-state' });
  const epoch = Math.max(...state.epochs.filter((e) => e.points > 0).map((e) => e.epoch));
  await devnet.test.increaseTime({ seconds: 7 * DAY });
  await devnet.test.mine({ blocks: 1 });
  h.clock.now += 7 * DAY * 1000;
  await h.lock.unlock(PASSWORD); // a week later the session has long expired
  return epoch;
}

/** A mint job for `epoch` advanced (building, proving) up to the point where it signs. */
export async function mintJobReadyToSign(devnet: Devnet, h: Harness, epoch: number): Promise<string> {
  const { job: opened } = await openJob(h.db, 'mint', `${devnet.anvil.chainId}:${h.address}:${epoch}`, { epoch, chainId: devnet.anvil.chainId, address: h.address }, h.clock.now);
  let job: JobRecord = opened;
  while (job.state !== 'submitting') job = await advanceMint(h.ctx, job);
  return job.id;
}

/** What the extension does over time (worker start, the jobs-resume alarm, popup polls): mine, resume open jobs, until none is open. */
export async function settle(devnet: Devnet, h: Harness, ids: readonly string[], timeoutMs = 30_000): Promise<JobRecord[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await devnet.test.mine({ blocks: 1 });
    const open = await openJobs(h.db);
    if (open.length === 0) break;
    if (Date.now() > until) {
      throw new Error(`still open: ${open.map((j) => `${j.id} ${j.state} ${j.error?.code ?? ''} ${j.error?.message ?? ''}`).join('; ')}`);
    }
    await resumeOpenJobs(h.ctx, open);
    await new Promise((r) => setTimeout(r, 250));
  }
  return Promise.all(ids.map(async (id) => (await h.db.jobs.get(id)) as JobRecord));
}
