/**
 * The three demo pools `npm start` creates on the devnet, each the kind of AI
 * developer the project is for. They are created with the pool CLI itself
 * (`npm run pool -- create …` as a subprocess), exactly as a developer would,
 * so `npm start` also exercises the CLI end to end.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { CategoryKey } from '../../src/shared/categories.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface DemoPool {
  name: string;
  sponsor: string;
  description: string;
  categories: readonly CategoryKey[];
  /** Whole TestTokens (SURFT). */
  budget: string;
  /** CLI time syntax: the pools run from now for 30 days. */
  end: string;
  minPoints: number;
}

export const DEMO_POOLS: readonly DemoPool[] = [
  {
    name: 'Crypto trading signals',
    sponsor: 'Helix Markets AI',
    description:
      'Helix trains a crypto-trading assistant on what active traders really read: exchanges, charts, on-chain dashboards and market news. Stake a week of crypto and finance browsing to share the budget.',
    categories: ['crypto', 'finance'],
    budget: '50000',
    end: '+30d',
    minPoints: 1,
  },
  {
    name: 'NFT collection manager',
    sponsor: 'Gallery Mind Labs',
    description:
      'An assistant that watches collections, floor prices and upcoming mints for NFT holders. It learns which marketplaces and collection pages collectors spend their time on.',
    categories: ['nft'],
    budget: '20000',
    end: '+30d',
    minPoints: 1,
  },
  {
    name: 'Election forecast panel',
    sponsor: 'Civic Forecast AI',
    description:
      'A political-forecasting model that weighs what people read before they decide: news sites, politics coverage and the social feeds where it is argued about.',
    categories: ['news', 'politics', 'social'],
    budget: '30000',
    end: '+30d',
    minPoints: 1,
  },
];

/** The CLI arguments that create `pool` on the chain at `rpcUrl`. */
export function createPoolArgs(pool: DemoPool, rpcUrl: string): string[] {
  return [
    'run', '--silent', 'pool', '--', 'create', '--json', '--rpc', rpcUrl,
    '--name', pool.name, '--sponsor', pool.sponsor, '--description', pool.description,
    '--categories', pool.categories.join(','), '--budget', pool.budget,
    '--start', 'now', '--end', pool.end, '--min-points', String(pool.minPoints),
  ];
}

export interface CreatedPool {
  poolId: number;
  pool: string;
  tx: string;
}

/** Runs `npm <args>` in the repository; resolves with stdout, rejects with stderr on a non-zero exit. */
function npm(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve(stdout) : reject(new Error(`npm ${args.slice(0, 5).join(' ')} … exited with ${code ?? signal}: ${stderr.trim()}`)),
    );
  });
}

/**
 * Creates and funds every demo pool, one after the other (they share the
 * devnet's first account, so their transactions must not race for a nonce).
 * POOL_PRIVATE_KEY is cleared so the CLI signs with that account, whatever the
 * caller's environment holds.
 */
export async function createDemoPools(rpcUrl: string, pools: readonly DemoPool[] = DEMO_POOLS): Promise<CreatedPool[]> {
  const env = { ...process.env, POOL_PRIVATE_KEY: '' };
  const created: CreatedPool[] = [];
  for (const pool of pools) {
    const stdout = await npm(createPoolArgs(pool, rpcUrl), env);
    created.push(JSON.parse(stdout) as CreatedPool);
  }
  return created;
}
