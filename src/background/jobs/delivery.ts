/**
 * A stake's delivery in the worker (docs/delivery.md): the payload a delivery
 * pool receives, built deterministically from the vault (the same rows, secrets
 * and scope the stake proof uses), described for the consent screen with a digest,
 * and sealed once before the stake is signed.
 */
import { bytesToHex, keccak256, type Hex } from 'viem';
import type { PoolInfo } from '../../chain/read-pool.ts';
import { DeliveryError, buildDeliveryPayload, describeDelivery, encodeDeliveryPayload, sealDelivery, type DeliveryDescription, type DeliveryPayload } from '../../delivery/index.ts';
import { buildWitnessInput, computeScope, type DomainDayRow } from '../../zk';
import { getOrCreateEpochSecrets } from '../../vault';
import type { WorkerContext } from '../context';
import { JobError, type JobChain } from './job-chain';

export interface StakeDelivery {
  payload: DeliveryPayload;
  description: DeliveryDescription;
  /** keccak256 of the encoded payload: what the consent screen showed, checked again before sealing. */
  digest: Hex;
}

/** The delivery of `rows` (token `epoch`) to `pool`; null for a pool without delivery. */
export async function buildStakeDelivery(
  ctx: WorkerContext,
  chain: Pick<JobChain, 'network' | 'address'>,
  pool: Pick<PoolInfo, 'address' | 'poolId' | 'categoryMask' | 'minPoints' | 'deliveryTier'>,
  rows: readonly DomainDayRow[],
  epoch: number,
): Promise<StakeDelivery | null> {
  if (pool.deliveryTier === 'none') return null;
  const secrets = await getOrCreateEpochSecrets(ctx.db, ctx.now(), { sealer: await ctx.lock.sealer(), opener: await ctx.lock.opener() });
  const scope = computeScope({ chainId: chain.network.chainId, verifyingContract: pool.address, poolId: pool.poolId, epoch, holder: chain.address });
  const witness = buildWitnessInput(rows, {
    epoch, categoryMask: pool.categoryMask, minPoints: 0n, scope, secrets, batchSize: chain.network.deployment.verifier.batchSize,
  });
  try {
    const payload = buildDeliveryPayload({
      tier: pool.deliveryTier,
      commitment: witness.commitment,
      vaultSalt: secrets.vaultSalt,
      categoryMask: pool.categoryMask,
      totalsBlinds: witness.batches.map((b) => b.totalsBlind),
    });
    return { payload, description: describeDelivery(payload, epoch), digest: keccak256(encodeDeliveryPayload(payload)) };
  } catch (err) {
    // A records delivery larger than the biggest envelope (about 1,290 records; docs/delivery.md): refused, nothing sent.
    if (err instanceof DeliveryError && err.reason === 'not_deliverable') throw new JobError('not_eligible', err.message, { cause: err });
    throw err;
  }
}

/**
 * Seals the delivery the user consented to (`consentDigest`) to the pool's key,
 * bound to chain, pool, token, epoch and holder. Refuses with `delivery_changed`
 * when the vault would now deliver anything else than what the screen showed.
 */
export async function sealConsentedDelivery(
  delivery: StakeDelivery,
  consentDigest: string | undefined,
  p: { chainId: number; pool: `0x${string}`; tokenId: bigint; epoch: number; holder: `0x${string}`; deliveryKey: Hex },
): Promise<Hex> {
  if (!consentDigest || consentDigest.toLowerCase() !== delivery.digest.toLowerCase()) {
    throw new JobError('delivery_changed', 'What this stake would deliver is not what you confirmed; review the delivery again and confirm.');
  }
  const envelope = await sealDelivery({
    recipientPublicKey: p.deliveryKey,
    context: { chainId: p.chainId, pool: p.pool, tokenId: p.tokenId, epoch: p.epoch, holder: p.holder },
    payload: delivery.payload,
  });
  return bytesToHex(envelope);
}
