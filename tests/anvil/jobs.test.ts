/**
 * The earning flow's jobs against a real anvil with deployed contracts and real
 * Groth16 proofs (test batch N = 8): the worker's router, lock, encrypted vault
 * and job runner as the extension runs them, with a Node prover in place of the
 * offscreen document. Browsing arrives as content/footprint messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, getAddress, parseEventLogs, type Address } from 'viem';
import { getTransactionCount, readContract } from 'viem/actions';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { advanceMint } from '../../src/background/jobs/mint-job';
import { readCommitment } from '../../src/background/jobs';
import type { JobView, PoolView, StakePreview } from '../../src/shared/earning-messages';
import { contentScript, snapshot } from '../unit/helpers/world';
import { requireArtifacts } from './real-proofs';
import { createTestPool, deployRevertingToken, latestTimestamp, setReverting, setupDevnet, type Devnet } from './helpers';
import { harness, ui, type Harness } from './job-harness';
import { deployContract, waitForTransactionReceipt } from 'viem/actions';
import { dataStakingPoolAbi, dataStakingPoolBytecode } from '../../src/chain/generated/index.ts';
import { openJob } from '../../src/vault';
import { runJob } from '../../src/background/jobs';
import { categoryMask } from '../../src/shared/categories';

const DAY = 86_400;

let devnet: Devnet;

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
}, 60_000);

afterAll(async () => {
  await devnet?.stop();
});

/** A week of browsing: crypto and news pages, each long enough to score. */
async function browse(h: Harness): Promise<void> {
  const startedAt = h.clock.now - 10 * 60_000;
  for (const origin of ['https://www.coingecko.com', 'https://www.coingecko.com', 'https://www.bbc.com']) {
    const reply = await h.route({ type: 'content/footprint', footprint: snapshot(origin, { startedAt, activeMs: 240_000 }) }, contentScript(origin));
    expect(reply).toEqual({ ok: true, data: { stored: true } });
  }
}

async function nextWeek(): Promise<void> {
  await devnet.test.increaseTime({ seconds: 7 * DAY });
  await devnet.test.mine({ blocks: 1 });
}

