/**
 * A heavy week in the worker's jobs (issue #10 §1): more domain-days than one
 * batch (test circuit, N = 8), so the mint and the stake each prove several
 * chained batches. The job stores each proof as soon as it is made: a worker
 * that dies between proofs resumes with the next one and mints once, and the
 * minted and staked points are exactly src/scoring's for the week's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { readCommitment } from '../../src/background/jobs';
import { toJobView } from '../../src/background/jobs/job-view';
import { getJob, openJob, type JobRecord } from '../../src/vault';
import { advanceMint } from '../../src/background/jobs/mint-job';
import { scoreDomainDays } from '../../src/scoring/score';
import { categoryMask } from '../../src/shared/categories';
import { prove } from '../../src/zk/index.ts';
import { contentScript, PASSWORD, snapshot } from '../unit/helpers/world';
import { artifactsFor, requireArtifacts } from './real-proofs';
import { createTestPool, setupDevnet, type Devnet } from './helpers';
import { harness, settle, ui, type Harness } from './job-harness';

const DAY = 86_400;
/** Twelve sites the classifier knows (crypto, news, NFT): 12 domain-days on one day, 2 batches of 8. */
const SITES = [
  'coingecko.com', 'coinbase.com', 'kraken.com', 'etherscan.io', 'coindesk.com', 'defillama.com',
  'bbc.com', 'reuters.com', 'nhk.or.jp', 'opensea.io', 'blur.io', 'rarible.com',
].map((d) => `https://www.${d}`);

let devnet: Devnet;

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
}, 60_000);
afterAll(async () => devnet?.stop());

async function browseHeavyWeek(h: Harness): Promise<number> {
  const startedAt = h.clock.now - 30 * 60_000;
  for (const [i, origin] of SITES.entries()) {
    const reply = await h.route(
      { type: 'content/footprint', footprint: snapshot(origin, { startedAt: startedAt + i * 60_000, activeMs: 60_000 + i * 17_000 }) },
      contentScript(origin),
    );
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

describe('a heavy week (more domain-days than one batch)', () => {
  it('mints in chained batches, resumes between proofs after the worker dies, then stakes; points equal the formula', async () => {
    const h = await harness(devnet);
    const epoch = await browseHeavyWeek(h);

    // The prover "dies" right after the week's first proof: the worker stopped mid-job.
    let proofs = 0;
    let dieAfter = 1;
    let jobId = '';
    // What the popup reads while a proof runs: the stored job's view.
    const seenProgress: ReturnType<typeof toJobView>['proofs'][] = [];
    h.ctx.prover = {
      prove: async (input) => {
        seenProgress.push(toJobView((await getJob(h.db, jobId))!).proofs);
        const out = await prove(input, artifactsFor(8), { singleThread: true });
        proofs++;
        if (proofs === dieAfter) throw new Error('the service worker was stopped');
        return out;
      },
    };
    const { job: opened } = await openJob(h.db, 'mint', `${devnet.anvil.chainId}:${h.address}:${epoch}`, { epoch, chainId: devnet.anvil.chainId, address: h.address }, h.clock.now);
    let job: JobRecord = opened;
    jobId = job.id;
    await expect((async () => { for (;;) job = await advanceMint(h.ctx, job); })()).rejects.toThrow(/stopped/);
    // Dying after proof 1 lost it (it was never stored): the job is in proving with nothing kept yet.
    job = (await getJob(h.db, job.id))!;
    expect(job.state).toBe('proving');
    expect(toJobView(job).proofs).toEqual({ current: 1, total: 2 });
    expect(seenProgress).toEqual([{ current: 1, total: 2 }]);

    // Next life: the first proof is made and stored, then the worker dies again during the second.
    dieAfter = 3;
    await expect((async () => { for (;;) job = await advanceMint(h.ctx, job); })()).rejects.toThrow(/stopped/);
    job = (await getJob(h.db, job.id))!;
    expect(job.result?.proofsDone).toBe(1);
    expect(toJobView(job).proofs).toEqual({ current: 2, total: 2 });

    // Last life: only the second proof is made, then the mint lands once.
    dieAfter = 0;
    const before = proofs;
    const [done] = await settle(devnet, h, [job.id], 60_000).then(async () => [await getJob(h.db, job.id)]);
    expect(done?.state).toBe('done');
    expect(proofs - before).toBe(1);

    const frozen = await readCommitment(h.ctx, devnet.anvil.chainId, h.address, epoch);
    expect(frozen?.rows).toHaveLength(12);
    const sbt = devnet.deployment.contracts.dataSbt as Address;
    const tokenId = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [h.address, BigInt(epoch)] });
    const [, , weekRoot, points] = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] });
    expect(points).toBe(BigInt(scoreDomainDays(frozen!.rows)));
    expect(`0x${weekRoot.toString(16)}`).toBe(frozen!.record.root);

    // Stake into a crypto + news pool: two proofs again, weight = the formula's points in those categories.
    const { pool } = await createTestPool(devnet, { categories: ['crypto', 'news'] });
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });
    const before2 = proofs;
    const stakeJob = await ui<{ id: string }>(h, { type: 'ui/stake', pool, tokenId: tokenId.toString() });
    await settle(devnet, h, [stakeJob.id], 60_000);
    expect((await getJob(h.db, stakeJob.id))?.state).toBe('done');
    expect(proofs - before2).toBe(2);
    const stake = await readStake(devnet.test, { pool, tokenId });
    expect(stake.status).toBe('staked');
    expect(stake.weight).toBe(BigInt(scoreDomainDays(frozen!.rows, categoryMask(['crypto', 'news']))));
  }, 240_000);
});
