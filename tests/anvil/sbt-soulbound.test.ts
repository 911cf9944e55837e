/**
 * DataSBT as an ERC-721 / ERC-5192 token: locked, untransferable, unapprovable,
 * burnable by its holder only, once per (holder, epoch) even after a burn.
 * Minting here uses the accept-all verifier; proof binding is in sbt-proofs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventLogs, toFunctionSelector, type Address } from 'viem';
import { readContract } from 'viem/actions';
import { sendContractWrite } from '../../src/chain/send.ts';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { readDataToken } from '../../src/chain/read-data-token.ts';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { EPOCH_DAYS } from '../../src/shared/epoch.ts';
import { CATEGORY_KEYS, categoryMask } from '../../src/shared/categories.ts';
import { lastFinishedEpoch, mintUnchecked, revertName, setupDevnet, type Devnet } from './helpers.ts';

let devnet: Devnet;
let sbt: Address;
beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier' });
  sbt = devnet.deployment.contracts.dataSbt as Address;
});
afterAll(async () => devnet?.stop());

const read = <const F extends 'supportsInterface' | 'locked' | 'ownerOf' | 'balanceOf' | 'getApproved' | 'tokenURI' | 'currentEpoch' | 'EPOCH_SECONDS' | 'MINT_CATEGORY_MASK'>(
  functionName: F,
  args?: readonly unknown[],
) => readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName, args } as never) as Promise<unknown>;

const write = (who: number, functionName: 'transferFrom' | 'approve' | 'setApprovalForAll' | 'burn', args: readonly unknown[]) =>
  sendContractWrite(devnet.signers[who], functionName, { address: sbt, abi: dataSBTAbi, functionName, args } as never);

describe('DataSBT soulbound token', () => {
  it('reports ERC-721, ERC-721 metadata, ERC-165 and ERC-5192 (0xb45a3c0e), not an unknown id', async () => {
    expect(toFunctionSelector('locked(uint256)')).toBe('0xb45a3c0e');
    for (const id of ['0x80ac58cd', '0x5b5e139f', '0x01ffc9a7', '0xb45a3c0e']) expect(await read('supportsInterface', [id])).toBe(true);
    expect(await read('supportsInterface', ['0xffffffff'])).toBe(false);
  });

  it('mints locked with Transfer and Locked events, one token per holder and epoch', async () => {
    const minted = await mintUnchecked(devnet, 1, 42n);
    const receipt = await devnet.test.getTransactionReceipt({ hash: minted.hash });
    const events = parseEventLogs({ abi: dataSBTAbi, logs: receipt.logs }).map((e) => e.eventName);
    expect(events).toEqual(['Transfer', 'Locked', 'Minted']);
    expect(await read('locked', [minted.tokenId])).toBe(true);
    expect(await read('ownerOf', [minted.tokenId])).toBe(devnet.signers[1].account.address);
    expect(await read('balanceOf', [devnet.signers[1].account.address])).toBe(1n);
    expect(await revertName(mintUnchecked(devnet, 1, 42n))).toBe('DataSBT__AlreadyMinted');
    const uri = String(await read('tokenURI', [minted.tokenId]));
    const json = JSON.parse(Buffer.from(uri.split(',')[1], 'base64').toString());
    expect(json.attributes).toEqual([{ trait_type: 'epoch', value: Number(await lastFinishedEpoch(devnet)) }, { trait_type: 'points', value: 42 }]);
  });

  it('reverts every transfer and approval', async () => {
    const { tokenId } = await mintUnchecked(devnet, 2, 5n);
    const [holder, other] = [devnet.signers[2].account.address, devnet.signers[3].account.address];
    expect(await revertName(write(2, 'transferFrom', [holder, other, tokenId]))).toBe('DataSBT__Soulbound');
    expect(await revertName(write(2, 'approve', [other, tokenId]))).toBe('DataSBT__Soulbound');
    expect(await revertName(write(2, 'setApprovalForAll', [other, true]))).toBe('DataSBT__Soulbound');
    for (const signature of ['safeTransferFrom(address,address,uint256)', 'safeTransferFrom(address,address,uint256,bytes)']) {
      const data = await devnet.signers[2]
        .call({ to: sbt, data: `${toFunctionSelector(signature)}${'00'.repeat(32 * 4)}` as `0x${string}` })
        .catch((e: Error) => e.message);
      expect(String(data)).toMatch(/revert/i);
    }
    expect(await read('getApproved', [tokenId])).toBe('0x0000000000000000000000000000000000000000');
    expect(await read('ownerOf', [tokenId])).toBe(holder);
  });

  it('lets only the holder burn, and a burned epoch cannot be minted again', async () => {
    const { tokenId } = await mintUnchecked(devnet, 3, 9n);
    expect(await revertName(write(4, 'burn', [tokenId]))).toBe('DataSBT__NotHolder');
    expect((await readDataToken(devnet.test, { sbt, holder: devnet.signers[3].account.address, epoch: await lastFinishedEpoch(devnet) })).token?.points).toBe(9n);
    await burnDataToken(devnet.signers[3], { sbt, tokenId });
    expect(await readDataToken(devnet.test, { sbt, holder: devnet.signers[3].account.address, epoch: await lastFinishedEpoch(devnet) })).toEqual({ token: null, everMinted: true });
    expect(await revertName(read('ownerOf', [tokenId]))).toMatch(/NonexistentToken|untyped/);
    expect(await read('balanceOf', [devnet.signers[3].account.address])).toBe(0n);
    expect(await revertName(mintUnchecked(devnet, 3, 9n))).toBe('DataSBT__AlreadyMinted');
  });

  it('refuses epochs that have not finished', async () => {
    const current = (await read('currentEpoch')) as bigint;
    expect(await revertName(mintUnchecked(devnet, 4, 1n, current))).toBe('DataSBT__EpochNotFinished');
  });

  it('mirrors the TypeScript constants: epoch length and the all-categories mask', async () => {
    expect(await read('EPOCH_SECONDS')).toBe(BigInt(EPOCH_DAYS * 86_400));
    expect(await read('MINT_CATEGORY_MASK')).toBe(categoryMask(CATEGORY_KEYS));
  });
});
