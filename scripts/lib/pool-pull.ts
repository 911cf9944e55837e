/**
 * `npm run pool -- pull`: a pool owner's dataset from the chain (docs/delivery.md).
 *
 * For every `Delivered` event of the pool: the stake transaction's calldata gives
 * the envelope and the batch proofs' public outputs; the SBT gives holder, epoch
 * and week root; the envelope is opened with the owner's key under this stake's
 * context and verified against the proofs (src/delivery/verify.ts). Every stake
 * ends in verification.json as verified or with the reason it is not.
 *
 * Resumable and idempotent: each stake's outcome is kept in `<out>/.pull-state.json`
 * as soon as it is known, so a run that stops resumes after the last stake done,
 * and the files are rewritten from the state in a fixed order: running it twice
 * gives byte-identical files.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeFunctionData, hexToBytes, keccak256, parseEventLogs, type Address, type Hex, type PublicClient } from 'viem';
import { getContractEvents, getTransaction, getTransactionReceipt, readContract } from 'viem/actions';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { decodePoolMetadata } from '../../src/chain/pool-metadata.ts';
import { readPool } from '../../src/chain/read-pool.ts';
import { DeliveryError, openDelivery, verifyDelivery } from '../../src/delivery/index.ts';
import { categoriesInMask } from '../../src/shared/categories.ts';
import { computeScope } from '../../src/zk/scope.ts';
import { writeDataset, type DatasetStake } from './dataset/index.ts';

export class PullError extends Error {
  override name = 'PullError';
}

export interface PullParameters {
  reader: PublicClient;
  chainId: number;
  pool: Address;
  sbt: Address;
  key: { publicKey: Hex; privateKey: Hex };
  out: string;
  /** First block to scan (the deployment's block); 0 when unknown. */
  fromBlock?: bigint;
  onProgress?: (done: number, total: number, stake: DatasetStake) => void;
}

export interface PullResult {
  stakes: number;
  verified: number;
  failed: number;
  newlyPulled: number;
  files: Record<string, string>;
}

const STATE_FILE = '.pull-state.json';
const STATE_VERSION = 1;

interface PullState {
  version: number;
  chainId: number;
  pool: string;
  /** Stake outcomes by transaction hash (JSON with bigint as strings, `{"$big": "…"}`). */
  stakes: Record<string, DatasetStake>;
}

const toJson = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? { $big: v.toString() } : v), 2);
const fromJson = <T>(text: string): T =>
  JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && '$big' in v ? BigInt((v as { $big: string }).$big) : v)) as T;

async function loadState(out: string, chainId: number, pool: Address): Promise<PullState> {
  const fresh: PullState = { version: STATE_VERSION, chainId, pool: pool.toLowerCase(), stakes: {} };
  let text: string;
  try {
    text = await readFile(path.join(out, STATE_FILE), 'utf8');
  } catch {
    return fresh;
  }
  const state = fromJson<PullState>(text);
  if (state.version !== STATE_VERSION) return fresh;
  if (state.chainId !== chainId || state.pool !== pool.toLowerCase()) {
    throw new PullError(`${out} holds a pull of pool ${state.pool} on chain ${state.chainId}: choose another --out for ${pool} on chain ${chainId}.`);
  }
  return state;
}

async function saveState(out: string, state: PullState): Promise<void> {
  const file = path.join(out, STATE_FILE);
  await writeFile(`${file}.tmp`, toJson(state));
  await rename(`${file}.tmp`, file);
}

/** The decoded `stake` call of a delivery, or why it cannot be read. */
function decodeStake(input: Hex, to: Address | null, pool: Address) {
  if (!to || to.toLowerCase() !== pool.toLowerCase()) return null;
  try {
    const call = decodeFunctionData({ abi: dataStakingPoolAbi, data: input });
    if (call.functionName !== 'stake') return null;
    const [tokenId, , batches, envelope] = call.args as unknown as readonly [bigint, bigint, readonly { root: bigint; points: bigint; fingerprint: bigint; totalsCommitment: bigint }[], Hex];
    return { tokenId, batches, envelope };
  } catch {
    return null;
  }
}

