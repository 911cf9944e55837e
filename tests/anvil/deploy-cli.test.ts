/**
 * `npm run deploy` as an operator runs it, against a second anvil started with
 * chain id 84532 in place of Base Sepolia: real processes, real transactions,
 * deployments written to a temp directory. Every refusal is checked to have sent
 * nothing (deployer nonce and block number unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestClient, http, parseEther, publicActions, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { startAnvil, type AnvilInstance } from '../../scripts/lib/anvil.ts';
import { CREATE2_PROXY } from '../../scripts/lib/create2.ts';
import { contractSpecs, productionVerifier } from '../../scripts/lib/deploy-plan.ts';
import { deploymentPath, readDeployment } from '../../scripts/lib/deployments.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** anvil account 1: funded with 10,000 ETH on every anvil. */
const DEPLOYER_KEY: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const DEPLOYER = privateKeyToAccount(DEPLOYER_KEY).address;

let anvil: AnvilInstance;
let chain: ReturnType<typeof makeClient>;
let dir: string;
let keyFile: string;

function makeClient(rpcUrl: string) {
  return createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).extend(publicActions);
}

async function writeKey(name: string, text: string, mode = 0o600): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text, { mode });
  await chmod(file, mode);
  return file;
}

async function deploy(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/deploy.ts', ...args], { cwd: ROOT, env: { ...process.env, SURF_DEPLOYER_KEY: '', ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** What any sent transaction would move. */
async function chainState(address: Address = DEPLOYER) {
  return { block: await chain.getBlockNumber(), nonce: await chain.getTransactionCount({ address }) };
}

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 84532 });
  chain = makeClient(anvil.rpcUrl);
  dir = await mkdtemp(path.join(tmpdir(), 'deploy-cli-'));
  keyFile = await writeKey('deployer.key', `${DEPLOYER_KEY}\n`);
});
afterAll(async () => {
  await anvil?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const base = () => ['--rpc', anvil.rpcUrl, '--deployments-dir', dir];

describe('npm run deploy (chain 84532 standing in for Base Sepolia)', () => {
  it('anvil has the CREATE2 proxy predeployed', async () => {
    expect(await chain.getCode({ address: CREATE2_PROXY })).toMatch(/^0x7fff/);
  });

  it('deploys from scratch at the predicted CREATE2 addresses and writes <chainId>.json', async () => {
    const result = await deploy([...base(), '--key-file', keyFile, '--chain-id', '84532', '--yes']);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Base Sepolia/);
    const written = await readDeployment(path.join(dir, '84532.json'));
    const predicted = Object.fromEntries(contractSpecs({ verifier: productionVerifier(), testTokenOwner: DEPLOYER }).map((s) => [s.key, s.address]));
    expect(written).toMatchObject({ chainId: 84532, verifier: { contract: 'EpochVerifier256', batchSize: 256 }, contracts: predicted });
    expect(written.deploymentBlock).toBeGreaterThan(0);
    for (const address of Object.values(written.contracts)) expect((await chain.getCode({ address: address as Address }))?.length).toBeGreaterThan(2);

    // Same build, same addresses as the local devnet (the TestToken's depend on its owner, the deployer).
    const devnet = await readDeployment(deploymentPath(31337));
    expect([written.contracts.verifier, written.contracts.dataSbt, written.contracts.poolFactory]).toEqual([
      devnet.contracts.verifier, devnet.contracts.dataSbt, devnet.contracts.poolFactory,
    ]);
  });

  it('runs again without sending anything: everything is reused', async () => {
    const before = await chainState();
    const file = await readFile(path.join(dir, '84532.json'), 'utf8');
    const result = await deploy([...base(), '--key-file', keyFile]);
    expect(result.code, result.out).toBe(0);
    expect(result.out.match(/^ {2}reuse /gm)).toHaveLength(4);
    expect(result.out).toMatch(/nothing to send/);
    expect(await chainState()).toEqual(before);
    expect(await readFile(path.join(dir, '84532.json'), 'utf8')).toBe(file);
  });

  it('the pool CLI works on this chain with --key-file', async () => {
    const file = path.join(dir, '84532.json');
    const pool = (args: string[]) =>
      run(TSX, ['scripts/pool.ts', ...args, '--rpc', anvil.rpcUrl, '--deployments', file], { cwd: ROOT, env: { ...process.env, POOL_PRIVATE_KEY: '' } });
    const created = await pool(['create', '--key-file', keyFile, '--json', '--categories', 'ai', '--budget', '100', '--end', '+7d', '--name', 'Testnet pool', '--sponsor', 'Ops']);
    expect(JSON.parse(created.stdout)).toMatchObject({ poolId: 1 });
    expect(JSON.parse((await pool(['list', '--json'])).stdout)).toHaveLength(1);
  });

  it('stops on a wrong --chain-id, an unreachable RPC or a missing terminal, sending nothing', async () => {
    const before = await chainState();
    const wrong = await deploy([...base(), '--key-file', keyFile, '--chain-id', '8453', '--verifier', 'EpochVerifier8', '--yes']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/serves chain 84532 \(Base Sepolia\), not 8453 \(Base\)/);

    const unreachable = await deploy(['--rpc', 'http://127.0.0.1:9', '--key-file', keyFile, '--yes']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.out).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9/);

    const noTty = await deploy([...base(), '--key-file', keyFile, '--verifier', 'EpochVerifier8']);
    expect(noTty.code).toBe(1);
    expect(noTty.out).toMatch(/deploy +EpochVerifier8/);
    expect(noTty.out).toMatch(/Not asking without a terminal/);
    expect(await chainState()).toEqual(before);
  });

  it('stops on an empty or too small balance, sending nothing', async () => {
    const fresh = generatePrivateKey();
    const freshAddress = privateKeyToAccount(fresh).address;
    const before = await chainState(freshAddress);
    const empty = await deploy([...base(), '--verifier', 'EpochVerifier8', '--yes'], { SURF_DEPLOYER_KEY: fresh });
    expect(empty.code).toBe(1);
    expect(empty.out).toMatch(/has no ETH on chain 84532/);

    await chain.setBalance({ address: freshAddress, value: parseEther('0.000001') });
    const small = await deploy([...base(), '--verifier', 'EpochVerifier8', '--yes'], { SURF_DEPLOYER_KEY: fresh });
    expect(small.code).toBe(1);
    expect(small.out).toMatch(/balance 0\.000001 ETH is below the estimated/);
    expect(await chainState(freshAddress)).toEqual(before);
  });

  it('refuses a bad key source before connecting', async () => {
    const before = await chainState();
    const cases: [string[], RegExp, number][] = [
      [['--key', DEPLOYER_KEY], /--key is refused: a key on the command line/, 2],
      [['--key-file', path.join(dir, 'nope.key')], /Key file .*nope\.key does not exist/, 1],
      [['--key-file', await writeKey('open.key', DEPLOYER_KEY, 0o644)], /readable by other users \(mode 644\); run `chmod 600/, 1],
      [['--key-file', await writeKey('short.key', '0x1234')], /does not hold a private key: expected 64 hex digits/, 1],
      [['--key-file', await writeKey('zero.key', `0x${'0'.repeat(64)}`)], /not a valid secp256k1 private key/, 1],
      [[], /No deployer key: pass --key-file FILE or set SURF_DEPLOYER_KEY/, 2],
    ];
    for (const [args, message, code] of cases) {
      const result = await deploy([...base(), ...args, '--verifier', 'EpochVerifier8', '--yes']);
      expect(result.out).toMatch(message);
      expect(result.code, result.out).toBe(code);
    }
    expect(await chainState()).toEqual(before);
  });

  it('refuses when a predicted address holds other code, sending nothing', async () => {
    const [verifier8] = contractSpecs({ verifier: 'EpochVerifier8' });
    await chain.setCode({ address: verifier8.address, bytecode: '0x6000' });
    const before = await chainState();
    const result = await deploy([...base(), '--key-file', keyFile, '--verifier', 'EpochVerifier8', '--yes']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/already holds different code/);
    expect(await chainState()).toEqual(before);
  });

  it('on a chain without the CREATE2 proxy, explains; with --deploy-proxy, puts it there first', async () => {
    const bare = await startAnvil({ chainId: 84532, create2Proxy: false });
    try {
      const bareChain = makeClient(bare.rpcUrl);
      expect(await bareChain.getCode({ address: CREATE2_PROXY })).toBeUndefined();
      const out = path.join(dir, 'bare');
      const args = ['--rpc', bare.rpcUrl, '--deployments-dir', out, '--key-file', keyFile, '--yes'];
      const missing = await deploy(args);
      expect(missing.code).toBe(1);
      expect(missing.out).toMatch(/no CREATE2 deployment proxy at 0x4e59b44847b379578588920ca78fbf26c0b4956c/);
      expect(missing.out).toMatch(/--deploy-proxy/);
      expect(await bareChain.getTransactionCount({ address: DEPLOYER })).toBe(0);

      const result = await deploy([...args, '--deploy-proxy']);
      expect(result.code, result.out).toBe(0);
      expect(result.out).toMatch(/deployed CREATE2 proxy/);
      // The same addresses as on the chain that had the proxy all along.
      const written = await readDeployment(path.join(out, '84532.json'));
      expect(written.contracts).toEqual((await readDeployment(path.join(dir, '84532.json'))).contracts);
    } finally {
      await bare.stop();
    }
  });
});
