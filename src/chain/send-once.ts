/**
 * A contract write that is sent at most once, however often the caller is
 * interrupted (docs/earning.md "Jobs"). The transaction is simulated (so a
 * revert arrives decoded), prepared with an explicit nonce, signed locally,
 * and the signed bytes are handed to `persist` BEFORE anything is broadcast.
 * A caller that restarts passes them back as `signed`: the same bytes are then
 * looked up and, if the node does not know them, rebroadcast — never signed
 * again, so a second transaction for the same step cannot exist.
 */
import {
  encodeFunctionData,
  keccak256,
  type Abi,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  type LocalAccount,
  type TransactionReceipt,
} from 'viem';
import {
  getTransaction,
  getTransactionReceipt,
  prepareTransactionRequest,
  sendRawTransaction,
  simulateContract,
  waitForTransactionReceipt,
} from 'viem/actions';
import { ChainError, knownErrorsAbi, toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';
import type { Chain, Client, Transport } from 'viem';

export interface SignedTx {
  hash: Hex;
  raw: Hex;
  nonce: number;
  chainId: number;
}

export interface SendOnceOptions {
  /** The signed transaction of an earlier, interrupted attempt at this step. */
  signed?: SignedTx;
  /** Called with the signed transaction before it is broadcast; must persist it durably. */
  persist(tx: SignedTx): Promise<void>;
  /** Called once the node has the transaction (state: confirming). */
  onBroadcast?(tx: SignedTx): Promise<void> | void;
  /** Only needed when nothing was signed yet. */
  account?: LocalAccount;
}

type ChainClient = Client<Transport, Chain>;

export async function sendContractWriteOnce<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  client: ChainClient,
  action: string,
  call: { address: Address; abi: abi; functionName: functionName; args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName> },
  options: SendOnceOptions,
): Promise<TransactionReceipt> {
  try {
    const tx = options.signed ?? (await signFresh(client, call as never, options));
    await broadcastIfUnknown(client, tx);
    await options.onBroadcast?.(tx);
    const receipt = await waitForTransactionReceipt(client, { hash: tx.hash, timeout: 120_000 });
    if (receipt.status !== 'success') throw new ChainError(`${action}: the transaction reverted.`);
    return receipt;
  } catch (err) {
    throw toChainError(action, err);
  }
}

async function signFresh(
  client: ChainClient,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
  options: SendOnceOptions,
): Promise<SignedTx> {
  const account = options.account;
  if (!account) throw new ChainError('No account to sign with.');
  const abi = [...call.abi, ...knownErrorsAbi];
  // Simulate first: a revert (wrong proof, already minted…) is decoded and nothing is signed.
  await simulateContract(client, { address: call.address, abi, functionName: call.functionName, args: call.args, account } as never);
  const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args } as never);
  const request = await prepareTransactionRequest(client, { account, to: call.address, data, chain: client.chain });
  const raw = await account.signTransaction(request as never);
  const tx: SignedTx = { hash: keccak256(raw), raw, nonce: Number(request.nonce), chainId: client.chain.id };
  await options.persist(tx);
  return tx;
}

/** Sends the signed bytes unless the node already has them (pending or mined). */
async function broadcastIfUnknown(client: ReaderClient, tx: SignedTx): Promise<void> {
  if (await known(client, tx.hash)) return;
  try {
    await sendRawTransaction(client, { serializedTransaction: tx.raw });
  } catch (err) {
    // Between the look-up and the send the node may have learnt it (another resume): fine.
    if (await known(client, tx.hash)) return;
    throw err;
  }
}

async function known(client: ReaderClient, hash: Hex): Promise<boolean> {
  try {
    await getTransactionReceipt(client, { hash });
    return true;
  } catch {
    try {
      await getTransaction(client, { hash });
      return true;
    } catch {
      return false;
    }
  }
}