/** Pulls, verifies and writes the pool's dataset. Throws PullError for a wrong key, a pool without delivery or a foreign --out. */
export async function pullPool(p: PullParameters): Promise<PullResult> {
  const info = await readPool(p.reader, { pool: p.pool });
  if (info.deliveryTier === 'none') throw new PullError(`Pool ${p.pool} asks for no delivery (tier none): there is nothing to pull.`);
  if (info.deliveryKey.toLowerCase() !== p.key.publicKey.toLowerCase()) {
    throw new PullError(`This key file is not pool ${p.pool}'s delivery key: the pool seals to ${info.deliveryKey}, the file holds ${p.key.publicKey}.`);
  }
  await mkdir(p.out, { recursive: true });
  const state = await loadState(p.out, p.chainId, p.pool);
  const tier = info.deliveryTier;

  const delivered = await getContractEvents(p.reader, { address: p.pool, abi: dataStakingPoolAbi, eventName: 'Delivered', fromBlock: p.fromBlock ?? 0n, toBlock: 'latest' });
  const total = delivered.length;
  let done = 0;
  let newlyPulled = 0;
  for (const log of delivered) {
    const hash = log.transactionHash;
    done++;
    if (state.stakes[hash]) continue;
    const tokenId = log.args.tokenId!;
    const [holder, epochBig, weekRoot] = await readContract(p.reader, { address: p.sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] });
    const epoch = Number(epochBig);
    const base: DatasetStake = {
      chainId: p.chainId, pool: p.pool, token: tokenId, holder, epoch, root: weekRoot,
      deliveryHash: log.args.envelopeHash!, transaction: hash, block: log.blockNumber, verified: false,
    };
    const stake = await verifyOne(p, base, log.args.envelopeHash!, tier, info.categoryMask, info.poolId);
    state.stakes[hash] = stake;
    await saveState(p.out, state);
    newlyPulled++;
    p.onProgress?.(done, total, stake);
  }

  const meta = decodePoolMetadata(info.metadataURI);
  const stakes = Object.values(state.stakes).sort((a, b) =>
    BigInt(a.block) !== BigInt(b.block) ? (BigInt(a.block) < BigInt(b.block) ? -1 : 1) : a.transaction < b.transaction ? -1 : 1,
  );
  const written = await writeDataset(p.out, {
    pool: {
      chainId: p.chainId, address: p.pool, name: meta?.name ?? `Pool ${info.poolId}`, tier,
      categories: categoriesInMask(info.categoryMask), license: meta?.license ?? 'other',
      ...(meta?.license ? {} : { licenseName: 'the pool\'s terms' }),
      ...(meta?.terms ? { terms: meta.terms } : {}), owner: info.sponsor,
      ...(meta?.description ? { description: meta.description } : {}),
    },
    stakes,
  });
  const verified = stakes.filter((s) => s.verified).length;
  return { stakes: stakes.length, verified, failed: stakes.length - verified, newlyPulled, files: written.files };

  async function verifyOne(p: PullParameters, base: DatasetStake, envelopeHash: Hex, tier: 'records' | 'totals', mask: bigint, poolId: bigint): Promise<DatasetStake> {
    const fail = (reason: string, message: string): DatasetStake => ({ ...base, verified: false, reason, message });
    const tx = await getTransaction(p.reader, { hash: base.transaction });
    const call = decodeStake(tx.input, tx.to, p.pool);
    if (!call) return fail('undecodable', 'The stake was not sent as a direct call to the pool: its envelope cannot be read from the calldata.');
    if (call.tokenId !== base.token) return fail('undecodable', 'The stake call is for another token than its Delivered event.');
    if (keccak256(call.envelope) !== envelopeHash) return fail('hash_mismatch', 'The envelope in the calldata does not hash to the Delivered event\'s hash.');
    const receipt = await getTransactionReceipt(p.reader, { hash: base.transaction });
    const [staked] = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Staked', logs: receipt.logs }).filter((e) => e.address.toLowerCase() === p.pool.toLowerCase());
    if (!staked) return fail('undecodable', 'No Staked event in the delivery\'s transaction.');
    let payload;
    try {
      payload = await openDelivery({
        recipientPrivateKey: p.key.privateKey,
        context: { chainId: p.chainId, pool: p.pool, tokenId: base.token, epoch: base.epoch, holder: base.holder },
        envelope: hexToBytes(call.envelope),
      });
    } catch (err) {
      if (err instanceof DeliveryError) return fail(err.reason, err.message);
      throw err;
    }
    const scope = computeScope({ chainId: p.chainId, verifyingContract: p.pool, poolId, epoch: base.epoch, holder: base.holder });
    const verdict = verifyDelivery({
      payload, tier, epoch: base.epoch, categoryMask: mask, stakedWeight: staked.args.weight,
      batches: call.batches.map((b) => ({ root: b.root, scope, fingerprint: b.fingerprint, totalsCommitment: b.totalsCommitment, points: b.points })),
    });
    if (!verdict.verified) return fail(verdict.reason, verdict.message);
    if (verdict.tier === 'records') {
      return {
        ...base, verified: true,
        records: verdict.records.map((r) => ({ domain: r.domain, categoryKey: r.categoryKey, date: r.date, activeSeconds: r.activeSeconds, visits: r.visits, interactions: r.interactions, root: r.root })),
      };
    }
    const t = verdict.totals;
    return { ...base, verified: true, totals: { activeSeconds: t.activeSeconds, visits: t.visits, interactions: t.interactions, activeDomainDays: t.activeDomainDays } };
  }
}
