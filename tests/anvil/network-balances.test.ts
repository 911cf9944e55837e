/**
 * The worker's network reads and writes against a real anvil: balances (ETH,
 * TestToken, pool reward tokens), the devnet faucet and the chain-id check that
 * guards ui/network-set, first as plain functions, then through the handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { getAddress, parseEther, parseUnits, type Address } from 'viem';
import { deployContract, waitForTransactionReceipt, writeContract } from 'viem/actions';
import { createPool } from '../../src/chain/create-pool.ts';
import { testTokenAbi, testTokenBytecode } from '../../src/chain/generated/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { createNetworkHandlers } from '../../src/background/handlers/network.ts';
import {
  checkRpcChainId,
  createNetworkPublicClient,
  createNetworkService,
  FAUCET_AMOUNT,
  fundFromFaucet,
  NETWORK_KEY,
  readBalances,
} from '../../src/background/network/index.ts';
import type { ResolvedNetwork } from '../../src/shared/network.ts';
import { createRouter } from '../../src/background/router.ts';
import { extensionPage, makeOnboardedWorld, MemoryStorageArea, RUNTIME_ID } from '../unit/helpers/world.ts';
import { createTestPool, setupDevnet, type Devnet } from './helpers.ts';

let devnet: Devnet;
let client: ReturnType<typeof createNetworkPublicClient>;
let otherToken: Address;
const holder = () => devnet.signers[1].account.address;

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier', accounts: 2 });
  client = createNetworkPublicClient({ chainId: devnet.anvil.chainId, rpcUrl: devnet.anvil.rpcUrl });
  const sponsor = devnet.signers[0];
  // A second reward token, as a sponsor with its own ERC-20 would bring.
  const hash = await deployContract(sponsor, { abi: testTokenAbi, bytecode: testTokenBytecode, args: ['Gallery Credits', 'GLRY', sponsor.account.address], account: sponsor.account, chain: sponsor.chain });
  otherToken = getAddress((await waitForTransactionReceipt(sponsor, { hash })).contractAddress!);
  for (const to of [sponsor.account.address, holder()]) {
    const tx = await writeContract(sponsor, { address: otherToken, abi: testTokenAbi, functionName: 'mint', args: [to, parseUnits('500', 18)], account: sponsor.account, chain: sponsor.chain });
    await waitForTransactionReceipt(sponsor, { hash: tx });
  }
  await createTestPool(devnet);
  const now = (await devnet.test.getBlock()).timestamp;
  await createPool(sponsor, {
    factory: devnet.deployment.contracts.poolFactory as Address,
    rewardToken: otherToken,
    budget: parseUnits('100', 18),
    start: now + 10n,
    end: now + 86_400n,
    categoryMask: categoryMask(['nft']),
    minPoints: 1n,
    metadataURI: 'data:application/json;base64,e30=',
  });
});
afterAll(async () => {
  await devnet?.stop();
});

describe('network reads and writes (plain functions)', () => {
  it('reads ETH, TestToken first, then the pools\' other reward tokens', async () => {
    const balances = await readBalances(client, { address: holder(), deployment: devnet.deployment });
    expect(balances).toEqual({
      address: holder(),
      eth: parseEther('10000').toString(),
      tokens: [
        { address: devnet.deployment.contracts.testToken, symbol: 'SURFT', decimals: 18, balance: parseUnits('1000000', 18).toString() },
        { address: otherToken, symbol: 'GLRY', decimals: 18, balance: parseUnits('500', 18).toString() },
      ],
    });
  });

  it('sets a fresh account to 10 ETH with anvil_setBalance', async () => {
    const fresh = privateKeyToAccount(generatePrivateKey()).address;
    await fundFromFaucet(client, { address: fresh, rpcUrl: devnet.anvil.rpcUrl });
    const balances = await readBalances(client, { address: fresh, deployment: devnet.deployment });
    expect(balances.eth).toBe(FAUCET_AMOUNT.toString());
    expect(balances.tokens.map((t) => t.balance)).toEqual(['0', '0']);
  });

  it('accepts the node of the deployment\'s chain and refuses another or none', async () => {
    await expect(checkRpcChainId(client, { rpcUrl: devnet.anvil.rpcUrl, chainId: 31337 })).resolves.toBeUndefined();
    await expect(checkRpcChainId(client, { rpcUrl: devnet.anvil.rpcUrl, chainId: 84532 })).rejects.toMatchObject({
      code: 'network_unavailable',
      message: expect.stringMatching(/is chain 31337, but the deployment is for chain 84532/),
    });
    const down = createNetworkPublicClient({ chainId: 31337, rpcUrl: 'http://127.0.0.1:9' });
    await expect(checkRpcChainId(down, { rpcUrl: 'http://127.0.0.1:9', chainId: 31337 })).rejects.toMatchObject({ code: 'network_unavailable' });
  });
});

describe('network handlers against anvil', () => {
  const setup = () => {
    const area = new MemoryStorageArea();
    // The devnet setting means 127.0.0.1:8545; point that at this test's anvil.
    const toAnvil = (n: Pick<ResolvedNetwork, 'chainId' | 'rpcUrl'>) =>
      createNetworkPublicClient({ chainId: n.chainId, rpcUrl: n.rpcUrl === 'http://127.0.0.1:8545' ? devnet.anvil.rpcUrl : n.rpcUrl });
    const handlers = createNetworkHandlers({
      network: createNetworkService({ local: area, bundledDevnet: devnet.deployment }),
      lock: { state: async () => ({ setUp: true, locked: true, autoLockMinutes: 15, address: holder() }) },
      client: toAnvil,
      // The user granted the node's origin on the options page (chrome.permissions.request).
      hostAccess: async () => true,
    });
    return { area, handlers };
  };

  it('network-set stores a custom network whose node is the deployment\'s chain, and refuses one that is not', async () => {
    const { area, handlers } = setup();
    const good = { kind: 'custom' as const, rpcUrl: devnet.anvil.rpcUrl, deployment: devnet.deployment };
    const reply = await handlers.networkSet({ type: 'ui/network-set', network: good });
    expect(reply).toMatchObject({ ok: true, data: { setting: good, chainId: 31337, rpcUrl: devnet.anvil.rpcUrl, isDevnet: false } });
    expect(area.data.get(NETWORK_KEY)).toEqual(good);

    const wrongChain = { ...good, deployment: { ...devnet.deployment, chainId: 84532 } };
    const refused = await handlers.networkSet({ type: 'ui/network-set', network: wrongChain });
    expect(refused).toMatchObject({ ok: false, error: { code: 'network_unavailable' } });
    expect(area.data.get(NETWORK_KEY)).toEqual(good);

    // Faucet is refused on a custom network, even one that is really anvil.
    expect(await handlers.faucet({ type: 'ui/faucet' })).toMatchObject({ ok: false, error: { code: 'not_devnet' } });
    expect(await handlers.networkSet({ type: 'ui/network-set', network: { kind: 'devnet' } })).toMatchObject({ ok: true, data: { isDevnet: true } });
  });

  it('balances work while locked (the address is public); faucet tops up on the devnet', async () => {
    const { handlers } = setup();
    const before = await handlers.balances({ type: 'ui/balances' });
    expect(before).toMatchObject({ ok: true, data: { address: holder(), eth: parseEther('10000').toString() } });
    const after = await handlers.faucet({ type: 'ui/faucet' });
    expect(after).toMatchObject({ ok: true, data: { address: holder(), eth: FAUCET_AMOUNT.toString() } });
    if (after.ok) expect(after.data.tokens.map((t) => t.symbol)).toEqual(['SURFT', 'GLRY']);
  });
});

describe('registered handlers through the router, onboarded', () => {
  it('switch to this anvil as a custom network, read balances, refuse the faucet there', async () => {
    const { ctx, lock } = await makeOnboardedWorld();
    // The user granted the node's origin on the options page: the worker asks browser.permissions.contains,
    // wired in as ctx.hostAccess (src/background/start-background.ts); exactly that origin is granted.
    const granted = `${new URL(devnet.anvil.rpcUrl).origin}/*`;
    const asked: string[] = [];
    ctx.hostAccess = async (pattern) => (asked.push(pattern), pattern === granted);
    const route = createRouter(ctx, RUNTIME_ID);
    const network = { kind: 'custom', rpcUrl: devnet.anvil.rpcUrl, deployment: devnet.deployment };
    expect(await route({ type: 'ui/network-set', network }, extensionPage)).toMatchObject({ ok: true, data: { isDevnet: false } });
    expect(asked).toEqual([granted]);
    const address = (await lock.state()).address;
    const reply = await route({ type: 'ui/balances' }, extensionPage);
    expect(reply).toEqual({
      ok: true,
      data: { address, eth: '0', tokens: expect.arrayContaining([expect.objectContaining({ symbol: 'SURFT', balance: '0' })]) },
    });
    expect(await route({ type: 'ui/faucet' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'not_devnet' } });
  });
});
