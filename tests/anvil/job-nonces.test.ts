/**
 * Issue #14 §1: jobs that sign transactions from one account must never be
 * left holding a transaction that can no longer be mined. Against a real
 * anvil with real Groth16 proofs (batch 8), through the worker's router,
 * vault and job runner:
 * (a) two jobs that sign in the same tick (a worker start resumes every open job);
 * (b) a transaction from outside the extension (same key) takes the job's nonce
 *     after the job stored its signed transaction and before it broadcast;
 * (c) the job's transaction is dropped and another one with its nonce is mined;
 * (d) a step that cannot tell from the chain whether it happened (a claim) ends
 *     with tx_replaced instead of signing again, and Retry works;
 * (e) behind a load-balanced RPC whose node for hash look-ups lags, a mined
 *     claim is not taken for dead: it ends done, claimed once;
 * (f) an exit's leave (a pool whose reward token reverts) sent from another
 *     wallet with the same key takes the job's nonce while the worker is
 *     stopped: the resumed exit finds the leave landed and reports what the
 *     pool actually kept, not what was owed after it.
 * Each ends with the action done exactly once (or a clear error) and no job open.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, erc20Abi, getAddress, keccak256, type Address, type Hex } from 'viem';
import { getTransactionCount, readContract, sendRawTransaction } from 'viem/actions';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { sbtTokenId } from '../../src/chain/token-id.ts';
import { JOBS_ALARM, runJob } from '../../src/background/jobs';
import { readForfeits } from '../../src/background/jobs/exit-job';
import { onJobsAlarm } from '../../src/background/job-alarms';
import { type JobRecord } from '../../src/vault';
import type { JobView } from '../../src/shared/earning-messages';
import { requireArtifacts } from './real-proofs';
import { createTestPool, deployRevertingToken, setReverting, setupDevnet, type Devnet } from './helpers';
import { browseWeek, harness, mintJobReadyToSign, settle, ui, type Harness } from './job-harness';

const DAY = 86_400;

let devnet: Devnet;

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
}, 60_000);

afterAll(async () => {
  await devnet?.stop();
});

/**
 * A transaction signed with the extension's own key, as another wallet holding that key would send it: a
 * plain ETH transfer unless `call` says otherwise.
 */
async function outsideTransfer(h: Harness, nonce: number, call?: { to: Address; data: Hex }): Promise<Hex> {
  const account = await h.ctx.lock.account();
  const raw = await account.signTransaction({
    chainId: devnet.anvil.chainId,
    type: 'eip1559',
    to: call?.to ?? '0x000000000000000000000000000000000000dEaD',
    value: call ? 0n : 1n,
    data: call?.data,
    nonce,
    gas: call ? 500_000n : 21_000n,
    maxFeePerGas: 50_000_000_000n,
    maxPriorityFeePerGas: 2_000_000_000n,
  });
  return sendRawTransaction(devnet.test, { serializedTransaction: raw });
}

/**
 * Right after a job stores its signed transaction (and before it broadcasts),
 * another wallet holding the same key sends a transfer with that nonce and it
 * is mined. Done once, by wrapping the vault's transactions. `thenStop`: the
 * worker then dies before it broadcasts, and the job resumes from its stored state.
 */
function takeNonceAfterStore(h: Harness, call?: { to: Address; data: Hex }, thenStop = false): { taken(): number | undefined; restore(): void } {
  const db = h.ctx.db;
  let taken: number | undefined;
  h.ctx.db = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return async (...args: unknown[]) => {
          const out: unknown = await (target.transaction as (...a: unknown[]) => Promise<unknown>)(...args);
          const tx = (out as { tx?: { nonce: number } } | undefined)?.tx;
          if (taken === undefined && tx) {
            taken = tx.nonce;
            await outsideTransfer(h, tx.nonce, call);
            // The worker stops here (before it broadcasts); the job resumes from its stored state.
            if (thenStop) throw new Error('worker stopped');
          }
          return out;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { taken: () => taken, restore: () => void (h.ctx.db = db) };
}

/**
 * A JSON-RPC endpoint in front of anvil that behaves like a load-balanced
 * public RPC whose node for hash look-ups lags behind the others: for `lagMs`
 * after a transaction is sent, its receipt and body are unknown
 * (eth_getTransactionReceipt / eth_getTransactionByHash answer null), while
 * nonces, blocks and calls come from an up-to-date node.
 */
async function laggingRpc(target: string, lagMs: number): Promise<{ url: string; lagged(): number; close(): Promise<void> }> {
  type Call = { jsonrpc: string; id: unknown; method: string; params?: unknown[] };
  const sentAt = new Map<string, number>();
  let lagged = 0;
  const forward = async (call: Call) => (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call) })).json();
  const answer = async (call: Call): Promise<unknown> => {
    if (call.method === 'eth_sendRawTransaction') sentAt.set(keccak256(call.params![0] as Hex), Date.now());
    if (call.method === 'eth_getTransactionReceipt' || call.method === 'eth_getTransactionByHash') {
      const at = sentAt.get(String(call.params![0]).toLowerCase());
      if (at !== undefined && Date.now() - at < lagMs) {
        lagged += 1;
        return { jsonrpc: '2.0', id: call.id, result: null };
      }
    }
    return forward(call);
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as Call | Call[];
      void (Array.isArray(parsed) ? Promise.all(parsed.map(answer)) : answer(parsed)).then((out) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(out));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lagged: () => lagged,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const isLive = (tokenId: bigint) =>
  readContract(devnet.test, { address: devnet.deployment.contracts.dataSbt as Address, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] });

