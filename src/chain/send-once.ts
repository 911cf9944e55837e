/**
 * A contract write that is sent at most once, however often the caller is
 * interrupted (docs/earning.md "Jobs", "Signing"). The transaction is
 * simulated (so a revert arrives decoded), signed locally with the account's
 * pending nonce, and the signed bytes are handed to `persist` BEFORE anything
 * is broadcast. A caller that restarts passes them back as `signed`: the same
 * bytes are then looked up and, if the node does not know them, rebroadcast —
 * never signed again while they can still be mined, so two live transactions
 * for one step cannot exist.
 *
 * One signer at a time per account: "take the nonce → sign → store →
 * broadcast" (and the look-up and rebroadcast of stored bytes) run inside
 * withSignerLock (./signer-lock.ts), so two jobs never take the same nonce.
 *
 * The dead-transaction rule: stored bytes whose nonce the chain has passed
 * (mined nonce > tx nonce, read first) while the node knows neither a receipt
 * nor the transaction for their hash (read after) can never be mined: another
 * transaction used the nonce (a wallet elsewhere holding the same key, a
 * dropped transaction replaced). Then `landed` is asked whether the step's
 * effect is already on chain: yes → the step is done without a transaction;
 * no → it is signed again with a fresh nonce (safe: the old bytes are dead);
 * no `landed` → ReplacedTransactionError (`tx_replaced`), which ends the job.
 * "Dead" must hold on every look-up over DEAD_RECHECK_MS first: behind a
 * load-balanced RPC, the node that answers the nonce may be ahead of the one
 * asked for the hash, and a transaction that was mined must not be taken for
 * dead (a claim would fail though it landed; a step signed again).
 *
 * Chain faults (docs/earning.md "Chain faults"): the node's chain id is checked
 * under the lock before anything is signed or rebroadcast (WrongChainError);
 * the account must hold gas × fee cap before signing (FeeError
 * `insufficient_funds`); a pending transaction whose fee cap is below the base
 * fee ends the wait with FeeError `fee_too_low` (kept, never replaced); a
 * receipt counts only once it has `confirmations` blocks and is still the
 * node's receipt for the hash: a reorganisation that drops it sends the same
 * bytes again.
 */
import {
  BaseError,
  encodeFunctionData,
  InsufficientFundsError,
  formatEther,
  formatGwei,
  keccak256,
  parseTransaction,
  TransactionNotFoundError,
  TransactionReceiptNotFoundError,
  type Abi,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  type LocalAccount,
  type TransactionReceipt,
} from 'viem';
import {
  getTransaction,
  getTransactionCount,
  getBalance,
  getBlock,
  getBlockNumber,
  getChainId,
  getTransactionReceipt,
  prepareTransactionRequest,
  sendRawTransaction,
  simulateContract,
} from 'viem/actions';
import { AccountChangedError, ChainError, FeeError, knownErrorsAbi, ReplacedTransactionError, toChainError, WrongChainError } from './errors.ts';
import { SurfError } from '../shared/errors';
import { gasLimitFor } from './gas-limit.ts';
import { withSignerLock } from './signer-lock.ts';
import type { Address, ReaderClient } from './types.ts';
import type { Chain, Client, Transport } from 'viem';

export interface SignedTx {
  hash: Hex;
  raw: Hex;
  nonce: number;
  chainId: number;
}

export interface SendOnceOptions {
  /** The sending account's address: the signer lock's key, and whose nonce the dead-transaction rule reads. */
  from: Address;
  /** The signed transaction of an earlier, interrupted attempt at this step. */
  signed?: SignedTx;
  /** Called with the signed transaction before it is broadcast; must persist it durably (replacing a dead one). */
  persist(tx: SignedTx): Promise<void>;
  /** Called once the node has the transaction (state: confirming). */
  onBroadcast?(tx: SignedTx): Promise<void> | void;
  /** The signing account, or how to get it: called only when something must be signed. */
  account?: LocalAccount | (() => Promise<LocalAccount>);
  /**
   * Whether this step's effect is already on chain (the token minted, the
   * stake made…). Asked only when the stored transaction is dead; without it
   * a dead transaction ends the step with ReplacedTransactionError.
   */
  landed?(): Promise<boolean>;
  /**
   * Blocks a receipt must have (its own included) before the step counts as
   * done; until then a reorganisation that drops it is noticed and the same
   * bytes are sent again. Default 1.
   */
  confirmations?: number;
  /** The pauses between look-ups that must all find a transaction dead before it counts as dead (default DEAD_RECHECK_MS). */
  deadRecheckMs?: readonly number[];
}

