/**
 * Issue #14 §2: what a wallet meets in the wild (docs/earning.md "Chain
 * faults"). Against a real anvil with real Groth16 proofs (batch 8), through
 * the worker's vault and job runner:
 * (1) the node goes down after the job stored its signed transaction, and while
 *     it confirms: the job pauses (network_unavailable, its transaction kept)
 *     and, once the node is back with its chain, lands exactly once;
 * (2) a reorganisation drops the mined mint before it has its confirmations:
 *     the same signed bytes are rebroadcast and land once;
 * (3) the node answers with another chain id: refused before anything is
 *     signed (nothing stored, no nonce used), wrong_chain;
 * (4) gas price spikes: before signing the job takes the node's fees and lands;
 *     fees the account cannot pay pause it (insufficient_funds) before signing;
 *     a signed transaction whose fee cap fell below the base fee pauses the job
 *     (fee_too_low) with the transaction kept, and lands once fees fall.
 * (5) the wallet holds another account than the job's (a key imported since):
 *     nothing is signed by either account and the job ends (account_changed).
 * Each ends with the action done exactly once (or not at all, with a clear error) and no job open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTransaction, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { getTransactionCount, readContract } from 'viem/actions';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { sbtTokenId } from '../../src/chain/token-id.ts';
import { runJob } from '../../src/background/jobs';
import { type JobRecord } from '../../src/vault';
import { stopKeepingState } from '../../scripts/lib/anvil.ts';
import { requireArtifacts } from './real-proofs';
import { setupDevnet, type Devnet } from './helpers';
import { browseWeek, harness, mintJobReadyToSign, type Harness, settle } from './job-harness';

const GWEI = 10n ** 9n;

let devnet: Devnet;

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
}, 60_000);

afterAll(async () => {
  await devnet?.anvil.stop();
});

/** The node goes down keeping its chain; the returned function brings it back (on the same port and URL). */
async function nodeDown(): Promise<(options?: { chainId?: number }) => Promise<void>> {
  const start = await stopKeepingState(devnet.anvil);
  return async (options) => {
    devnet.anvil = await start(options);
  };
}

