/**
 * A stake into a delivery pool as the worker runs it (#9): the preview shows
 * exactly the records the owner will receive, with a digest; ui/stake needs that
 * consent; the job seals the envelope once, before signing, and a resumed job
 * sends the identical bytes; the owner opens and verifies what landed on chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFunctionData, hexToBytes, keccak256, parseEventLogs, type Address, type Hex } from 'viem';
import { getTransaction, getTransactionReceipt, readContract } from 'viem/actions';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { advanceStake } from '../../src/background/jobs/stake-job';
import { bytesToHex } from 'viem';
import { deliveryKeyToHex, generateDeliveryKeyPair, openDelivery, verifyDelivery } from '../../src/delivery/index.ts';
import { categoryMask } from '../../src/shared/categories';
import { computeScope } from '../../src/zk/index.ts';
import { openJob } from '../../src/vault';
import type { StakePreview } from '../../src/shared/earning-messages';
import { requireArtifacts } from './real-proofs';
import { createTestPool, setupDevnet, type Devnet } from './helpers';
import { browseWeek, harness, mintJobReadyToSign, settle, ui } from './job-harness';

let devnet: Devnet;

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
}, 60_000);
afterAll(async () => devnet?.stop());

describe('a stake into a records pool', () => {
  it('shows the records, needs consent, seals once, resumes with the same bytes; the owner verifies them', async () => {
    const h = await harness(devnet);
    const epoch = await browseWeek(devnet, h);
    const mintId = await mintJobReadyToSign(devnet, h, epoch);
    await settle(devnet, h, [mintId], 60_000);
    const sbt = devnet.deployment.contracts.dataSbt as Address;
    const tokenId = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [h.address, BigInt(epoch)] });

    const owner = await generateDeliveryKeyPair();
    const { pool, poolId } = await createTestPool(devnet, { categories: ['crypto', 'finance'], delivery: { tier: 'records', key: deliveryKeyToHex(owner.publicKey), reviewPeriod: 86_400 } });
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });

    // The consent screen's data: exactly the crypto record (coingecko), not the news one (bbc).
    const preview = await ui<StakePreview>(h, { type: 'ui/stake-preview', pool, tokenId: tokenId.toString() });
    expect(preview.delivery).toMatchObject({ tier: 'records', sponsor: devnet.signers[0].account.address, reviewSeconds: 86_400 });
    expect(preview.delivery!.rows.map((r) => [r.domain, r.category])).toEqual([['coingecko.com', 'crypto']]);
    expect(preview.delivery!.envelopeBytes).toBeGreaterThan(0);

    // No consent, no stake; a digest of anything else fails before signing.
    await expect(ui(h, { type: 'ui/stake', pool, tokenId: tokenId.toString() })).rejects.toThrow(/consent_required/);
    const stale = await ui<{ id: string }>(h, { type: 'ui/stake', pool, tokenId: tokenId.toString(), consent: keccak256('0x01') });
    const [failed] = await settle(devnet, h, [stale.id], 60_000);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('delivery_changed');

    // With consent: the job proves, seals and stores the envelope, and dies before signing. ui/stake would also
    // run it at once (runJob), racing this manual stepping; so the job is opened with the params ui/stake gives
    // it (the consented digest), as mintJobReadyToSign does for a mint.
    const { job: opened } = await openJob(h.db, 'stake', `${devnet.anvil.chainId}:${h.address}:${pool}:${tokenId}`, {
      pool, tokenId: tokenId.toString(), deliveryDigest: preview.delivery!.digest, chainId: devnet.anvil.chainId, address: h.address,
    }, h.clock.now);
    const started = { id: opened.id };
    let job = opened;
    while (typeof job.result?.envelope !== 'string') {
      job = await advanceStake(h.ctx, job);
      if (job.state === 'failed' || job.state === 'done') throw new Error(`job ended early: ${job.state} ${job.error?.code}`);
    }
    const sealed = job.result!.envelope as Hex;
    expect(job.tx).toBeUndefined();
    // The next life sends exactly these bytes, once.
    const [done] = await settle(devnet, h, [started.id], 60_000);
    expect(done.state).toBe('done');
    const [delivered] = await (async () => {
      const receipt = await getTransactionReceipt(devnet.test, { hash: done.tx!.hash as Hex });
      return parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Delivered', logs: receipt.logs });
    })();
    expect(delivered.args.envelopeHash).toBe(keccak256(sealed));
    const call = decodeFunctionData({ abi: dataStakingPoolAbi, data: (await getTransaction(devnet.test, { hash: delivered.transactionHash })).input });
    const [, , batches, envelope] = call.args as unknown as readonly [bigint, bigint, readonly { root: bigint; points: bigint; fingerprint: bigint; totalsCommitment: bigint }[], Hex];
    expect(envelope).toBe(sealed);

    // The owner opens it for this stake's context and it verifies against the proofs; the weight is the pool's points.
    const payload = await openDelivery({
      recipientPrivateKey: bytesToHex(owner.privateKey),
      context: { chainId: devnet.anvil.chainId, pool, tokenId, epoch, holder: h.address },
      envelope: hexToBytes(envelope),
    });
    const scope = computeScope({ chainId: devnet.anvil.chainId, verifyingContract: pool, poolId, epoch, holder: h.address });
    const verdict = verifyDelivery({
      payload, tier: 'records', epoch, categoryMask: categoryMask(['crypto', 'finance']), stakedWeight: BigInt(preview.points),
      batches: batches.map((b) => ({ root: b.root, scope, fingerprint: b.fingerprint, totalsCommitment: b.totalsCommitment, points: b.points })),
    });
    expect(verdict.verified).toBe(true);
    if (verdict.verified && verdict.tier === 'records') expect(verdict.records.map((r) => r.domain)).toEqual(['coingecko.com']);
  }, 240_000);
});
