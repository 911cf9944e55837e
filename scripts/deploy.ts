/**
 * Deploy the contracts to any EVM chain at their deterministic CREATE2 addresses.
 *
 *   npm run deploy -- --rpc https://sepolia.base.org --key-file ~/.surf/deployer.key --chain-id 84532
 *   SURF_DEPLOYER_KEY=0x… npm run deploy -- --rpc URL --yes
 *
 * Order: key, connect, chain id, proxy, plan (reuse or deploy, with gas), balance,
 * show the plan and its cost, ask, send, write deployments/<chainId>.json. Every
 * check before "ask" only reads, so a failure there has sent nothing. Re-running is
 * safe: what is already deployed is reused. Exit 2: bad arguments; 1: anything else.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createPublicClient, createWalletClient, formatEther, formatGwei, http, publicActions } from 'viem';
import { estimateFeesPerGas, getBalance, getChainId, getGasPrice } from 'viem/actions';
import { z } from 'zod';
import { localChain } from './lib/clients.ts';
import { deployCreate2Proxy, missingProxyHelp, PROXY_FUNDING_GAS } from './lib/create2-proxy.ts';
import { CREATE2_PROXY, CREATE2_PROXY_DEPLOY_COST } from './lib/create2.ts';
import { chainLabel, DEPLOY_KEY_ENV, DEPLOY_OPTIONS, DEPLOY_USAGE, deployArgsSchema, testTokenDecision, type DeployArgs } from './lib/deploy-args.ts';
import { contractSpecs, deploymentRecord, executePlan, hasCreate2Proxy, MINT_GAS_ESTIMATE, planDeployment, productionVerifier, type DeploymentPlan } from './lib/deploy-plan.ts';
import { TEST_TOKEN_MINT } from './lib/deploy.ts';
import { findDeploymentBlock } from './lib/deployment-block.ts';
import { DEPLOYMENTS_DIR, readDeployment, writeDeployment } from './lib/deployments.ts';
import { keyOnCommandLine, loadSigningAccount } from './lib/signing-key.ts';

class UsageError extends Error {}
/** A check failed before anything was sent. */
class StopError extends Error {}