const sentFrom = (address: Address) => getTransactionCount(devnet.test, { address });

/** A week minted and staked into a new crypto pool, a day of rewards accrued: ready to claim. */
async function stakedWithRewards(): Promise<{ h: Harness; pool: Address; tokenId: string; rewards: () => Promise<bigint> }> {
  const h = await harness(devnet);
  const epoch = await browseWeek(devnet, h);
  const minted = await ui<JobView>(h, { type: 'ui/prove-now', epoch });
  expect((await settle(devnet, h, [minted.id]))[0].state).toBe('done');
  const tokenId = sbtTokenId(h.address, BigInt(epoch)).toString();
  const { pool } = await createTestPool(devnet, { categories: ['crypto'] });
  await devnet.test.increaseTime({ seconds: 60 });
  await devnet.test.mine({ blocks: 1 });
  const staked = await ui<JobView>(h, { type: 'ui/stake', pool, tokenId });
  expect((await settle(devnet, h, [staked.id]))[0].state).toBe('done');
  await devnet.test.increaseTime({ seconds: DAY });
  await devnet.test.mine({ blocks: 1 });
  const rewards = () => readContract(devnet.test, { address: devnet.deployment.contracts.testToken as Address, abi: erc20Abi, functionName: 'balanceOf', args: [h.address] });
  return { h, pool, tokenId, rewards };
}

