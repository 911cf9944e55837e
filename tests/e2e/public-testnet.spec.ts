/**
 * Beyond the devnet (#13): a second anvil with chain id 84532 stands in for a
 * public L2. `npm run deploy` puts the contracts on it from scratch (key file
 * and deployments directory in a temp dir), the pool CLI creates the demo
 * pools there, and the extension is switched to it from the options page. Its
 * permissions.request for the RPC origin resolves at once, without a prompt:
 * capture's http/https host access already covers the origin (docs/privacy.md,
 * "Permissions and why"). Then the popup, showing the real-money warning,
 * proves, mints and stakes on that chain.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestClient, http, parseEther, publicActions, type Address } from 'viem';
import { readContract } from 'viem/actions';
import { startAnvil, type AnvilInstance } from '../../scripts/lib/anvil.ts';
import { createPoolArgs, DEMO_POOLS } from '../../scripts/lib/demo-pools.ts';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { SITES } from '../fixtures/sites';
import { OptionsPage, PopupPage } from './pages';
import { dwell, leave, openSite, SCORING_DWELL_MS } from './support/browsing';
import { expect, test } from './support/fixtures';

const run = promisify(execFile);
const PASSWORD = 'surf and earn, privately';
const DAY = 86_400;
const CRYPTO_POOL = 'Crypto trading signals';
/** anvil account 0: deploys (so it holds the TestToken) and creates the pools (pool CLI with --key-file). */
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

test.use({ onboard: false });
test.describe.configure({ timeout: 420_000 });

let l2: AnvilInstance;
let dir: string;

test.beforeAll(async () => {
  // A public L2 makes a block every few seconds: jobs there wait for 2 confirmations (src/shared/network.ts).
  l2 = await startAnvil({ chainId: 84532, blockTime: 1 });
  dir = await mkdtemp(path.join(tmpdir(), 'surf-l2-'));
});
test.afterAll(async () => {
  await l2?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('deploy to chain 84532, switch from the options page, mint and stake there', async ({ context, extensionId, server }) => {
  // npm run deploy, as an operator runs it: key from a 0600 file, no question (--yes), file in a temp dir.
  const keyFile = path.join(dir, 'deployer.key');
  await writeFile(keyFile, DEPLOYER_KEY, { mode: 0o600 });
  await chmod(keyFile, 0o600);
  await run('npm', ['run', '--silent', 'deploy', '--', '--rpc', l2.rpcUrl, '--key-file', keyFile, '--chain-id', '84532',
    '--yes', '--deployments-dir', dir], { env: { ...process.env, SURF_DEPLOYER_KEY: '' } });
  const deploymentFile = path.join(dir, '84532.json');
  const deployment = JSON.parse(await readFile(deploymentFile, 'utf8')) as { contracts: { dataSbt: Address } };
  for (const pool of DEMO_POOLS.filter((p) => p.name === CRYPTO_POOL)) {
    await run('npm', [...createPoolArgs(pool, l2.rpcUrl), '--deployments', deploymentFile, '--key-file', keyFile], {
      env: { ...process.env, POOL_PRIVATE_KEY: '' },
    });
  }
  const l2Client = createTestClient({ mode: 'anvil', transport: http(l2.rpcUrl) }).extend(publicActions);

  const popup = await PopupPage.open(context, extensionId);
  await popup.onboard(PASSWORD);
  const address = (await popup.address()) as Address;
  await l2Client.setBalance({ address, value: parseEther('1') });

  // Options: add the network from its RPC URL and the deployments file.
  const options = await OptionsPage.open(context, extensionId);
  const switched = await options.useCustomNetwork(l2.rpcUrl, '', deploymentFile);
  expect(switched.error).toBeNull();
  expect(await options.network()).toEqual({ kind: 'custom', chainId: 84532 });
  expect(await options.page.getByTestId('network-name').innerText()).toBe('Base Sepolia');

  const pages = await Promise.all([SITES.crypto, SITES.news].map((s) => openSite(context, server.url(s.host, '/markets/today'))));
  await dwell(pages, SCORING_DWELL_MS, { keys: 3, wheels: 3 });
  await leave(pages);

  await l2Client.increaseTime({ seconds: 7 * DAY });
  await l2Client.mine({ blocks: 1 });
  await popup.reload();
  await popup.openTab('earn');
  const warning = popup.page.getByTestId('network-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Base Sepolia');
  await expect(warning).toContainText('84532');
  await expect(popup.page.getByTestId('network-warning-line')).toBeVisible();
  const [week] = await popup.epochs();
  expect(week.finished).toBe(true);
  const mintJob = await popup.proveNow();
  await popup.waitForJob('done', { id: mintJob, timeout: 180_000 });
  const tokenId = await readContract(l2Client, {
    address: deployment.contracts.dataSbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [address, BigInt(week.epoch)],
  });
  expect(await readContract(l2Client, { address: deployment.contracts.dataSbt, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] })).toBe(true);

  await expect.poll(async () => (await popup.pools()).find((p) => p.name === CRYPTO_POOL)?.eligible, { timeout: 20_000 }).toBe(true);
  const dialog = await popup.stake(CRYPTO_POOL);
  await expect(dialog.getByTestId('network-warning-line')).toContainText('84532');
  await popup.confirmStake();
  await popup.waitForJob('done', { kind: 'stake', timeout: 180_000 });
  const [pool] = (await popup.pools()).filter((p) => p.name === CRYPTO_POOL);
  expect(await readStake(l2Client, { pool: pool.address as Address, tokenId })).toMatchObject({ status: 'staked' });
});
