/**
 * `pool pull` benchmark: `npm run bench:pull`. Target (issue #9): pulling a
 * delivery pool of 1,000 stakes takes ≤ 60 s.
 *
 * Setup (timed apart, not part of the figure): a fresh anvil devnet (automine)
 * with the test-only AcceptAllVerifier, one `records` pool for crypto + finance
 * whose delivery key is written by the pool CLI's keygen library, and 1,000
 * holders (fresh keys, anvil_setBalance) that each mint a token for the last
 * finished epoch and stake it with a real sealed envelope. Each holder's week is
 * bench/delivery/week.ts's realistic week (80 domain-days over crypto, finance,
 * news and social, a seed per holder: about 40 records in the pool's categories),
 * committed by src/zk's witness builder in batches of 256 as the extension does
 * (src/background/jobs/delivery.ts: buildWitnessInput, buildDeliveryPayload,
 * sealDelivery to the pool's key under the stake's context). The stake carries
 * the witness's real public outputs (root, points, fingerprint, totalsCommitment,
 * accOut) and a proof-shaped constant: the accept-all verifier does not check it,
 * which is what spares 2,000 Groth16 proofs. `pull` does the same work either
 * way: it never re-verifies the Groth16 proofs (the pool did, on chain, or the
 * stake would not exist); it checks each envelope against the public outputs the
 * stake transaction carried (scripts/lib/pool-pull.ts, src/delivery/verify.ts).
 * Transactions are sent with fixed gas and nonces, without waiting for each
 * receipt, several holders at a time; every receipt is checked afterwards.
 *
 * Measured: the pool CLI itself, `npm run -s pool -- pull … --json`, as an AI
 * developer runs it (process start-up included), wall time from spawn to exit,
 * into a fresh temporary directory. The same run's baseline: pulling a pool of
 * 10 of the same holders' stakes (so a slow machine can be told from a slow
 * change). Then a second pull into the same directory (resume: nothing new),
 * whose files must be byte-identical. Exits non-zero unless every stake verifies
 * and every committed in-category record is in the dataset.
 *
 *   npm run bench:pull                      1,000 stakes
 *   npm run bench:pull -- --stakes 200      another size (the target is judged at 1,000 only)
 *   npm run bench:pull -- --cpu-prof DIR    V8 CPU profiles of the pulls in DIR (node --cpu-prof --import tsx
 *                                           scripts/pool.ts instead of npm; a little slower)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { bytesToHex, createWalletClient, http, keccak256, parseEther, parseUnits, toHex, type Address, type Hash, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { getTransactionReceipt, readContract, writeContract } from 'viem/actions';
import { startDevnet } from '../../scripts/devnet.ts';
import { localChain } from '../../scripts/lib/clients.ts';
import { writeDeployment } from '../../scripts/lib/deployments.ts';
import { writeNewDeliveryKey } from '../../scripts/lib/delivery-key-file.ts';
import { createPool } from '../../src/chain/create-pool.ts';
import { dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { mintSbtCall } from '../../src/chain/mint-sbt.ts';
import { encodePoolMetadata } from '../../src/chain/pool-metadata.ts';
import { readCurrentEpoch } from '../../src/chain/read-current-epoch.ts';
import { stakeIntoPoolCall } from '../../src/chain/stake-into-pool.ts';
import { sbtTokenId } from '../../src/chain/token-id.ts';
import type { BatchProofArgs } from '../../src/chain/types.ts';
import { buildDeliveryPayload, sealDelivery, type RecordsPayload } from '../../src/delivery/index.ts';
import { scoreDomainDays } from '../../src/scoring/score.ts';
import { categoryMask, type CategoryKey } from '../../src/shared/categories.ts';
import { buildWitnessInput, computeNullifier, computeScope, MINT_POOL_ID, type EpochSecrets } from '../../src/zk/index.ts';
import { makeWeek } from './week.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const STAKES = arg('stakes', 1_000);
const CPU_PROF = process.argv.includes('--cpu-prof') ? path.resolve(process.argv[process.argv.indexOf('--cpu-prof') + 1]) : null;
const BASELINE_STAKES = 10;
const TARGET_MS = 60_000; // for 1,000 stakes
/** Holders prepared and sent at once (their transactions overlap; the CPU work does not). */
const CONCURRENCY = 16;
const BATCH_SIZE = 256; // the production circuit's (EpochVerifier256); the accept-all deployment says 0
const DOMAIN_DAYS = 80;
const WEEK_CATEGORIES: CategoryKey[] = ['crypto', 'finance', 'news', 'social'];
const POOL_CATEGORIES: CategoryKey[] = ['crypto', 'finance'];
const MASK = categoryMask(POOL_CATEGORIES);
const MIN_POINTS = 1n;
const GAS = { mint: 600_000n, stake: 2_000_000n };
const FEES = { maxFeePerGas: parseUnits('20', 9), maxPriorityFeePerGas: parseUnits('1', 9) };
/** A proof-shaped constant: the accept-all verifier takes any proof (never valid for a real one). */
const UNCHECKED_PROOF = { a: [1n, 2n], b: [[3n, 4n], [5n, 6n]], c: [7n, 8n] } as const;
const DATASET_FILES = ['records.parquet', 'records.jsonl', 'README.md', 'verification.json'];

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;