/** Runs `fn` once, right after the job stores its signed transaction (before it is broadcast). */
function afterStore(h: Harness, fn: () => Promise<void>): { restore(): void } {
  const db = h.ctx.db;
  let done = false;
  h.ctx.db = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return async (...args: unknown[]) => {
          const out: unknown = await (target.transaction as (...a: unknown[]) => Promise<unknown>)(...args);
          if (!done && (out as { tx?: unknown } | undefined)?.tx) {
            done = true;
            await fn();
          }
          return out;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { restore: () => void (h.ctx.db = db) };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const jobOf = async (h: Harness, id: string) => (await h.db.jobs.get(id)) as JobRecord;

const isLive = (tokenId: bigint) =>
  readContract(devnet.test, { address: devnet.deployment.contracts.dataSbt as Address, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] });

const sentFrom = (address: Address) => getTransactionCount(devnet.test, { address });

const baseFee = async () => (await devnet.test.getBlock({ blockTag: 'latest' })).baseFeePerGas ?? 0n;

/** The next block's base fee is `fee`; one block is mined with it. */
async function setBaseFee(fee: bigint): Promise<void> {
  await devnet.test.setNextBlockBaseFeePerGas({ baseFeePerGas: fee });
  await devnet.test.mine({ blocks: 1 });
}

describe('chain faults: nothing lost, nothing done twice', () => {
  it('(1a) the node goes down after the job stored its signed transaction: paused, then it lands once', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    const before = await sentFrom(h.address);
    let back!: Awaited<ReturnType<typeof nodeDown>>;
    const hook = afterStore(h, async () => {
      back = await nodeDown();
    });
    try {
      await runJob(h.ctx, id);
    } finally {
      hook.restore();
    }
    const paused = await jobOf(h, id);
    expect([paused.state, paused.error?.code]).toEqual(['submitting', 'network_unavailable']);
    expect(paused.tx).toBeDefined();
    await back();
    const [job] = await settle(devnet, h, [id], 60_000);
    expect([job.state, job.error?.code]).toEqual(['done', undefined]);
    expect(job.tx?.hash).toBe(paused.tx?.hash); // the stored bytes, not a new signature
    expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
    expect(await sentFrom(h.address)).toBe(before + 1);
  }, 240_000);

  it('(1b) the node goes down while the job confirms (losing its pending pool): paused, then the same bytes land once', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    const before = await sentFrom(h.address);
    await devnet.test.setAutomine(false);
    const running = runJob(h.ctx, id);
    await until('confirming', async () => (await jobOf(h, id)).state === 'confirming');
    const back = await nodeDown();
    await running; // the wait notices the node is gone: the job pauses
    const paused = await jobOf(h, id);
    expect([paused.state, paused.error?.code]).toEqual(['confirming', 'network_unavailable']);
    await back(); // a started node automines
    // The restarted node has the chain but not the pending pool: the job rebroadcasts.
    const [job] = await settle(devnet, h, [id], 60_000);
    expect([job.state, job.error?.code]).toEqual(['done', undefined]);
    expect(job.tx?.hash).toBe(paused.tx?.hash);
    expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
    expect(await sentFrom(h.address)).toBe(before + 1);
  }, 240_000);

  it('(2) a reorganisation drops the mined mint before its confirmations: the same bytes are rebroadcast and land once', async () => {
    const h = await harness(devnet);
    const network = await h.ctx.network.current();
    h.ctx.network = { ...h.ctx.network, current: async () => ({ ...network, confirmations: 3 }) };
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    const before = await sentFrom(h.address);
    await devnet.test.setAutomine(false);
    try {
      const running = runJob(h.ctx, id);
      await until('confirming', async () => (await jobOf(h, id)).state === 'confirming');
      const { hash } = (await jobOf(h, id)).tx!;
      await devnet.test.mine({ blocks: 1 });
      await until('mined', async () => devnet.test.getTransactionReceipt({ hash }).then(() => true, () => false));
      await new Promise((r) => setTimeout(r, 500));
      await devnet.test.request({ method: 'anvil_rollback' as never, params: [1] as never });
      await expect(devnet.test.getTransactionReceipt({ hash })).rejects.toThrow();
      expect(await sentFrom(h.address)).toBe(before);
      const [job] = await settle(devnet, h, [id], 90_000);
      await running;
      expect([job.state, job.error?.code]).toEqual(['done', undefined]);
      expect(job.tx?.hash).toBe(hash);
      expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
      expect(await sentFrom(h.address)).toBe(before + 1);
    } finally {
      await devnet.test.setAutomine(true);
    }
  }, 240_000);

  it('(3) a node that answers with another chain id: refused before anything is signed, then it lands once on the right chain', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    const before = await sentFrom(h.address);
    // The same chain (contracts, balances) behind another chain id: simulation alone would pass.
    const back = await nodeDown();
    await back({ chainId: 1 });
    await runJob(h.ctx, id);
    const refused = await jobOf(h, id);
    expect(refused.error?.code).toBe('wrong_chain');
    expect(refused.error?.message).toMatch(/chain 1\b.*31337|31337.*chain 1\b/);
    expect(refused.tx).toBeUndefined();
    expect(refused.state).toBe('submitting'); // paused, open
    expect(await sentFrom(h.address)).toBe(before);
    // The right node is back (same chain, the right id).
    await (await nodeDown())({ chainId: devnet.deployment.chainId });
    const [job] = await settle(devnet, h, [id], 60_000);
    expect([job.state, job.error?.code]).toEqual(['done', undefined]);
    expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
    expect(await sentFrom(h.address)).toBe(before + 1);
  }, 240_000);

  it('(4a) a gas price spike before signing: the job signs with the node\'s fees and lands', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    await setBaseFee(2_000n * GWEI);
    const before = await sentFrom(h.address);
    await runJob(h.ctx, id);
    const [job] = await settle(devnet, h, [id], 60_000);
    expect([job.state, job.error?.code]).toEqual(['done', undefined]);
    const signed = parseTransaction(job.tx!.raw as `0x${string}`);
    expect(signed.maxFeePerGas).toBeGreaterThanOrEqual(2_000n * GWEI);
    expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
    expect(await sentFrom(h.address)).toBe(before + 1);
    await setBaseFee(GWEI);
  }, 240_000);

  it('(4b) fees the account cannot pay: paused with insufficient_funds before signing; funded, it lands once', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    await setBaseFee(100_000n * GWEI); // ~ 40 ETH for a mint; the account holds 10
    const before = await sentFrom(h.address);
    try {
      await runJob(h.ctx, id);
      const paused = await jobOf(h, id);
      expect(paused.error?.code).toBe('insufficient_funds');
      expect(paused.error?.message).toMatch(/ETH/);
      expect(paused.tx).toBeUndefined();
      expect(paused.state).toBe('submitting');
      expect(await sentFrom(h.address)).toBe(before);
      await devnet.test.setBalance({ address: h.address, value: 10n ** 21n });
      const [job] = await settle(devnet, h, [id], 60_000);
      expect([job.state, job.error?.code]).toEqual(['done', undefined]);
      expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
      expect(await sentFrom(h.address)).toBe(before + 1);
    } finally {
      await setBaseFee(GWEI);
    }
  }, 240_000);

  it('(4c) a signed transaction whose fee cap falls below the base fee: paused with fee_too_low, kept, and it lands once fees fall', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    const before = await sentFrom(h.address);
    await devnet.test.setAutomine(false);
    try {
      const running = runJob(h.ctx, id);
      await until('confirming', async () => (await jobOf(h, id)).state === 'confirming');
      const { hash, raw } = (await jobOf(h, id)).tx!;
      const cap = parseTransaction(raw as `0x${string}`).maxFeePerGas!;
      await setBaseFee(cap * 10n); // mined without it: its fee cap is below the base fee
      expect(await baseFee()).toBeGreaterThan(cap);
      await until('the pause', async () => (await jobOf(h, id)).error !== undefined, 30_000);
      await running;
      const paused = await jobOf(h, id);
      expect([paused.state, paused.error?.code]).toEqual(['confirming', 'fee_too_low']);
      expect(paused.tx?.hash).toBe(hash);
      await setBaseFee(GWEI / 10n);
      await devnet.test.setAutomine(true);
      const [job] = await settle(devnet, h, [id], 60_000);
      expect([job.state, job.error?.code]).toEqual(['done', undefined]);
      expect(job.tx?.hash).toBe(hash);
      expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(true);
      expect(await sentFrom(h.address)).toBe(before + 1);
    } finally {
      await devnet.test.setAutomine(true);
    }
  }, 240_000);

  it('(5) the wallet holds another account than the job was opened for: nothing signed by either, the job ends with account_changed', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const id = await mintJobReadyToSign(devnet, h, epoch);
    // Another key imported since the job was opened: the lock now signs as another account.
    const other = privateKeyToAccount(generatePrivateKey());
    await devnet.test.setBalance({ address: other.address, value: 10n ** 19n });
    const account = h.ctx.lock.account.bind(h.ctx.lock);
    h.ctx.lock.account = async () => other;
    const before = await sentFrom(h.address);
    try {
      await runJob(h.ctx, id);
    } finally {
      h.ctx.lock.account = account;
    }
    const ended = await jobOf(h, id);
    expect([ended.state, ended.error?.code]).toEqual(['failed', 'account_changed']);
    expect(ended.error?.message).toContain(other.address);
    expect(ended.tx).toBeUndefined();
    expect(await sentFrom(h.address)).toBe(before);
    expect(await sentFrom(other.address)).toBe(0);
    expect(await isLive(sbtTokenId(h.address, BigInt(epoch)))).toBe(false);
  }, 120_000);
});
