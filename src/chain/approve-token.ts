import { erc20Abi } from 'viem';
import { readContract } from 'viem/actions';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient } from './types.ts';

export interface EnsureAllowanceParameters {
  token: Address;
  spender: Address;
  amount: bigint;
}

/** Approve `spender` for exactly `amount` unless the allowance already covers it. */
export async function ensureAllowance(client: SignerClient, params: EnsureAllowanceParameters): Promise<void> {
  const allowance = await readContract(client, {
    address: params.token,
    abi: erc20Abi,
    functionName: 'allowance',
    args: [client.account.address, params.spender],
  });
  if (allowance >= params.amount) return;
  await sendContractWrite(client, 'Approve reward token', {
    address: params.token,
    abi: erc20Abi,
    functionName: 'approve',
    args: [params.spender, params.amount],
  });
}
