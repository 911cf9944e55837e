/**
 * The pool CLI end to end: real processes against a devnet, checking what an AI
 * developer sees (exit codes, messages, JSON output).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeDeployment } from '../../scripts/lib/deployments.ts';
import { setupDevnet, type Devnet } from './helpers.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
let devnet: Devnet;
let dir: string;
let common: string[];

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier' });
  dir = await mkdtemp(path.join(tmpdir(), 'pool-cli-'));
  const file = path.join(dir, 'deployment.json');
  await writeDeployment(file, devnet.deployment);
  common = ['--rpc', devnet.anvil.rpcUrl, '--deployments', file];
});
afterAll(async () => {
  await devnet?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pool(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/pool.ts', ...args], { cwd: ROOT, env: { ...process.env, POOL_PRIVATE_KEY: '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run pool', () => {
  it('creates, funds, lists and shows a pool (devnet key by default)', async () => {
    const created = await pool(['create', ...common, '--json', '--categories', 'crypto,finance', '--budget', '1000', '--end', '+7d', '--min-points', '10', '--name', 'DeFi intent', '--sponsor', 'Acme AI', '--description', 'What DeFi users read']);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ poolId: 1 });

    expect((await pool(['fund', ...common, '--pool', '1', '--amount', '250'])).stdout).toMatch(/Added 250 SURFT/);
    const list = JSON.parse((await pool(['list', ...common, '--json'])).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 1, name: 'DeFi intent', sponsor: 'Acme AI', categories: ['crypto', 'finance'], minPoints: 10, funded: '1250 SURFT' });
    const show = await pool(['show', ...common, '--pool', list[0].address]);
    expect(show.stdout).toMatch(/description\s+What DeFi users read/);
  });

  it('explains bad arguments with exit code 2', async () => {
    const bad = await pool(['create', ...common, '--categories', 'crypto,cooking', '--budget', 'lots', '--end', 'someday', '--name', 'x', '--sponsor', 'y']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown category cooking; choose from other, crypto/);
    expect(bad.stderr).toMatch(/expected a positive decimal number/);
    expect(bad.stderr).toMatch(/expected "now", unix seconds/);
    expect((await pool(['show', ...common, '--pool', '99'])).stderr).toMatch(/No pool 99/);
    expect((await pool(['launch'])).code).toBe(2);
    expect((await pool(['list', '--colour'])).stderr).toMatch(/Unknown option '--colour'/);
  });

  it('reports chain failures with exit code 1 and the contract reason', async () => {
    const broke = await pool(['create', ...common, '--categories', 'ai', '--budget', '999999999', '--end', '+1d', '--name', 'x', '--sponsor', 'y']);
    expect(broke.code).toBe(1);
    expect(broke.stderr).toMatch(/token balance is too low/);
    expect((await pool(['list', '--rpc', 'http://127.0.0.1:9'])).stderr).toMatch(/Cannot reach/);
    const early = await pool(['sweep', ...common, '--pool', '1']);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/has not ended yet/);
  });
});
