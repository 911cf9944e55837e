/**
 * Start and stop a local anvil (npm @foundry-rs/anvil) for the devnet, tests and
 * benchmarks. Always the same mnemonic, so accounts and (on a fresh chain) contract
 * addresses are deterministic.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { DEVNET_CHAIN_ID } from '../../src/shared/network.ts';

export { DEVNET_CHAIN_ID };
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
export const DEVNET_PORT = 8545;

const NODE_MODULES = path.resolve(import.meta.dirname, '../../node_modules');
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The platform binary itself: the .bin/anvil wrapper is a second node process that signals would have to cross. */
function anvilBinary(): string {
  const native = path.join(NODE_MODULES, `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}/bin/anvil`);
  return existsSync(native) ? native : path.join(NODE_MODULES, '.bin/anvil');
}

export interface AnvilOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  chainId?: number;
  /** Print anvil's own log (the devnet does, tests do not). */
  verbose?: boolean;
  /** false: start without the predeployed CREATE2 proxy (tests of a chain that lacks it). */
  create2Proxy?: boolean;
  /** Seconds between blocks (a public chain's steady blocks); default: a block per transaction (automine). */
  blockTime?: number;
}

export interface AnvilInstance {
  rpcUrl: string;
  port: number;
  chainId: number;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The chain id a node on `rpcUrl` reports, or null when it does not answer JSON-RPC (e.g. not listening yet). */
export async function rpcChainId(rpcUrl: string): Promise<number | null> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(3_000),
    });
    const body = (await res.json()) as { result?: string };
    return typeof body.result === 'string' ? Number(BigInt(body.result)) : null;
  } catch {
    return null;
  }
}

async function rpcReady(rpcUrl: string): Promise<boolean> {
  return (await rpcChainId(rpcUrl)) !== null;
}

/** Start anvil on 127.0.0.1 and resolve once its RPC answers. */
export async function startAnvil(options: AnvilOptions = {}): Promise<AnvilInstance> {
  const port = options.port || (await freePort());
  const chainId = options.chainId ?? DEVNET_CHAIN_ID;
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--mnemonic', ANVIL_MNEMONIC];
  if (options.create2Proxy === false) args.push('--disable-default-create2-deployer');
  if (options.blockTime) args.push('--block-time', String(options.blockTime));
  const child: ChildProcess = spawn(anvilBinary(), args, {
    stdio: options.verbose ? 'inherit' : ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  // Never leave an anvil behind when this process exits normally.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  let dead = false;
  void exited.then(() => (dead = true));
  while (!(await rpcReady(rpcUrl))) {
    if (dead) throw new Error(`anvil exited before it was ready on port ${port}: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`anvil did not answer on ${rpcUrl} within 20 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stop = async () => {
    if (dead) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };
  return { rpcUrl, port, chainId, stop };
}

async function rpc(rpcUrl: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message?: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message ?? 'failed'}`);
  return body.result;
}

/**
 * Stops anvil keeping its chain (`anvil_dumpState`: accounts, code, storage,
 * blocks; not the pending pool): a node that goes down. The returned function
 * starts it again on the same port with that chain (`anvil_loadState`), its
 * clock going on from the last block (one empty block is mined at last + 1 s;
 * a loaded state would otherwise restart at the wall clock). `chainId` starts it as another chain with the same
 * state (a node that answers with the wrong chain id).
 */
export async function stopKeepingState(instance: AnvilInstance): Promise<(options?: { chainId?: number }) => Promise<AnvilInstance>> {
  const state = await rpc(instance.rpcUrl, 'anvil_dumpState');
  const last = (await rpc(instance.rpcUrl, 'eth_getBlockByNumber', ['latest', false])) as { timestamp: string };
  await instance.stop();
  return async (options = {}) => {
    const restarted = await startAnvil({ port: instance.port, chainId: options.chainId ?? instance.chainId });
    await rpc(restarted.rpcUrl, 'anvil_loadState', [state]);
    await rpc(restarted.rpcUrl, 'evm_setNextBlockTimestamp', [Number(BigInt(last.timestamp)) + 1]);
    await rpc(restarted.rpcUrl, 'evm_mine');
    return restarted;
  };
}
