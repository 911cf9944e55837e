/**
 * The one path every write takes: simulate first (so reverts arrive decoded,
 * with the contract's custom error), then send with gas estimated on the
 * state-changing call itself, then wait for the receipt.
 *
 * Why estimate on the write: the snarkjs verifier returns false instead of
 * reverting when the pairing precompile runs out of gas, so a gas estimate of a
 * bare verifyProof is far too low; our contracts revert on false, so the
 * estimate of the write is correct.
 */
import { encodeFunctionData, type Abi, type ContractFunctionArgs, type ContractFunctionName, type TransactionReceipt, type Address } from 'viem';
import { simulateContract, writeContract, waitForTransactionReceipt } from 'viem/actions';
import { knownErrorsAbi, toChainError } from './errors.ts';
import { gasLimitFor } from './gas-limit.ts';
import { withSignerLock } from './signer-lock.ts';
import type { SignerClient } from './types.ts';

export async function sendContractWrite<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  client: SignerClient,
  action: string,
  call: {
    address: Address;
    abi: abi;
    functionName: functionName;
    args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>;
  },
): Promise<TransactionReceipt> {
  try {
    // The generic write/simulate parameter types are too deep for TS to relate here;
    // the public signature above keeps callers fully typed.
    // Errors of the other contracts are added so a revert that bubbles up decodes too.
    const params = { ...call, abi: [...call.abi, ...knownErrorsAbi], account: client.account, chain: client.chain } as never;
    // One signer at a time per account (./signer-lock.ts): writeContract takes the pending nonce, signs and broadcasts.
    const hash = await withSignerLock(client.account.address, async () => {
      await simulateContract(client, params);
      const data = encodeFunctionData(call as never);
      const gas = await gasLimitFor(client, { account: client.account.address, to: call.address, data });
      return writeContract(client, { ...(params as object), gas } as never);
    });
    const receipt = await waitForTransactionReceipt(client, { hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  } catch (err) {
    throw toChainError(action, err);
  }
}