/** Holder `i`'s key and vault secrets: deterministic, so every run stakes the same weeks. */
function holderKey(i: number): Hex {
  return keccak256(toHex(`bench:pull holder ${i}`));
}
function holderSecrets(i: number): EpochSecrets {
  return { nullifierSecret: BigInt(keccak256(toHex(`nullifier ${i}`))) >> 8n, vaultSalt: BigInt(keccak256(toHex(`salt ${i}`))) >> 8n };
}

interface PoolRef { address: Address; poolId: bigint }

/** Runs `npm run -s pool -- …` (with --cpu-prof: node itself, profiled) and times it from spawn to exit. */
function runPoolCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const [command, argv] = CPU_PROF
      ? [process.execPath, ['--cpu-prof', '--cpu-prof-dir', CPU_PROF, '--import', 'tsx', 'scripts/pool.ts', ...args]]
      : ['npm', ['run', '-s', 'pool', '--', ...args]];
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, POOL_PRIVATE_KEY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
}

async function main(): Promise<void> {
  const devnet = await startDevnet({ verifier: 'AcceptAllVerifier', accounts: 1 });
  const work = await mkdtemp(path.join(tmpdir(), 'bench-pull-'));
  let failed = false;
  try {
    const chainId = devnet.anvil.chainId;
    const rpcUrl = devnet.anvil.rpcUrl;
    const chain = localChain(chainId, rpcUrl);
    const { dataSbt, poolFactory, testToken } = devnet.deployment.contracts;
    const sbt = dataSbt as Address;
    const deploymentFile = path.join(work, 'deployment.json');
    await writeDeployment(deploymentFile, devnet.deployment);
    const keyFile = path.join(work, 'owner.key');
    const owner = await writeNewDeliveryKey(keyFile);
    const epoch = (await readCurrentEpoch(devnet.test, { sbt })) - 1n;

    const tSetup = performance.now();
    // The pool under test and the baseline's, both records pools for crypto + finance sealed to the same key.
    const now = (await devnet.test.getBlock()).timestamp;
    const makePool = async (name: string): Promise<PoolRef> => {
      const created = await createPool(devnet.signers[0], {
        factory: poolFactory as Address, rewardToken: testToken as Address, budget: parseUnits('1000', 18),
        start: now + 2n, end: now + 14n * 86_400n, categoryMask: MASK, minPoints: MIN_POINTS,
        metadataURI: encodePoolMetadata({
          name, sponsor: 'Helix Markets AI', description: 'A week of crypto and finance browsing, per domain and day.',
          terms: 'Trains a crypto-trading assistant; never resold.', license: 'cc-by-nc-4.0',
        }),
        delivery: { tier: 'records', key: owner.publicKey, reviewPeriod: 3 * 86_400 },
      });
      return { address: created.pool, poolId: created.poolId };
    };
    const pool = await makePool('Crypto records (1,000 stakes)');
    const basePool = await makePool('Crypto records (baseline)');
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });

    /** Holder i's stake into `p`: the real witness for its week, the payload and the sealed envelope. */
    const prepareStake = async (i: number, holder: Address, tokenId: bigint, rows: ReturnType<typeof makeWeek>, p: PoolRef) => {
      const secrets = holderSecrets(i);
      const scope = computeScope({ chainId, verifyingContract: p.address, poolId: p.poolId, epoch, holder });
      const tc = performance.now();
      const witness = buildWitnessInput(rows, { epoch: Number(epoch), categoryMask: MASK, minPoints: MIN_POINTS, scope, secrets, batchSize: BATCH_SIZE });
      const payload = buildDeliveryPayload({
        tier: 'records', commitment: witness.commitment, vaultSalt: secrets.vaultSalt, categoryMask: MASK,
        totalsBlinds: witness.batches.map((b) => b.totalsBlind),
      });
      witnessMs += performance.now() - tc; // synchronous: no other holder's work in it
      const envelope = bytesToHex(await sealDelivery({
        recipientPublicKey: owner.publicKey, context: { chainId, pool: p.address, tokenId, epoch: Number(epoch), holder }, payload,
      }));
      const batches: BatchProofArgs[] = witness.batches.map((b) => ({
        root: b.batch.root, points: b.points, fingerprint: b.fingerprint, totalsCommitment: b.totalsCommitment, accOut: b.accOut, proof: UNCHECKED_PROOF,
      }));
      const records = (payload as RecordsPayload).batches.reduce((n, b) => n + b.records.length, 0);
      return { nullifier: witness.nullifier, batches, envelope, records };
    };

    let witnessMs = 0;
    let envelopeBytes = 0;
    let expectedRecords = 0;
    let expectedBaseRecords = 0;
    const stakeHashes: Hash[] = [];
    const setUpHolder = async (i: number): Promise<void> => {
      const account = privateKeyToAccount(holderKey(i));
      const holder = account.address;
      const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
      await devnet.test.setBalance({ address: holder, value: parseEther('1') });
      const tokenId = sbtTokenId(holder, epoch);
      const rows = makeWeek({ epoch: Number(epoch), domainDays: DOMAIN_DAYS, categories: WEEK_CATEGORIES, seed: 1_000 + i });
      const staked = await prepareStake(i, holder, tokenId, rows, pool);
      const based = i < BASELINE_STAKES ? await prepareStake(i, holder, tokenId, rows, basePool) : null;
      envelopeBytes += (staked.envelope.length - 2) / 2;
      expectedRecords += staked.records;
      expectedBaseRecords += based?.records ?? 0;
      // The mint: the same batch roots (so the SBT's week root is the stake's), the week's points over every
      // category, the mint scope's nullifier. Its proof is not checked on this devnet either.
      const mintScope = computeScope({ chainId, verifyingContract: sbt, poolId: MINT_POOL_ID, epoch, holder });
      const allPoints = BigInt(scoreDomainDays(rows));
      const mint = mintSbtCall({
        sbt, epoch, nullifier: computeNullifier(holderSecrets(i).nullifierSecret, mintScope),
        batches: staked.batches.map((b) => ({ ...b, points: allPoints })),
      });
      const send = (call: object, nonce: number, gas: bigint) =>
        writeContract(wallet, { ...call, account, chain, nonce, gas, ...FEES } as never);
      await send(mint, 0, GAS.mint);
      stakeHashes.push(await send(stakeIntoPoolCall({ pool: pool.address, tokenId, ...staked }), 1, GAS.stake));
      if (based) stakeHashes.push(await send(stakeIntoPoolCall({ pool: basePool.address, tokenId, ...based }), 2, GAS.stake));
    };
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < STAKES) await setUpHolder(next++);
    }));
    // Every stake mined and successful (automine: they are, or are about to be).
    for (let k = 0; k < stakeHashes.length; k += 100) {
      await Promise.all(stakeHashes.slice(k, k + 100).map(async (hash) => {
        for (let attempt = 0; ; attempt++) {
          const receipt = await getTransactionReceipt(devnet.test, { hash }).catch(() => null);
          if (receipt) {
            if (receipt.status !== 'success') throw new Error(`stake ${hash} reverted`);
            return;
          }
          if (attempt > 100) throw new Error(`stake ${hash} was never mined`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }));
    }
    const weight = await readContract(devnet.test, { address: pool.address, abi: dataStakingPoolAbi, functionName: 'totalWeight' });
    const setupMs = performance.now() - tSetup;

    // Measured: the CLI, as an AI developer runs it. One throwaway run first so the module transform cache is warm for all.
    const pull = (p: PoolRef, out: string) =>
      runPoolCli(['pull', '--rpc', rpcUrl, '--deployments', deploymentFile, '--pool', p.address, '--delivery-key', keyFile, '--out', out, '--json']);
    await runPoolCli(['--help']);
    const check = (r: Awaited<ReturnType<typeof pull>>, what: string) => {
      if (r.code !== 0) throw new Error(`${what}: pool pull exited ${r.code}\n${r.stderr}`);
      return JSON.parse(r.stdout) as { stakes: number; verified: number; failed: number; newlyPulled: number };
    };
    const baseOut = path.join(work, 'baseline');
    const base = await pull(basePool, baseOut);
    const baseResult = check(base, 'baseline');
    const out = path.join(work, 'dataset');
    const full = await pull(pool, out);
    const fullResult = check(full, 'pull');
    const filesBefore = await filesOf(out);
    const again = await pull(pool, out);
    const againResult = check(again, 'second pull');
    const filesAfter = await filesOf(out);

    const verification = JSON.parse(filesBefore.get('verification.json')!.toString('utf8')) as { stakes: { verified: boolean }[] };
    const verifiedInFile = verification.stakes.filter((s) => s.verified).length;
    const jsonlRows = filesBefore.get('records.jsonl')!.toString('utf8').split('\n').filter(Boolean).length;
    const baseRows = (await readFile(path.join(baseOut, 'records.jsonl'), 'utf8')).split('\n').filter(Boolean).length;
    const changed = [...new Set([...filesBefore.keys(), ...filesAfter.keys()])].filter((n) => !filesAfter.get(n)?.equals(filesBefore.get(n) ?? Buffer.alloc(0)));
    const sizes = await Promise.all([...filesBefore.keys()].map(async (n) => [n, (await stat(path.join(out, n))).size] as const));
    const missing = DATASET_FILES.filter((n) => !filesBefore.has(n));

    const perSecond = (n: number, ms: number) => `${(n / (ms / 1000)).toFixed(1)} stakes/s`;
    const lines: [string, string][] = [
      ['cores', String(availableParallelism())],
      ['setup (pools, holders, mint + stake, receipts)', `${secs(setupMs)}  (of which witnesses + payloads ${secs(witnessMs)} of CPU; not part of the figure)`],
      ['stakes in the pool', `${fmt(fullResult.stakes)}  (total weight ${weight})`],
      ['envelopes', `${kib(envelopeBytes)} in all, ${fmt(envelopeBytes / STAKES)} B per stake`],
      ['records committed in-category / in the dataset', `${fmt(expectedRecords)} / ${fmt(jsonlRows)}${expectedRecords === jsonlRows ? '' : '  DIFFERENT'}`],
      ['verified (CLI / verification.json)', `${fmt(fullResult.verified)} / ${fmt(verifiedInFile)} of ${fmt(STAKES)}${fullResult.verified === STAKES && verifiedInFile === STAKES ? '' : '  NOT ALL'}`],
      [`baseline: pull of ${BASELINE_STAKES} stakes`, `${secs(base.ms)}  (${baseResult.verified} verified, ${baseRows} records)  ← same run`],
      [`pull of ${fmt(STAKES)} stakes`, `${secs(full.ms)}  ${perSecond(STAKES, full.ms)}  (${(full.ms / base.ms).toFixed(1)}× the baseline)`],
      ['target (1,000 stakes)', STAKES === 1_000 ? `≤ ${secs(TARGET_MS)}${full.ms <= TARGET_MS ? '  met' : '  MISSED'}` : `≤ ${secs(TARGET_MS)}: not judged at ${fmt(STAKES)} stakes`],
      ['second pull, same dir (resume: nothing new)', `${secs(again.ms)}  (${againResult.newlyPulled} new; files ${changed.length === 0 ? 'byte-identical' : `CHANGED: ${changed.join(', ')}`})`],
      ...sizes.map(([n, size]): [string, string] => [`  ${n}`, kib(size)]),
    ];
    const width = Math.max(...lines.map(([k]) => k.length));
    console.log(`pool pull benchmark: npm run -s pool -- pull (the CLI process, start-up included) on anvil`);
    console.log('AcceptAllVerifier devnet: the stakes\' Groth16 proofs are accepted without checking (no proving needed);');
    console.log('pull does the same work either way: it never re-verifies proofs, it checks each envelope against the');
    console.log('public outputs (root, fingerprint, totalsCommitment, points) of the stake, which here are the real ones.');
    for (const [k, v] of lines) console.log(`  ${k.padEnd(width)}  ${v}`);

    if (fullResult.verified !== STAKES || verifiedInFile !== STAKES || fullResult.stakes !== STAKES) {
      console.error(`not every stake verified: ${fullResult.verified} of ${STAKES}`);
      failed = true;
    }
    if (baseResult.verified !== BASELINE_STAKES || baseRows !== expectedBaseRecords) {
      console.error(`the baseline pull is wrong: ${baseResult.verified} verified, ${baseRows} records (expected ${expectedBaseRecords})`);
      failed = true;
    }
    if (expectedRecords !== jsonlRows) {
      console.error(`the dataset holds ${jsonlRows} records, the envelopes ${expectedRecords}`);
      failed = true;
    }
    if (againResult.newlyPulled !== 0 || changed.length > 0 || missing.length > 0) {
      console.error(`the second pull is not a no-op: ${againResult.newlyPulled} new, changed ${changed.join(', ') || 'none'}, missing ${missing.join(', ') || 'none'}`);
      failed = true;
    }
  } finally {
    await devnet.stop();
    await rm(work, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