type ChainClient = Client<Transport, Chain>;

/**
 * The pauses (ms) between the look-ups that must all find stored bytes dead
 * (about 12 s in all): long enough for a lagging node behind a load balancer
 * to learn a mined transaction, short next to a job's life. Only the dead
 * path waits, under the signer lock.
 */
export const DEAD_RECHECK_MS = [2_000, 4_000, 6_000] as const;

/** Signatures one step may make before a nonce that keeps being taken ends it (tx_replaced). */
const MAX_SIGNATURES = 3;

/** How long one attempt waits for the receipt (and its confirmations) before the job pauses; it resumes later. */
const RECEIPT_TIMEOUT_MS = 120_000;

/**
 * Sends the step once; resolves with its receipt, or undefined when the
 * step's effect was found already on chain (`landed`) and nothing was sent.
 */
export async function sendContractWriteOnce<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  client: ChainClient,
  action: string,
  call: { address: Address; abi: abi; functionName: functionName; args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName> },
  options: SendOnceOptions,
): Promise<TransactionReceipt | undefined> {
  try {
    const budget = { signatures: 0 };
    const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
    let signed = options.signed;
    for (let round = 0; ; round++) {
      if (round > 0 && Date.now() > deadline) throw new ChainError(`${action}: not confirmed within ${RECEIPT_TIMEOUT_MS / 1000} s; it is kept and looked up again.`);
      const tx = await withSignerLock(options.from, () => liveTransaction(client, action, call as never, options, signed, budget));
      if (tx === 'landed') return undefined;
      await options.onBroadcast?.(tx);
      const receipt = await confirmedReceipt(client, action, options.from, tx, options.confirmations ?? 1, deadline);
      if (receipt) {
        if (receipt.status !== 'success') throw new ChainError(`${action}: the transaction reverted.`);
        return receipt;
      }
      // The node no longer knows it: dropped, reorganised out, or replaced by
      // another transaction with its nonce. The next round applies the rule.
      signed = tx;
    }
  } catch (err) {
    // Our own errors pass as they are (a locked vault asked for the account pauses the job; tx_replaced ends it).
    throw err instanceof SurfError ? err : toChainError(action, err);
  }
}

/**
 * Under the signer lock: the stored transaction when it is known or was
 * rebroadcast, 'landed', or a new signed (persisted, broadcast) transaction
 * when there was none or the stored one is dead.
 */
async function liveTransaction(
  client: ChainClient,
  action: string,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
  options: SendOnceOptions,
  stored: SignedTx | undefined,
  budget: { signatures: number },
): Promise<SignedTx | 'landed'> {
  await assertChainId(client, action);
  let tx = stored;
  for (;;) {
    if (tx) {
      const state = await lookUp(client, options.from, tx);
      if (state === 'known') return tx;
      if (state === 'unknown') {
        try {
          await sendRawTransaction(client, { serializedTransaction: tx.raw });
          return tx;
        } catch (err) {
          // Between the look-up and the send the node may have learnt it (another resume), or its nonce was taken.
          const after = await lookUp(client, options.from, tx);
          if (after === 'known') return tx;
          // Still mineable but refused now: say why when fees are the reason (the job pauses, the bytes kept).
          if (after === 'unknown') throw (await feeProblem(client, options.from, tx)) ?? err;
        }
      }
      // Dead (on one look-up): another transaction used its nonce, so it can never be mined, unless the
      // node that answered the hash lags behind the one that answered the nonce. Looked up again first.
      if ((await recheckDead(client, options.from, tx, options.deadRecheckMs ?? DEAD_RECHECK_MS)) === 'live') return tx;
      if (!options.landed) {
        throw new ReplacedTransactionError(`${action}: another transaction from this account used this transaction's nonce (${tx.nonce}); it can never be mined.`);
      }
      if (await options.landed()) return 'landed';
      if (budget.signatures >= MAX_SIGNATURES) {
        throw new ReplacedTransactionError(`${action}: the nonce was taken by another transaction ${budget.signatures} times; stopped signing.`);
      }
    }
    tx = await signFresh(client, call, options);
    budget.signatures += 1;
    // A fresh transaction goes round once more: broadcast (or found dead at once when its nonce was taken meanwhile).
  }
}

