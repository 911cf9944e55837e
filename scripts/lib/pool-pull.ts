/**
 * `npm run pool -- pull`: a pool owner's dataset from the chain (docs/delivery.md).
 *
 * For every `Delivered` event of the pool: the stake transaction's calldata gives
 * the envelope and the batch proofs' public outputs; the SBT gives holder, epoch
 * and week root; the envelope is opened with the owner's key under this stake's
 * context and verified against the proofs (src/delivery/verify.ts). Every stake
 * ends in verification.json as verified or with the reason it is not.
 *
 * Resumable and idempotent: each stake's outcome is appended to `<out>/.pull-state.jsonl`
 * as soon as it is known (./pull-state.ts), so a run that stops resumes after the
 * last stake done, and the files are rewritten from the state in a fixed order:
 * running it twice gives byte-identical files. The chain reads of the next few
 * stakes run while one is decrypted and verified (bench/delivery/pull.ts measures
 * a pull of 1,000 stakes).
 */
import { mkdir } from 'node:fs/promises';
import { BaseError, ContractFunctionRevertedError, decodeFunctionData, getAddress, hexToBytes, toHex, keccak256, parseEventLogs, type Address, type Hex, type PublicClient, type Transaction, type TransactionReceipt } from 'viem';
import { getContractEvents, getTransaction, getTransactionReceipt, readContract } from 'viem/actions';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { decodePoolMetadata } from '../../src/chain/pool-metadata.ts';
import { epochOfTokenId } from '../../src/chain/token-id.ts';
import { readPool } from '../../src/chain/read-pool.ts';
import { DeliveryError, openDelivery, verifyDelivery } from '../../src/delivery/index.ts';
import { categoriesInMask } from '../../src/shared/categories.ts';
import { computeScope } from '../../src/zk/scope.ts';
import { writeDataset, type DatasetStake } from './dataset/index.ts';
import { appendPullState, loadPullState, PullStateError, writePullState } from './pull-state.ts';

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

/** Stakes whose chain reads run ahead of the one being verified. */
const PREFETCH = 8;

/** What the chain says about one delivery: the token's data, the stake transaction and its receipt. */
interface ChainView {
  /** The token's data, or null when it is gone (burned) and the node keeps no state from the stake's block. */
  token: readonly [Address, bigint, bigint, bigint] | null;
  tx: Transaction;
  receipt: TransactionReceipt;
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

/**
 * The token's data now or, once it is burned (a holder may burn a token after its stake was rejected or
 * left), as it was at the stake's block (a node with that state); null when neither can be read.
 */
async function readToken(p: PullParameters, tokenId: bigint, block: bigint): Promise<ChainView['token']> {
  const read = (blockNumber?: bigint) => readContract(p.reader, { address: p.sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId], ...(blockNumber === undefined ? {} : { blockNumber }) });
  try {
    return await read();
  } catch (now) {
    if (!(now instanceof BaseError && now.walk((e) => e instanceof ContractFunctionRevertedError))) throw now;
    try {
      return await read(block);
    } catch {
      return null;
    }
  }
}

/** The chain reads of one delivery, all at once. */
async function readChain(p: PullParameters, hash: Hex, tokenId: bigint, block: bigint): Promise<ChainView> {
  const [token, tx, receipt] = await Promise.all([
    readToken(p, tokenId, block),
    getTransaction(p.reader, { hash }),
    getTransactionReceipt(p.reader, { hash }),
  ]);
  return { token, tx, receipt };
}

/** Pulls, verifies and writes the pool's dataset. Throws PullError for a wrong key, a pool without delivery or a foreign --out. */
export async function pullPool(p: PullParameters): Promise<PullResult> {
  const info = await readPool(p.reader, { pool: p.pool });
  if (info.deliveryTier === 'none') throw new PullError(`Pool ${p.pool} asks for no delivery (tier none): there is nothing to pull.`);
  if (info.deliveryKey.toLowerCase() !== p.key.publicKey.toLowerCase()) {
    throw new PullError(`This key file is not pool ${p.pool}'s delivery key: the pool seals to ${info.deliveryKey}, the file holds ${p.key.publicKey}.`);
  }
  await mkdir(p.out, { recursive: true });
  let loaded;
  try {
    loaded = await loadPullState(p.out, p.chainId, p.pool);
  } catch (err) {
    if (err instanceof PullStateError) throw new PullError(err.message);
    throw err;
  }
  const { state } = loaded;
  if (loaded.rewrite) await writePullState(p.out, state);
  const tier = info.deliveryTier;

  const delivered = await getContractEvents(p.reader, { address: p.pool, abi: dataStakingPoolAbi, eventName: 'Delivered', fromBlock: p.fromBlock ?? 0n, toBlock: 'latest' });
  const total = delivered.length;
  // The deliveries not pulled yet, with their position; their chain reads start up to PREFETCH ahead.
  const todo = delivered.flatMap((log, i) => (state.stakes[log.transactionHash] ? [] : [{ log, done: i + 1 }]));
  const reads: (Promise<ChainView> | undefined)[] = [];
  const readAhead = (k: number) => {
    if (k >= todo.length || reads[k]) return;
    const read = readChain(p, todo[k].log.transactionHash, todo[k].log.args.tokenId!, todo[k].log.blockNumber);
    read.catch(() => {}); // awaited in turn below; an error surfaces there
    reads[k] = read;
  };
  let newlyPulled = 0;
  for (const [k, { log, done }] of todo.entries()) {
    for (let j = k; j < k + PREFETCH; j++) readAhead(j);
    const chain = await reads[k]!;
    reads[k] = undefined;
    const hash = log.transactionHash;
    if (state.stakes[hash]) continue; // a second delivery in the same transaction
    const tokenId = log.args.tokenId!;
    // A token gone from the chain still names its holder and epoch (tokenId = holder << 96 | epoch).
    const [holder, epochBig, weekRoot] = chain.token ?? [getAddress(toHex(tokenId >> 96n, { size: 20 })), epochOfTokenId(tokenId), 0n];
    const epoch = Number(epochBig);
    const base: DatasetStake = {
      chainId: p.chainId, pool: p.pool, token: tokenId, holder, epoch, root: weekRoot,
      deliveryHash: log.args.envelopeHash!, transaction: hash, block: log.blockNumber, verified: false,
    };
    const stake = await verifyOne(p, chain, base, log.args.envelopeHash!, tier, info.categoryMask, info.poolId);
    state.stakes[hash] = stake;
    await appendPullState(p.out, stake);
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

  async function verifyOne(p: PullParameters, chain: ChainView, base: DatasetStake, envelopeHash: Hex, tier: 'records' | 'totals', mask: bigint, poolId: bigint): Promise<DatasetStake> {
    const fail = (reason: string, message: string): DatasetStake => ({ ...base, verified: false, reason, message });
    if (!chain.token) return fail('token_gone', 'The data token was burned and this node keeps no state from the stake\'s block, so its root cannot be read; pull from an archive node to verify it.');
    const { tx, receipt } = chain;
    const call = decodeStake(tx.input, tx.to, p.pool);
    if (!call) return fail('undecodable', 'The stake was not sent as a direct call to the pool: its envelope cannot be read from the calldata.');
    if (call.tokenId !== base.token) return fail('undecodable', 'The stake call is for another token than its Delivered event.');
    if (keccak256(call.envelope) !== envelopeHash) return fail('hash_mismatch', 'The envelope in the calldata does not hash to the Delivered event\'s hash.');
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