async function waitForJob(h: Harness, id: string, timeoutMs = 90_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await ui<JobView>(h, { type: 'ui/job', id });
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tokenOf = (h: Harness, epoch: number) =>
  readContract(devnet.test, {
    address: devnet.deployment.contracts.dataSbt as Address,
    abi: dataSBTAbi,
    functionName: 'tokenIdOf',
    args: [h.address, BigInt(epoch)],
  });

describe('earning jobs on a real devnet', () => {
  it('browse → prove and mint → eligible pool → stake → claim → exit, each transaction once', async () => {
    const h = await harness(devnet);
    await browse(h);
    const before = await ui<{ epochs: { epoch: number; points: number; finished: boolean }[] }>(h, { type: 'ui/earn-state' });
    const week = before.epochs[0];
    expect(week.points).toBeGreaterThan(0);
    expect(week.finished).toBe(false);
    await expect(ui(h, { type: 'ui/prove-now' })).rejects.toThrow(/nothing_to_mint/);

    await nextWeek();
    const mintJob = await ui<JobView>(h, { type: 'ui/prove-now' });
    const again = await ui<JobView>(h, { type: 'ui/prove-now' });
    expect(again.id).toBe(mintJob.id); // a second click joins the open job
    const minted = await waitForJob(h, mintJob.id);
    expect(minted.error).toBeUndefined();
    expect(minted.state).toBe('done');

    // The SBT is owned and its root is the one the vault committed.
    const tokenId = await tokenOf(h, week.epoch);
    const [holder, , root, points] = await readContract(devnet.test, {
      address: devnet.deployment.contracts.dataSbt as Address, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId],
    });
    expect(holder).toBe(h.address);
    const frozen = await readCommitment(h.ctx, devnet.anvil.chainId, h.address, week.epoch);
    expect(`0x${root.toString(16)}`).toBe(frozen?.record.root);
    expect(Number(points)).toBe(week.points);
    expect(await getTransactionCount(devnet.test, { address: h.address })).toBe(1);

    // Pools: a crypto pool is eligible from local data, an NFT pool is not.
    const crypto = await createTestPool(devnet, { categories: ['crypto'] });
    await createTestPool(devnet, { categories: ['nft'] });
    const pools = await ui<PoolView[]>(h, { type: 'ui/pools' });
    const cryptoView = pools.find((p) => p.address === crypto.pool)!;
    const nftView = pools.find((p) => p.address !== crypto.pool)!;
    expect(cryptoView.eligible).toMatchObject({ ok: true, tokenId: tokenId.toString() });
    expect(nftView.eligible).toMatchObject({ ok: false, reason: 'not_enough_points' });
    expect(BigInt(cryptoView.estimate)).toBeGreaterThan(0n);

    const preview = await ui<StakePreview>(h, { type: 'ui/stake-preview', pool: crypto.pool, tokenId: tokenId.toString() });
    expect(preview).toMatchObject({ address: h.address, epoch: week.epoch, root: frozen?.record.root, categories: ['crypto'] });
    expect(preview.points).toBe(cryptoView.eligible.points);
    expect(preview.points).toBeLessThan(week.points); // news is not the crypto pool's business

    const staked = await waitForJob(h, (await ui<JobView>(h, { type: 'ui/stake', pool: crypto.pool, tokenId: tokenId.toString() })).id);
    expect(staked.error).toBeUndefined();
    const stake = await readStake(devnet.test, { pool: crypto.pool, tokenId });
    expect(stake).toMatchObject({ status: 'staked', weight: BigInt(preview.points) });

    await devnet.test.increaseTime({ seconds: DAY });
    await devnet.test.mine({ blocks: 1 });
    const claimed = await waitForJob(h, (await ui<JobView>(h, { type: 'ui/claim', pool: crypto.pool, tokenId: tokenId.toString() })).id);
    expect(claimed.state).toBe('done');
    const rewards = await readContract(devnet.test, {
      address: devnet.deployment.contracts.testToken as Address, abi: erc20Abi, functionName: 'balanceOf', args: [h.address],
    });
    expect(rewards).toBeGreaterThan(0n);

    // Exit: no stake, no SBT, an empty vault.
    const exit = await waitForJob(h, (await ui<JobView>(h, { type: 'ui/exit', confirm: 'EXIT' })).id);
    expect(exit.error).toBeUndefined();
    expect(exit.state).toBe('done');
    expect((await readStake(devnet.test, { pool: crypto.pool, tokenId })).status).toBe('exited');
    expect(await readContract(devnet.test, { address: devnet.deployment.contracts.dataSbt as Address, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] })).toBe(false);
    expect(await h.db.footprints.count()).toBe(0);
    expect(await h.db.commitments.count()).toBe(0);
    expect((await h.db.jobs.toArray()).map((j) => j.id)).toEqual([exit.id]);
    // mint, stake, claim, unstake, burn: five transactions, none sent twice.
    expect(await getTransactionCount(devnet.test, { address: h.address })).toBe(5);
  }, 240_000);

  it('a signed mint that the node lost is rebroadcast, not signed again: exactly one mint', async () => {
    const h = await harness(devnet);
    await browse(h);
    await nextWeek();
    await devnet.test.setAutomine(false);
    try {
      const job = await ui<JobView>(h, { type: 'ui/prove-now' });
      const until = Date.now() + 60_000;
      let stored = await h.db.jobs.get(job.id);
      while (stored?.state !== 'confirming' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        stored = await h.db.jobs.get(job.id);
      }
      expect(stored?.state).toBe('confirming');
      const hash = stored!.tx!.hash as `0x${string}`;
      // The worker "died" after broadcasting and the node dropped the transaction.
      await devnet.test.dropTransaction({ hash });
      const resumed = advanceMint(h.ctx, stored!); // a new worker resumes from the stored state
      await new Promise((r) => setTimeout(r, 500));
      await devnet.test.mine({ blocks: 1 });
      const done = await resumed;
      expect(done.state).toBe('done');
      expect(done.tx?.hash).toBe(hash);
      expect(await getTransactionCount(devnet.test, { address: h.address })).toBe(1);
      const receipt = await devnet.test.getTransactionReceipt({ hash });
      expect(parseEventLogs({ abi: dataSBTAbi, eventName: 'Minted', logs: receipt.logs })).toHaveLength(1);
    } finally {
      await devnet.test.setAutomine(true);
    }
  }, 180_000);

  it('jobs need the vault unlocked and a finished week', async () => {
    const h = await harness(devnet);
    await browse(h);
    await h.lock.lock();
    await expect(ui(h, { type: 'ui/earn-state' })).rejects.toThrow(/locked/);
    await expect(ui(h, { type: 'ui/prove-now' })).rejects.toThrow(/locked/);
  }, 60_000);

  it('a pool whose reward token reverts cannot trap the exit: unstake falls back to leave, the burn and wipe happen, the forfeit is reported', async () => {
    const h = await harness(devnet);
    await browse(h);
    await nextWeek();
    const minted = await waitForJob(h, (await ui<JobView>(h, { type: 'ui/prove-now' })).id);
    expect(minted.state).toBe('done');
    const epoch = (await ui<{ epochs: { epoch: number; minted: boolean }[] }>(h, { type: 'ui/earn-state' })).epochs.find((e) => e.minted)!.epoch;
    const tokenId = await tokenOf(h, epoch);

    const token = await deployRevertingToken(devnet, 10n ** 24n);
    const hostile = await createTestPool(devnet, { categories: ['crypto'], rewardToken: token });
    const healthy = await createTestPool(devnet, { categories: ['crypto'] });
    for (const pool of [hostile.pool, healthy.pool]) {
      const staked = await waitForJob(h, (await ui<JobView>(h, { type: 'ui/stake', pool, tokenId: tokenId.toString() })).id);
      expect(staked.error).toBeUndefined();
    }
    await devnet.test.increaseTime({ seconds: DAY });
    await devnet.test.mine({ blocks: 1 });
    await setReverting(devnet, token, true);

    const exit = await waitForJob(h, (await ui<JobView>(h, { type: 'ui/exit', confirm: 'EXIT' })).id);
    expect(exit.error).toBeUndefined();
    expect(exit.state).toBe('done');
    expect(exit.forfeits).toHaveLength(1);
    const [forfeit] = exit.forfeits!;
    expect(forfeit).toMatchObject({ pool: hostile.pool, tokenId: tokenId.toString(), left: true, token: getAddress(token), symbol: 'RVRT', decimals: 18 });
    expect(BigInt(forfeit.amount)).toBeGreaterThan(0n);
    expect(await readContract(devnet.test, { address: hostile.pool, abi: dataStakingPoolAbi, functionName: 'totalForfeited' })).toBe(BigInt(forfeit.amount));
    expect((await readStake(devnet.test, { pool: hostile.pool, tokenId })).status).toBe('exited');
    expect((await readStake(devnet.test, { pool: healthy.pool, tokenId })).status).toBe('exited');
    expect(await readContract(devnet.test, { address: devnet.deployment.contracts.dataSbt as Address, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] })).toBe(false);
    expect(await h.db.footprints.count()).toBe(0);
    expect(await h.db.commitments.count()).toBe(0);
    // mint, 2 stakes, unstake (healthy), leave (hostile; its unstake was refused in simulation, never signed), burn.
    expect(await getTransactionCount(devnet.test, { address: h.address })).toBe(6);
  }, 240_000);

  it('refuses to stake into a pool the factory did not create (handler and job)', async () => {
    const h = await harness(devnet);
    await browse(h);
    await nextWeek();
    expect((await waitForJob(h, (await ui<JobView>(h, { type: 'ui/prove-now' })).id)).state).toBe('done');
    const epoch = (await ui<{ epochs: { epoch: number; minted: boolean }[] }>(h, { type: 'ui/earn-state' })).epochs.find((e) => e.minted)!.epoch;
    const tokenId = await tokenOf(h, epoch);
    const signer = devnet.signers[0];
    const now = await latestTimestamp(devnet);
    const terms = {
      poolId: 1n, sponsor: signer.account.address, rewardToken: devnet.deployment.contracts.testToken as Address,
      start: now + 10n, end: now + 10n + 7n * BigInt(DAY), categoryMask: categoryMask(['crypto']), minPoints: 1n,
      deliveryTier: 0, deliveryKey: `0x${'0'.repeat(64)}` as const, reviewPeriod: 0,
    };
    const hash = await deployContract(signer, {
      abi: dataStakingPoolAbi, bytecode: dataStakingPoolBytecode, args: [devnet.deployment.contracts.dataSbt as Address, devnet.deployment.contracts.verifier as Address, terms, 10n ** 18n, ''],
      account: signer.account, chain: signer.chain,
    });
    const rogue = (await waitForTransactionReceipt(signer, { hash })).contractAddress as Address;
    await expect(ui(h, { type: 'ui/stake', pool: rogue, tokenId: tokenId.toString() })).rejects.toThrow(/unknown_pool/);
    // A stake job that reached the worker anyway (an older version opened it) is refused too.
    const { job } = await openJob(h.db, 'stake', `${rogue.toLowerCase()}:${tokenId}`, { pool: rogue, tokenId: tokenId.toString(), chainId: devnet.anvil.chainId, address: h.address }, h.ctx.now());
    await runJob(h.ctx, job.id);
    const failed = await waitForJob(h, job.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('unknown_pool');
  }, 120_000);
});
