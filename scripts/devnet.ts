/**
 * The local devnet: anvil on 127.0.0.1 (chain 31337, fixed mnemonic) with every
 * contract deployed.
 *
 *   npm run devnet                       # port 8545, writes deployments/31337.json, runs until Ctrl-C
 *   npm run devnet -- --verifier EpochVerifier8 --port 8546 --no-write
 *
 * As a library (tests, benchmarks): `startDevnet()` starts anvil on a free port,
 * deploys and returns clients for anvil's accounts; `stop()` ends anvil.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { startAnvil, DEVNET_CHAIN_ID, DEVNET_PORT, type AnvilInstance } from './lib/anvil.ts';
import { anvilAccount, signerClient, testClient } from './lib/clients.ts';
import { deployAll, defaultVerifier } from './lib/deploy.ts';
import { deploymentPath, writeDeployment, VERIFIER_NAMES, type Deployment, type VerifierName } from './lib/deployments.ts';

export interface DevnetOptions {
  port?: number;
  chainId?: number;
  verifier?: VerifierName;
  /** How many anvil accounts get clients and TestToken (default 4). */
  accounts?: number;
  /** TestToken minted to each account (default 1,000,000 tokens). */
  testTokenMint?: bigint;
  verbose?: boolean;
}

export interface Devnet {
  anvil: AnvilInstance;
  deployment: Deployment;
  /** Signer clients for anvil accounts 0..n-1 (account 0 deployed everything). */
  signers: ReturnType<typeof signerClient>[];
  test: ReturnType<typeof testClient>;
  stop(): Promise<void>;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const anvil = await startAnvil({ port: options.port ?? 0, chainId: options.chainId ?? DEVNET_CHAIN_ID, verbose: options.verbose });
  try {
    const count = options.accounts ?? 4;
    const signers = Array.from({ length: count }, (_, i) => signerClient(anvil.chainId, anvil.rpcUrl, anvilAccount(i)));
    const deployment = await deployAll(signers[0], {
      verifier: options.verifier ?? defaultVerifier(),
      testTokenHolders: signers.map((s) => s.account.address),
      testTokenMint: options.testTokenMint,
    });
    return { anvil, deployment, signers, test: testClient(anvil.chainId, anvil.rpcUrl), stop: () => anvil.stop() };
  } catch (err) {
    await anvil.stop();
    throw err;
  }
}

const ArgsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65_535).default(DEVNET_PORT),
  verifier: z.enum(VERIFIER_NAMES).optional(),
  write: z.boolean().default(true),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, verifier: { type: 'string' }, 'no-write': { type: 'boolean' } },
  });
  const parsed = ArgsSchema.safeParse({ port: values.port, verifier: values.verifier, write: !values['no-write'] });
  if (!parsed.success) {
    console.error(`devnet: ${z.prettifyError(parsed.error)}\nusage: npm run devnet -- [--port 8545] [--verifier ${VERIFIER_NAMES.join('|')}] [--no-write]`);
    process.exit(2);
  }
  if (parsed.data.write && parsed.data.verifier === 'AcceptAllVerifier') {
    console.error('devnet: AcceptAllVerifier accepts any proof and is for tests only; add --no-write to use it anyway.');
    process.exit(2);
  }
  const devnet = await startDevnet({ port: parsed.data.port, verifier: parsed.data.verifier });
  const { deployment } = devnet;
  if (parsed.data.write) await writeDeployment(deploymentPath(deployment.chainId), deployment);
  console.log(`Devnet on ${devnet.anvil.rpcUrl} (chain ${deployment.chainId}), verifier ${deployment.verifier.contract}`);
  for (const [name, address] of Object.entries(deployment.contracts)) console.log(`  ${name.padEnd(12)} ${address}`);
  if (parsed.data.write) console.log(`Wrote ${deploymentPath(deployment.chainId)}. Ctrl-C to stop.`);
  const shutdown = () => void devnet.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
