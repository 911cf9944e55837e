/**
 * Pool CLI for AI developers: create, fund, list and show data-staking pools.
 *
 *   npm run pool -- create --categories crypto,finance --budget 1000 --end +7d \
 *       --min-points 10 --name "DeFi intent" --sponsor "Acme AI" --description "…" [--token 0x…] [--start now]
 *   npm run pool -- fund --pool 1 --amount 250
 *   npm run pool -- list
 *   npm run pool -- show --pool 1
 *   npm run pool -- sweep --pool 1      # sponsor, after the end
 *
 * Common options: --rpc (default http://127.0.0.1:8545), --deployments (default
 * deployments/<chainId>.json), --json. The signing key comes from --key-file FILE
 * (chmod 600) or POOL_PRIVATE_KEY, never from an argument;
 * on the devnet (chain 31337) only, it defaults to anvil's first account.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createPublicClient, createWalletClient, formatUnits, http, parseUnits, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createPool } from '../src/chain/create-pool.ts';
import { fundPool } from '../src/chain/fund-pool.ts';
import { sweepPool } from '../src/chain/sweep-pool.ts';
import { listPools, readPoolAddress, readPoolCount } from '../src/chain/list-pools.ts';
import { readPool, type PoolInfo } from '../src/chain/read-pool.ts';
import { decodePoolMetadata, encodePoolMetadata } from '../src/chain/pool-metadata.ts';
import { readTokenMetadata } from '../src/chain/read-token-metadata.ts';
import { categoriesInMask, categoryMask } from '../src/shared/categories.ts';
import { ANVIL_KEY_0, localChain } from './lib/clients.ts';
import { DEVNET_CHAIN_ID } from './lib/anvil.ts';
import { deploymentPath, readDeployment } from './lib/deployments.ts';
import { keyOnCommandLine, loadSigningAccount } from './lib/signing-key.ts';
import { createSchema, durationSeconds, fundSchema, keygenSchema, listSchema, pullSchema, rejectSchema, showSchema, sweepSchema } from './lib/pool-args.ts';
import { readDeliveryKey, writeNewDeliveryKey } from './lib/delivery-key-file.ts';
import { pullPool } from './lib/pool-pull.ts';
import { rejectDelivery } from '../src/chain/reject-delivery.ts';

const USAGE = `usage: npm run pool -- <keygen|create|fund|list|show|sweep|pull|reject> [options]
  keygen --out FILE                   a delivery key pair (X25519), written 0600; prints the public key
  create --categories crypto,finance --budget 1000 --end +7d --name NAME --sponsor WHO
         [--start now] [--min-points 1] [--description TEXT] [--token 0x…]
         [--delivery records|totals|none --delivery-key FILE --terms TEXT [--review 7d] [--license ID]]
  fund   --pool ID|0x… --amount 250
  list
  show   --pool ID|0x…
  sweep  --pool ID|0x… [--to 0x…]     (sponsor, after the end: rewards nobody earned)
  pull   --pool ID|0x… --delivery-key FILE --out DIR   decrypt, verify and write the dataset
  reject --pool ID|0x… --token ID [--reason CODE]      (sponsor, within the review period)
  common: --rpc URL  --deployments FILE  --json  --key-file FILE   (or env POOL_PRIVATE_KEY)`;

class UsageError extends Error {}

/** A user's mistake found while loading a file (key file): reported as usage, nothing sent. */
const usage = (err: unknown): never => {
  throw new UsageError(err instanceof Error ? err.message : String(err));
};

function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return parsed.data;
}