describe('one signer per account: no job is left with a transaction that cannot be mined', () => {
  it('(a) two jobs that sign in the same tick both land, one transaction each', async () => {
    const h = await harness(devnet);
    const first = await browseWeek(devnet, h);
    const second = await browseWeek(devnet, h);
    expect(second).toBeGreaterThan(first);
    const ids = [await mintJobReadyToSign(devnet, h, first), await mintJobReadyToSign(devnet, h, second)];
    const before = await sentFrom(h.address);
    // A worker start resumes both at once (the same happens when two clicks start two jobs).
    await Promise.all(ids.map((id) => runJob(h.ctx, id)));
    const jobs = await settle(devnet, h, ids);
    expect(jobs.map((j) => [j.state, j.error?.code])).toEqual([['done', undefined], ['done', undefined]]);
    expect(await isLive(sbtTokenId(h.address, BigInt(first)))).toBe(true);
    expect(await isLive(sbtTokenId(h.address, BigInt(second)))).toBe(true);
    expect(new Set(jobs.map((j) => j.tx?.nonce)).size).toBe(2);
    expect(await sentFrom(h.address)).toBe(before + 2);
  }, 240_000);

  it('(b) another wallet with the same key takes the nonce between store and broadcast: the job re-signs, one mint', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    const before = await sentFrom(h.address);
    const other = takeNonceAfterStore(h);
    try {
      await runJob(h.ctx, id);
      const [job] = await settle(devnet, h, [id]);
      expect(other.taken()).toBe(before);
      expect([job.state, job.error?.code]).toEqual(['done', undefined]);
      expect(job.tx?.nonce).toBe(before + 1);
      expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
      // The outside transfer and one mint.
      expect(await sentFrom(h.address)).toBe(before + 2);
    } finally {
      other.restore();
    }
  }, 180_000);

  it('(c) a dropped transaction replaced by another with its nonce: the job re-signs, one mint', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const before = await sentFrom(h.address);
    await devnet.test.setAutomine(false);
    try {
      const started = await ui<JobView>(h, { type: 'ui/prove-now', epoch });
      const until = Date.now() + 90_000;
      let stored = await h.db.jobs.get(started.id);
      while (stored?.state !== 'confirming' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        stored = await h.db.jobs.get(started.id);
      }
      expect(stored?.state).toBe('confirming');
      const tx = stored!.tx!;
      await devnet.test.dropTransaction({ hash: tx.hash });
      await outsideTransfer(h, tx.nonce);
      await devnet.test.mine({ blocks: 1 });
      await devnet.test.setAutomine(true);
      const [job] = await settle(devnet, h, [started.id], 150_000);
      expect([job.state, job.error?.code]).toEqual(['done', undefined]);
      // Before the fix: viem's wait returned the replacement's receipt, and the job was "done" with no token.
      expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
      expect(job.tx?.hash).not.toBe(tx.hash);
      expect(await sentFrom(h.address)).toBe(before + 2);
    } finally {
      await devnet.test.setAutomine(true);
    }
  }, 240_000);

  it('(d) a claim whose nonce was taken cannot tell whether it landed: it fails as tx_replaced, the alarm stops, Retry claims once', async () => {
    const { h, pool, tokenId, rewards } = await stakedWithRewards();
    const other = takeNonceAfterStore(h);
    let failed: JobRecord;
    try {
      const claim = await ui<JobView>(h, { type: 'ui/claim', pool, tokenId });
      [failed] = await settle(devnet, h, [claim.id]);
    } finally {
      other.restore();
    }
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('tx_replaced');
    expect(await rewards()).toBe(0n);
    // Nothing is open, so the resume alarm goes away.
    const alarms = new Map<string, unknown>([[JOBS_ALARM, {}]]);
    await onJobsAlarm({ get: async (n) => (alarms.has(n) ? { name: n } : undefined), create: (n) => void alarms.set(n, {}), clear: async (n) => alarms.delete(n) }, h.ctx);
    expect(alarms.has(JOBS_ALARM)).toBe(false);

    // Retry issues the intent again: a new job, which claims once.
    const retried = await ui<JobView>(h, { type: 'ui/claim', pool, tokenId });
    expect(retried.id).not.toBe(failed.id);
    const [claimed] = await settle(devnet, h, [retried.id]);
    expect([claimed.state, claimed.error?.code]).toEqual(['done', undefined]);
    expect(await rewards()).toBeGreaterThan(0n);
  }, 240_000);

  it('(e) a lagging node behind a load-balanced RPC does not make a mined claim look dead: done, claimed once', async () => {
    const { h, pool, tokenId, rewards } = await stakedWithRewards();

    // From here the extension talks to the chain through the lagging RPC (3 s behind for hash look-ups).
    const rpc = await laggingRpc(devnet.anvil.rpcUrl, 3_000);
    const direct = h.ctx.network;
    const network = { ...(await direct.current()), rpcUrl: rpc.url };
    h.ctx.network = { ...direct, current: async () => network, settingAndCurrent: async () => ({ setting: { kind: 'devnet' }, network }) };
    try {
      const before = await sentFrom(h.address);
      const claim = await ui<JobView>(h, { type: 'ui/claim', pool, tokenId });
      const [job] = await settle(devnet, h, [claim.id]);
      expect(rpc.lagged()).toBeGreaterThan(0); // the lag was met
      // Before the fix: the mined claim looked dead (nonce passed, hash unknown) and the job failed as tx_replaced.
      expect([job.state, job.error?.code]).toEqual(['done', undefined]);
      expect(await rewards()).toBeGreaterThan(0n);
      expect(await sentFrom(h.address)).toBe(before + 1);
    } finally {
      h.ctx.network = direct;
      await rpc.close();
    }
  }, 240_000);

  it('(f) an exit whose leave another wallet (same key) sent while the worker was stopped reports the forfeit the pool kept, not 0', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const minted = await ui<JobView>(h, { type: 'ui/prove-now', epoch });
    expect((await settle(devnet, h, [minted.id]))[0].state).toBe('done');
    const tokenId = sbtTokenId(h.address, BigInt(epoch));
    const token = await deployRevertingToken(devnet, 10n ** 24n);
    const { pool } = await createTestPool(devnet, { categories: ['crypto'], rewardToken: token });
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });
    const staked = await ui<JobView>(h, { type: 'ui/stake', pool, tokenId: tokenId.toString() });
    expect((await settle(devnet, h, [staked.id]))[0].state).toBe('done');
    await devnet.test.increaseTime({ seconds: DAY });
    await devnet.test.mine({ blocks: 1 });
    await setReverting(devnet, token, true); // the unstake is refused in simulation: the exit leaves instead

    const before = await sentFrom(h.address);
    const other = takeNonceAfterStore(h, { to: pool, data: encodeFunctionData({ abi: dataStakingPoolAbi, functionName: 'leave', args: [tokenId] }) }, true);
    let exit: JobRecord;
    try {
      const started = await ui<JobView>(h, { type: 'ui/exit', confirm: 'EXIT' });
      [exit] = await settle(devnet, h, [started.id], 120_000);
    } finally {
      other.restore();
    }
    expect(other.taken()).toBe(before);
    expect([exit.state, exit.error?.code]).toEqual(['done', undefined]);
    const kept = await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'totalForfeited' });
    expect(kept).toBeGreaterThan(0n);
    // Before the fix: the resumed step read the stake after the leave (nothing owed any more) and reported 0.
    expect(readForfeits(exit)).toEqual([expect.objectContaining({ pool: getAddress(pool), tokenId: tokenId.toString(), left: true, amount: kept.toString() })]);
    // The outside leave and the burn: the job's own leave was never mined.
    expect(await sentFrom(h.address)).toBe(before + 2);
    expect(await isLive(tokenId)).toBe(false);
  }, 240_000);
});