async function signFresh(
  client: ChainClient,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
  options: SendOnceOptions,
): Promise<SignedTx> {
  const account = typeof options.account === 'function' ? await options.account() : options.account;
  if (!account) throw new ChainError('No account to sign with.');
  if (account.address.toLowerCase() !== options.from.toLowerCase()) {
    throw new AccountChangedError(`This task belongs to account ${options.from}, but the wallet now holds ${account.address}; nothing was signed.`);
  }
  const abi = [...call.abi, ...knownErrorsAbi];
  // Simulate first: a revert (wrong proof, already minted…) is decoded and nothing is signed.
  await simulateContract(client, { address: call.address, abi, functionName: call.functionName, args: call.args, account } as never);
  const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args } as never);
  // The node's pending count, read under the signer lock: every transaction this
  // realm stored was broadcast before the lock was released, so it is counted.
  const nonce = await getTransactionCount(client, { address: account.address, blockTag: 'pending' });
  let gas: bigint;
  try {
    gas = await gasLimitFor(client, { account: account.address, to: call.address, data });
  } catch (err) {
    // A node that estimates with the current base fee refuses an account that cannot pay it: nothing signed.
    if (err instanceof BaseError && err.walk((e) => e instanceof InsufficientFundsError)) {
      throw insufficientFunds(await getBalance(client, { address: account.address }), undefined, err);
    }
    throw err;
  }
  const request = await prepareTransactionRequest(client, { account, to: call.address, data, nonce, gas, chain: client.chain });
  // Fees are the node's at signing (viem: base fee × 1.2 + tip). An account that cannot pay the worst case signs nothing.
  const feeCap = request.maxFeePerGas ?? request.gasPrice ?? 0n;
  const balance = await getBalance(client, { address: account.address });
  if (balance < gas * feeCap) throw insufficientFunds(balance, gas * feeCap);
  const raw = await account.signTransaction(request as never);
  const tx: SignedTx = { hash: keccak256(raw), raw, nonce: Number(request.nonce), chainId: client.chain.id };
  await options.persist(tx);
  return tx;
}

/**
 * 'known': the node has it (pending or mined). 'dead': the account's mined
 * nonce is past it and its hash is unknown, read in that order (had it been
 * mined, its receipt would exist by the second read). 'unknown' otherwise:
 * it may still be mined, so it is only ever rebroadcast.
 */
async function lookUp(client: ReaderClient, from: Address, tx: SignedTx): Promise<'known' | 'dead' | 'unknown'> {
  if (await known(client, tx.hash)) return 'known';
  const mined = await getTransactionCount(client, { address: from, blockTag: 'latest' });
  if (mined <= tx.nonce) return 'unknown';
  return (await known(client, tx.hash)) ? 'known' : 'dead';
}

/**
 * Looks `tx` up again after each pause. 'live' as soon as a node knows it,
 * or when the last look-up no longer finds its nonce passed (the nonce came
 * from a node ahead): the caller goes on with the same bytes (wait for the
 * receipt, or go round and rebroadcast). 'dead' only when every look-up says so.
 */
async function recheckDead(client: ReaderClient, from: Address, tx: SignedTx, pauses: readonly number[]): Promise<'live' | 'dead'> {
  let last: 'known' | 'dead' | 'unknown' = 'dead';
  for (const ms of pauses) {
    await new Promise((r) => setTimeout(r, ms));
    last = await lookUp(client, from, tx);
    if (last === 'known') return 'live';
  }
  return last === 'dead' ? 'dead' : 'live';
}