function parse(argv: string[]): DeployArgs | 'help' {
  const keyArg = keyOnCommandLine(argv);
  if (keyArg) throw new UsageError(`${keyArg} is refused: a key on the command line ends up in shell history and process lists. Use --key-file FILE (chmod 600) or the ${DEPLOY_KEY_ENV} environment variable.`);
  let values;
  try {
    values = parseArgs({ args: argv, options: DEPLOY_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  if (values['test-token'] && values['no-test-token']) throw new UsageError('--test-token and --no-test-token contradict each other.');
  const { 'no-test-token': noToken, help: _help, ...rest } = values;
  const parsed = deployArgsSchema.safeParse({ ...rest, 'test-token': noToken ? false : rest['test-token'] });
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return parsed.data;
}

async function confirm(yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) throw new StopError('Not asking without a terminal: nothing was sent. Pass --yes to deploy from a script.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question('Send these transactions? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}

function describePlan(plan: DeploymentPlan): string[] {
  const lines = plan.contracts.map((c) => `  ${c.action === 'reuse' ? 'reuse ' : 'deploy'} ${c.name.padEnd(17)} ${c.address}${c.gas ? `  ~${c.gas} gas` : ''}`);
  for (const m of plan.mints) lines.push(`  mint   ${formatEther(m.amount)} SURFT to ${m.to}  ~${MINT_GAS_ESTIMATE} gas (assumed)`);
  return lines;
}

async function run(args: DeployArgs): Promise<void> {
  const account = await loadSigningAccount({ keyFile: args['key-file'], envVar: DEPLOY_KEY_ENV });
  if (!account) throw new UsageError(`No deployer key: pass --key-file FILE or set ${DEPLOY_KEY_ENV}.`);

  const transport = http(args.rpc, { retryCount: 0, timeout: 15_000 });
  // Provider URLs often carry an API key in the path: print the origin only.
  const rpcOrigin = new URL(args.rpc).origin;
  let chainId: number;
  try {
    chainId = await getChainId(createPublicClient({ transport }));
  } catch (err) {
    throw new StopError(`Cannot reach ${rpcOrigin} (${(err as Error).message.split('\n')[0]}). Nothing was sent.`, { cause: err });
  }
  if (args['chain-id'] !== undefined && args['chain-id'] !== chainId) {
    throw new StopError(`${rpcOrigin} serves chain ${chainLabel(chainId)}, not ${chainLabel(args['chain-id'])} as --chain-id expects. Nothing was sent.`);
  }
  const token = testTokenDecision(chainId, args['test-token']);
  if ('refuse' in token) throw new StopError(token.refuse);
  const client = createWalletClient({ account, chain: localChain(chainId, args.rpc), transport }).extend(publicActions);
  const verifier = args.verifier ?? productionVerifier();
  console.log(`Chain ${chainLabel(chainId)} at ${rpcOrigin}; deployer ${account.address}; verifier ${verifier}.`);

  const needsProxy = !(await hasCreate2Proxy(client));
  if (needsProxy && !args['deploy-proxy']) throw new StopError(missingProxyHelp(chainLabel(chainId)));
  const specs = contractSpecs({ verifier, testTokenOwner: token.deploy ? account.address : undefined });
  const balance = await getBalance(client, { address: account.address });
  const plan = await planDeployment(client, { specs, from: account.address, mintTo: [account.address], mintAmount: TEST_TOKEN_MINT, assumeProxy: needsProxy });
  const outDir = path.resolve(args['deployments-dir'] ?? DEPLOYMENTS_DIR);
  const outFile = path.join(outDir, `${chainId}.json`);
  const toSend = needsProxy || plan.contracts.some((c) => c.action === 'deploy') || plan.mints.length > 0;

  if (needsProxy) console.log(`  deploy CREATE2 proxy       ${CREATE2_PROXY}  (${formatEther(CREATE2_PROXY_DEPLOY_COST)} ETH to its one-time signer)`);
  for (const line of describePlan(plan)) console.log(line);
  if (toSend) {
    if (balance === 0n) throw new StopError(`The deployer ${account.address} has no ETH on chain ${chainLabel(chainId)}. Fund it first. Nothing was sent.`);
    const [gasPrice, fees] = await Promise.all([getGasPrice(client), estimateFeesPerGas(client).catch(() => null)]);
    const maxFee = fees?.maxFeePerGas ?? gasPrice;
    const gas = plan.gas + (needsProxy ? PROXY_FUNDING_GAS : 0n);
    const extra = needsProxy ? CREATE2_PROXY_DEPLOY_COST : 0n;
    const cost = gas * gasPrice + extra;
    const worst = gas * maxFee + extra;
    console.log(`Estimated cost: ${gas} gas × ${formatGwei(gasPrice)} gwei = ${formatEther(cost)} ETH (at most ${formatEther(worst)} ETH); balance ${formatEther(balance)} ETH.`);
    if (balance < worst) {
      throw new StopError(`The deployer's balance ${formatEther(balance)} ETH is below the estimated ${formatEther(worst)} ETH. Nothing was sent.`);
    }
    if (!(await confirm(args.yes))) throw new StopError('Cancelled: nothing was sent.');
    if (needsProxy) {
      await deployCreate2Proxy(client);
      console.log(`  deployed CREATE2 proxy       ${CREATE2_PROXY}`);
    }
  } else {
    console.log('Everything is already deployed: nothing to send.');
  }

  const executed = await executePlan(client, plan, (line) => console.log(line));
  const previous = existsSync(outFile) ? await readDeployment(outFile).catch(() => null) : null;
  const draft = deploymentRecord(chainId, verifier, executed, 0);
  const found = executed.firstBlock !== null ? { block: Number(executed.firstBlock) } : await findDeploymentBlock(client, draft.contracts, previous);
  if (found.note) console.log(`Note: ${found.note}.`);
  await writeDeployment(outFile, { ...draft, deploymentBlock: found.block });
  console.log(`Wrote ${outFile} (${executed.transactions.length} transaction(s) sent).`);
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  if (args === 'help') return console.log(DEPLOY_USAGE);
  await run(args);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`deploy: ${err.message}\n\n${DEPLOY_USAGE}`);
    process.exit(2);
  }
  console.error(`deploy: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
