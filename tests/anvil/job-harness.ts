/**
 * The worker as the extension runs it (router, lock, encrypted vault, job
 * runner) against a real devnet, with a Node prover (batch 8) in place of the
 * offscreen document: shared by the anvil suites that drive jobs.
 */
import type { Address } from 'viem';
import { createRouter } from '../../src/background/router';
import type { ResolvedNetwork } from '../../src/shared/network';
import { prove } from '../../src/zk/index.ts';
import { extensionPage, makeWorld, PASSWORD, RUNTIME_ID, type World } from '../unit/helpers/world';
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