/** Whether the node knows `hash`; a node that does not answer throws (so nothing is concluded from silence). */
async function known(client: ReaderClient, hash: Hex): Promise<boolean> {
  try {
    await getTransactionReceipt(client, { hash });
    return true;
  } catch (err) {
    if (!(err instanceof TransactionReceiptNotFoundError)) throw err;
  }
  try {
    await getTransaction(client, { hash });
    return true;
  } catch (err) {
    if (!(err instanceof TransactionNotFoundError)) throw err;
    return false;
  }
}

/** Refuses a node whose chain id is not the client's chain (the network's): nothing is signed for, or sent to, another chain. */
async function assertChainId(client: ChainClient, action: string): Promise<void> {
  const answered = await getChainId(client);
  if (answered !== client.chain.id) {
    throw new WrongChainError(`${action}: the node answers as chain ${answered}, but this network is chain ${client.chain.id}; nothing was signed or sent.`);
  }
}

/**
 * Waits (polling) for `tx`'s receipt with `confirmations` blocks, reading the
 * receipt again on every poll, so a receipt that a reorganisation removed is
 * not taken. Undefined when the node no longer knows the transaction (the
 * caller goes round: rebroadcast, or the dead-transaction rule). A pending
 * transaction whose fee cap is below the base fee throws FeeError
 * `fee_too_low`; past `deadline` a ChainError (`network_unavailable`): both
 * pause the job with the transaction kept.
 */
async function confirmedReceipt(
  client: ChainClient,
  action: string,
  from: Address,
  tx: SignedTx,
  confirmations: number,
  deadline: number,
): Promise<TransactionReceipt | undefined> {
  for (;;) {
    const receipt = await receiptOf(client, tx.hash);
    if (receipt) {
      if (receipt.status !== 'success' || confirmations <= 1) return receipt;
      const head = await getBlockNumber(client, { cacheTime: 0 });
      if (head - receipt.blockNumber + 1n >= BigInt(confirmations)) return receipt;
    } else {
      if (!(await known(client, tx.hash))) return undefined;
      const fees = await feeProblem(client, from, tx);
      if (fees) throw fees;
    }
    if (Date.now() > deadline) {
      throw new ChainError(`${action}: not confirmed within ${RECEIPT_TIMEOUT_MS / 1000} s; it is kept and looked up again.`);
    }
    await new Promise((r) => setTimeout(r, client.pollingInterval));
  }
}

async function receiptOf(client: ReaderClient, hash: Hex): Promise<TransactionReceipt | undefined> {
  try {
    return await getTransactionReceipt(client, { hash });
  } catch (err) {
    if (err instanceof TransactionReceiptNotFoundError) return undefined;
    throw err;
  }
}

/** Why signed bytes cannot be mined now though they are valid: the fee cap under the base fee, or a balance under gas × fee cap. */
async function feeProblem(client: ReaderClient, from: Address, tx: SignedTx): Promise<FeeError | undefined> {
  const parsed = parseTransaction(tx.raw);
  const feeCap = parsed.maxFeePerGas ?? parsed.gasPrice ?? 0n;
  const { baseFeePerGas } = await getBlock(client, { blockTag: 'latest' });
  if (baseFeePerGas != null && feeCap < baseFeePerGas) {
    return new FeeError(
      'fee_too_low',
      `The transaction offers at most ${formatGwei(feeCap)} gwei per gas, below the network's base fee of ${formatGwei(baseFeePerGas)} gwei; it waits until fees fall.`,
    );
  }
  const cost = (parsed.gas ?? 0n) * feeCap + (parsed.value ?? 0n);
  const balance = await getBalance(client, { address: from });
  return balance < cost ? insufficientFunds(balance, cost) : undefined;
}

function insufficientFunds(balance: bigint, cost: bigint | undefined, cause?: unknown): FeeError {
  const need = cost === undefined ? 'this transaction needs more' : `this transaction may cost up to ${formatEther(cost)} ETH`;
  return new FeeError('insufficient_funds', `The account holds ${formatEther(balance)} ETH; ${need} at the current gas price.`, { cause });
}
