/**
 * `npm start` as a user runs it, minus the browser and the build: a real process
 * on a spare port, its demo pools read back through the pool CLI, then Ctrl-C.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../scripts/lib/anvil.ts';
import { portInUse } from '../../scripts/lib/start-chain.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(port: number): Started {
  const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', POOL_PRIVATE_KEY: '' };
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-browser', '--no-build', '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(started: Started, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let done = false;
  void started.exited.then(() => (done = true));
  while (!pattern.test(started.output())) {
    if (done) throw new Error(`npm start exited before ${pattern}:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('npm start', () => {
  it('brings up the devnet with three funded demo pools and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    const rpc = `http://127.0.0.1:${port}`;
    const started = start(port);
    await waitFor(started, /^ready: /m, 120_000);
    expect(started.output()).toMatch(/addresses match deployments\/31337\.json/);
    expect(started.output()).toMatch(/verifier EpochVerifier256/);

    const { stdout } = await run('npm', ['run', '--silent', 'pool', '--', 'list', '--json', '--rpc', rpc], { cwd: ROOT });
    const pools = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(pools).toHaveLength(3);
    expect(pools.map((p) => [p.id, p.categories, p.funded, p.minPoints])).toEqual([
      [1, ['crypto', 'finance'], '50000 SURFT', 1],
      [2, ['nft'], '20000 SURFT', 1],
      [3, ['news', 'politics', 'social'], '30000 SURFT', 1],
    ]);
    for (const p of pools) {
      expect(p.name).not.toBe('(unnamed)');
      expect(String(p.description).length).toBeGreaterThan(40);
      const days = (Date.parse(String(p.end)) - Date.parse(String(p.start))) / 86_400_000;
      expect(days).toBeCloseTo(30, 0);
    }

    // A second start on the same port says why it cannot and fails.
    const second = start(port);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already running on 127\.0\.0\.1:\d+/);

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/Stopped\./);
    expect(await portInUse(port)).toBe(false);
  });
});