async function connect(common: { rpc: string; deployments?: string; 'key-file'?: string }) {
  const probe = createPublicClient({ transport: http(common.rpc) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (err) {
    throw new Error(`Cannot reach ${common.rpc}: is the devnet running (npm run devnet)?`, { cause: err });
  }
  const deployment = await readDeployment(common.deployments ?? deploymentPath(chainId));
  if (deployment.chainId !== chainId) throw new Error(`Deployment file is for chain ${deployment.chainId}, RPC is chain ${chainId}.`);
  const chain = localChain(chainId, common.rpc);
  const reader = createPublicClient({ chain, transport: http(common.rpc) });
  // A bad key only matters to commands that sign: `list` and `show` still work.
  const loaded = await loadSigningAccount({ keyFile: common['key-file'], envVar: 'POOL_PRIVATE_KEY' }).catch((err: unknown) => err as Error);
  const signer = () => {
    if (loaded instanceof Error) throw new UsageError(loaded.message);
    const account = loaded ?? (chainId === DEVNET_CHAIN_ID ? privateKeyToAccount(ANVIL_KEY_0) : null);
    if (!account) throw new UsageError('Pass --key-file FILE or set POOL_PRIVATE_KEY (0x + 64 hex digits) to sign on this chain.');
    return createWalletClient({ account, chain, transport: http(common.rpc) });
  };
  return { chainId, deployment, reader, signer };
}

type Conn = Awaited<ReturnType<typeof connect>>;

const tokenMeta = (conn: Conn, token: Address) => readTokenMetadata(conn.reader, { token });

async function resolvePool(conn: Conn, ref: Address | number): Promise<Address> {
  if (typeof ref === 'string') return ref;
  const factory = conn.deployment.contracts.poolFactory as Address;
  const count = await readPoolCount(conn.reader, { factory });
  if (BigInt(ref) > count) throw new UsageError(`No pool ${ref}: the factory has ${count} pool(s).`);
  return readPoolAddress(conn.reader, { factory, index: BigInt(ref - 1) });
}

async function describePool(conn: Conn, p: PoolInfo) {
  const { decimals, symbol } = await tokenMeta(conn, p.rewardToken);
  const meta = decodePoolMetadata(p.metadataURI);
  return {
    id: Number(p.poolId),
    address: p.address,
    name: meta?.name ?? '(unnamed)',
    sponsor: meta?.sponsor ?? p.sponsor,
    description: meta?.description ?? '',
    sponsorAddress: p.sponsor,
    categories: categoriesInMask(p.categoryMask),
    minPoints: Number(p.minPoints),
    start: new Date(Number(p.start) * 1000).toISOString(),
    end: new Date(Number(p.end) * 1000).toISOString(),
    rewardToken: p.rewardToken,
    funded: `${formatUnits(p.funded, decimals)} ${symbol}`,
    allocated: `${formatUnits(p.allocated, decimals)} ${symbol}`,
    totalWeight: p.totalWeight.toString(),
    delivery: p.deliveryTier,
    ...(p.deliveryTier === 'none' ? {} : { deliveryKey: p.deliveryKey, reviewSeconds: p.reviewPeriod, terms: meta?.terms ?? '' }),
  };
}

function print(json: boolean, value: unknown, text: () => string): void {
  console.log(json ? JSON.stringify(value, null, 2) : text());
}

async function run(command: string | undefined, values: Record<string, unknown>): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  switch (command) {
    case 'create': {
      const a = validate(createSchema(now), values);
      const conn = await connect(a);
      const token = a.token ?? (conn.deployment.contracts.testToken as Address | undefined);
      if (!token) throw new UsageError('--token is required on a chain without a TestToken.');
      const { decimals, symbol } = await tokenMeta(conn, token);
      const created = await createPool(conn.signer(), {
        factory: conn.deployment.contracts.poolFactory as Address,
        rewardToken: token,
        budget: parseUnits(a.budget, decimals),
        start: BigInt(a.start),
        end: BigInt(a.end),
        categoryMask: categoryMask(a.categories),
        minPoints: BigInt(a['min-points']),
        metadataURI: encodePoolMetadata({
          name: a.name, sponsor: a.sponsor, description: a.description,
          ...(a.terms ? { terms: a.terms } : {}), ...(a.license ? { license: a.license } : {}),
        }),
        delivery: a.delivery === 'none'
          ? { tier: 'none' }
          : { tier: a.delivery, key: (await readDeliveryKey(a['delivery-key']!).catch(usage)).publicKey, reviewPeriod: durationSeconds(a.review) },
      });
      const result = { poolId: Number(created.poolId), pool: created.pool, tx: created.hash };
      return print(a.json, result, () => `Created pool ${result.poolId} at ${result.pool} with ${a.budget} ${symbol} for ${a.categories.join(', ')} (tx ${result.tx}).`);
    }
    case 'fund': {
      const a = validate(fundSchema, values);
      const conn = await connect(a);
      const pool = await resolvePool(conn, a.pool);
      const { decimals, symbol } = await tokenMeta(conn, (await readPool(conn.reader, { pool })).rewardToken);
      const tx = await fundPool(conn.signer(), { pool, amount: parseUnits(a.amount, decimals) });
      return print(a.json, { pool, tx: tx.hash }, () => `Added ${a.amount} ${symbol} to ${pool} (tx ${tx.hash}).`);
    }
    case 'list': {
      const a = validate(listSchema, values);
      const conn = await connect(a);
      const pools = await listPools(conn.reader, { factory: conn.deployment.contracts.poolFactory as Address });
      const rows = await Promise.all(pools.map((p) => describePool(conn, p)));
      return print(a.json, rows, () =>
        rows.length === 0
          ? 'No pools yet. Create one with: npm run pool -- create --help'
          : rows.map((r) => `#${r.id} ${r.name} (${r.sponsor}) ${r.categories.join(',')} min ${r.minPoints} · ${r.funded} · ends ${r.end} · ${r.address}`).join('\n'),
      );
    }
    case 'show': {
      const a = validate(showSchema, values);
      const conn = await connect(a);
      const row = await describePool(conn, await readPool(conn.reader, { pool: await resolvePool(conn, a.pool) }));
      return print(a.json, row, () => Object.entries(row).map(([k, v]) => `${k.padEnd(14)} ${Array.isArray(v) ? v.join(', ') : v}`).join('\n'));
    }
    case 'sweep': {
      const a = validate(sweepSchema, values);
      const conn = await connect(a);
      const pool = await resolvePool(conn, a.pool);
      const { decimals, symbol } = await tokenMeta(conn, (await readPool(conn.reader, { pool })).rewardToken);
      const swept = await sweepPool(conn.signer(), { pool, to: a.to });
      const amount = formatUnits(swept.amount, decimals);
      return print(a.json, { pool, amount, tx: swept.hash }, () => `Swept ${amount} ${symbol} from ${pool} (tx ${swept.hash}).`);
    }
    case 'keygen': {
      const a = validate(keygenSchema, values);
      const key = await writeNewDeliveryKey(a.out).catch(usage);
      return print(a.json, { publicKey: key.publicKey, file: a.out }, () =>
        `Wrote a delivery key to ${a.out} (0600; keep it: deliveries are sealed to it).\nPublic key: ${key.publicKey}\nUse it with: npm run pool -- create --delivery records --delivery-key ${a.out} …`);
    }
    case 'pull': {
      const a = validate(pullSchema, values);
      const key = await readDeliveryKey(a['delivery-key']).catch(usage);
      const conn = await connect(a);
      const pool = await resolvePool(conn, a.pool);
      const result = await pullPool({
        reader: conn.reader as never, chainId: conn.chainId, pool, sbt: conn.deployment.contracts.dataSbt as Address, key, out: a.out,
        onProgress: (done, total, stake) => {
          if (!a.json) process.stderr.write(`pull: ${done}/${total} token ${stake.token} ${stake.verified ? 'verified' : `NOT verified (${stake.reason})`}\n`);
        },
      });
      return print(a.json, result, () =>
        `Pulled ${result.stakes} stake(s) of ${pool} (${result.newlyPulled} new): ${result.verified} verified, ${result.failed} not.\n` +
        Object.values(result.files).map((f) => `  ${f}`).join('\n') +
        (result.failed ? `\nverification.json says why; reject within the review period: npm run pool -- reject --pool ${pool} --token ID` : ''));
    }
    case 'reject': {
      const a = validate(rejectSchema, values);
      const conn = await connect(a);
      const pool = await resolvePool(conn, a.pool);
      const rejected = await rejectDelivery(conn.signer(), { pool, tokenId: a.token, reason: a.reason });
      return print(a.json, { pool, token: a.token.toString(), tx: rejected.hash, forfeited: rejected.forfeited.toString() }, () =>
        `Rejected the delivery of token ${a.token} in ${pool} (tx ${rejected.hash}); its rewards go to no one.`);
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'Missing command.');
  }
}

async function main(): Promise<void> {
  const keyArg = keyOnCommandLine(process.argv.slice(2));
  if (keyArg) throw new UsageError(`${keyArg} is refused: pass the key with --key-file FILE (chmod 600) or POOL_PRIVATE_KEY, never as an argument.`);
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        rpc: { type: 'string' }, deployments: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' },
        'key-file': { type: 'string' },
        categories: { type: 'string' }, budget: { type: 'string' }, token: { type: 'string' }, start: { type: 'string' },
        end: { type: 'string' }, 'min-points': { type: 'string' }, name: { type: 'string' }, sponsor: { type: 'string' },
        description: { type: 'string' }, pool: { type: 'string' }, amount: { type: 'string' }, to: { type: 'string' },
        delivery: { type: 'string' }, 'delivery-key': { type: 'string' }, review: { type: 'string' }, terms: { type: 'string' },
        license: { type: 'string' }, out: { type: 'string' }, reason: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.values.help) return console.log(USAGE);
  const { help: _help, ...values } = parsed.values;
  await run(parsed.positionals[0], values);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`pool: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`pool: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
