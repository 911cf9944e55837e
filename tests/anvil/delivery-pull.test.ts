/**
 * The owner's data kit against a real devnet with real proofs (#9): delivery
 * pools created with the pool CLI and a key from `pool keygen`; stakes carry
 * envelopes sealed as the extension seals them (src/background/jobs/delivery.ts
 * does the same steps); `pool pull` decrypts, verifies and writes the dataset;
 * each kind of tampering is caught and rejectable on chain with `pool reject`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bytesToHex, type Address, type Hex } from 'viem';
import { readContract } from 'viem/actions';
import { writeDeployment } from '../../scripts/lib/deployments.ts';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { buildDeliveryPayload, sealDelivery, type DeliveryPayload, type RecordsPayload } from '../../src/delivery/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { buildWitnessInput, computeScope, type DomainDayRow } from '../../src/zk/index.ts';
import { computeTotals, isSelected } from '../../src/zk/fingerprint.ts';
import { lastFinishedEpoch, setupDevnet, type Devnet } from './helpers.ts';
import { makeMintProof, makeProof, requireArtifacts, SECRETS } from './real-proofs.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const MASK = categoryMask(['crypto', 'finance']);

let devnet: Devnet;
let dir: string;
let common: string[];
let epoch: bigint;
let sbt: Address;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/pool.ts', ...args], { cwd: ROOT, env: { ...process.env, POOL_PRIVATE_KEY: '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A week for holder `i`: crypto, finance and news domain-days (news is outside the pools' mask). */
function weekRows(i: number): DomainDayRow[] {
  const first = Number(epoch) * 7;
  return [
    { domain: `coins${i}.example`, day: first, category: 1, activeSeconds: 4_000 + i * 10, visits: 6, interactions: 120 },
    { domain: 'markets.example', day: first + 1, category: 6, activeSeconds: 1_200 + i, visits: 3, interactions: 30 },
    { domain: 'daily.example', day: first + 2, category: 3, activeSeconds: 900, visits: 2, interactions: 12 },
    { domain: `coins${i}.example`, day: first + 4, category: 1, activeSeconds: 700, visits: 2, interactions: 8 },
    { domain: 'tiny.example', day: first + 5, category: 6, activeSeconds: 5, visits: 1, interactions: 0 },
  ];
}

interface Pool { address: Address; poolId: bigint; tier: 'records' | 'totals' }

async function createPool(keyFile: string, tier: 'records' | 'totals', name: string): Promise<Pool> {
  const created = await cli(['create', ...common, '--json', '--categories', 'crypto,finance', '--budget', '1000', '--end', '+14d',
    '--name', name, '--sponsor', 'Helix Markets AI', '--delivery', tier, '--delivery-key', keyFile, '--review', '3d',
    '--terms', 'Trains a crypto-trading assistant; never resold.', '--license', 'cc-by-nc-4.0']);
  expect(created.code, created.stderr).toBe(0);
  const { pool, poolId } = JSON.parse(created.stdout) as { pool: Address; poolId: number };
  return { address: pool, poolId: BigInt(poolId), tier };
}

/** Mints holder `who`'s week and returns its token, rows and the payload an honest client delivers to `pool`. */
async function mintAndPrepare(who: number, pool: Pool) {
  const holder = devnet.signers[who].account.address;
  const rows = weekRows(who);
  const minted = await mintSbt(devnet.signers[who], { sbt, epoch, ...(await makeMintProof({ rows, epoch, chainId: devnet.anvil.chainId, sbt, holder })) });
  const scopeParams = { chainId: devnet.anvil.chainId, verifyingContract: pool.address, poolId: pool.poolId, holder };
  const proof = await makeProof({ rows, epoch, categoryMask: MASK, minPoints: 1n, scope: scopeParams });
  const witness = buildWitnessInput(rows, { epoch: Number(epoch), categoryMask: MASK, minPoints: 1n, scope: computeScope({ ...scopeParams, epoch }), secrets: SECRETS, batchSize: 8 });
  const payload = buildDeliveryPayload({ tier: pool.tier, commitment: witness.commitment, vaultSalt: SECRETS.vaultSalt, categoryMask: MASK, totalsBlinds: witness.batches.map((b) => b.totalsBlind) });
  return { who, holder, tokenId: minted.tokenId, rows, proof, payload, witness };
}

type Prepared = Awaited<ReturnType<typeof mintAndPrepare>>;

async function seal(p: Prepared, pool: Pool, key: Hex, payload: DeliveryPayload = p.payload, contextPool: Address = pool.address): Promise<Hex> {
  return bytesToHex(await sealDelivery({ recipientPublicKey: key, context: { chainId: devnet.anvil.chainId, pool: contextPool, tokenId: p.tokenId, epoch, holder: p.holder }, payload }));
}

const stake = (p: Prepared, pool: Pool, envelope: Hex) =>
  stakeIntoPool(devnet.signers[p.who], { pool: pool.address, tokenId: p.tokenId, nullifier: p.proof.nullifier, batches: p.proof.batches, envelope });

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8', accounts: 10 });
  sbt = devnet.deployment.contracts.dataSbt as Address;
  epoch = await lastFinishedEpoch(devnet);
  dir = await mkdtemp(path.join(tmpdir(), 'delivery-pull-'));
  const file = path.join(dir, 'deployment.json');
  await writeDeployment(file, devnet.deployment);
  common = ['--rpc', devnet.anvil.rpcUrl, '--deployments', file];
}, 60_000);
afterAll(async () => {
  await devnet?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pool keygen, create --delivery, pull, reject', () => {
  it('pulls exactly the committed in-category records of an honest stake; catches every tampering; reject works', async () => {
    const keyA = path.join(dir, 'owner-a.key');
    const keyC = path.join(dir, 'owner-c.key');
    const gen = await cli(['keygen', '--out', keyA, '--json']);
    expect(gen.code, gen.stderr).toBe(0);
    const pubA = (JSON.parse(gen.stdout) as { publicKey: Hex }).publicKey;
    expect((await cli(['keygen', '--out', keyA])).stderr).toMatch(/already exists/);
    const pubC = (JSON.parse((await cli(['keygen', '--out', keyC, '--json'])).stdout) as { publicKey: Hex }).publicKey;

    const poolA = await createPool(keyA, 'records', 'Crypto records');
    const poolC = await createPool(keyC, 'records', 'Another owner');
    const show = JSON.parse((await cli(['show', ...common, '--json', '--pool', poolA.address])).stdout) as Record<string, unknown>;
    expect(show).toMatchObject({ delivery: 'records', deliveryKey: pubA, reviewSeconds: 3 * 86_400, terms: 'Trains a crypto-trading assistant; never resold.' });
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });

    const [honest, garbage, altered, withheld, invented, foreign, otherPool] = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((w) => mintAndPrepare(w, poolA)));
    const records = (p: Prepared) => p.payload as RecordsPayload;
    const withRecords = (p: Prepared, f: (r: RecordsPayload['batches'][number]['records']) => RecordsPayload['batches'][number]['records']): RecordsPayload =>
      ({ ...records(p), batches: records(p).batches.map((b, k) => (k === 0 ? { ...b, records: f(b.records) } : b)) });

    await stake(honest, poolA, await seal(honest, poolA, pubA));
    await stake(garbage, poolA, bytesToHex(new Uint8Array(1024).map((_, i) => (i * 31 + 7) & 0xff)));
    await stake(altered, poolA, await seal(altered, poolA, pubA, withRecords(altered, (rs) => rs.map((r, i) => (i === 0 ? { ...r, packed: r.packed + 1n } : r)))));
    await stake(withheld, poolA, await seal(withheld, poolA, pubA, withRecords(withheld, (rs) => rs.slice(1))));
    await stake(invented, poolA, await seal(invented, poolA, pubA, withRecords(invented, (rs) => [...rs, { ...rs[0], domain: 'invented.example' }])));
    await stake(foreign, poolA, await seal(foreign, poolA, pubA, honest.payload)); // another token's records
    await stake(otherPool, poolA, await seal(otherPool, poolA, pubA, otherPool.payload, poolC.address)); // sealed for another pool

    // Another pool's owner cannot pull (or decrypt) this pool's deliveries; a pool without delivery has nothing to pull.
    const wrongKey = await cli(['pull', ...common, '--pool', poolA.address, '--delivery-key', keyC, '--out', path.join(dir, 'wrong')]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(new RegExp(`not pool ${poolA.address}'s delivery key.*${pubC}`));
    await expect(readdir(path.join(dir, 'wrong'))).rejects.toThrow();

    const out = path.join(dir, 'dataset');
    const pulled = await cli(['pull', ...common, '--json', '--pool', poolA.address, '--delivery-key', keyA, '--out', out]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ stakes: 7, verified: 1, failed: 6, newlyPulled: 7 });

    const verification = JSON.parse(await readFile(path.join(out, 'verification.json'), 'utf8')) as { stakes: { token_id: string; verified: boolean; reason: string | null }[] };
    const reasonOf = (p: Prepared) => verification.stakes.find((s) => s.token_id === p.tokenId.toString());
    expect(reasonOf(honest)).toMatchObject({ verified: true, reason: null });
    expect(reasonOf(garbage)).toMatchObject({ verified: false, reason: 'garbage' });
    for (const p of [altered, withheld, invented]) expect(reasonOf(p)?.verified, `token of holder ${p.who}`).toBe(false);
    expect(reasonOf(foreign)).toMatchObject({ verified: false, reason: 'foreign_record' });
    expect(reasonOf(otherPool)).toMatchObject({ verified: false, reason: 'undecryptable' });

    // The dataset holds exactly the honest stake's in-category committed records, with provenance.
    const jsonl = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const expected = honest.rows.filter((r) => [1, 6].includes(r.category));
    expect(jsonl).toHaveLength(expected.length);
    expect(jsonl.map((r) => r.domain).sort()).toEqual(expected.map((r) => r.domain).sort());
    expect(jsonl.every((r) => r.verified === true && r.token_id === honest.tokenId.toString() && r.holder === honest.holder.toLowerCase())).toBe(true);
    const card = await readFile(path.join(out, 'README.md'), 'utf8');
    expect(card).toMatch(/^---\n[\s\S]*license: "?cc-by-nc-4.0"?\n[\s\S]*---/);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['records.parquet', 'records.jsonl', 'README.md', 'verification.json']));

    // Running it again changes nothing, byte for byte.
    const before = await Promise.all(['records.parquet', 'records.jsonl', 'README.md', 'verification.json'].map((f) => readFile(path.join(out, f))));
    const again = await cli(['pull', ...common, '--json', '--pool', poolA.address, '--delivery-key', keyA, '--out', out]);
    expect(JSON.parse(again.stdout)).toMatchObject({ stakes: 7, newlyPulled: 0 });
    const after = await Promise.all(['records.parquet', 'records.jsonl', 'README.md', 'verification.json'].map((f) => readFile(path.join(out, f))));
    expect(after.map((b) => b.toString('hex'))).toEqual(before.map((b) => b.toString('hex')));

    // Every failed delivery is rejectable on chain within the review period; the honest one pays after it.
    for (const p of [garbage, altered, withheld, invented, foreign, otherPool]) {
      const rejected = await cli(['reject', ...common, '--pool', poolA.address, '--token', p.tokenId.toString(), '--reason', reasonOf(p)!.reason!]);
      expect(rejected.code, rejected.stderr).toBe(0);
      expect((await readContract(devnet.test, { address: poolA.address, abi: dataStakingPoolAbi, functionName: 'stakeOf', args: [p.tokenId] })).status).toBe(3);
    }
    const [holderOf] = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [honest.tokenId] });
    expect(holderOf).toBe(honest.holder);

    // A rejected stake's token is unlocked and its holder burns it: a later pull still reads its root as it
    // was at the stake's block, and the dataset is the same stake for stake.
    await burnDataToken(devnet.signers[garbage.who], { sbt, tokenId: garbage.tokenId });
    await expect(readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [garbage.tokenId] })).rejects.toThrow();
    const afterBurn = path.join(dir, 'dataset-after-burn');
    const repulled = await cli(['pull', ...common, '--json', '--pool', poolA.address, '--delivery-key', keyA, '--out', afterBurn]);
    expect(repulled.code, repulled.stderr).toBe(0);
    expect(JSON.parse(repulled.stdout)).toMatchObject({ stakes: 7, verified: 1, failed: 6, newlyPulled: 7 });
    const reverified = JSON.parse(await readFile(path.join(afterBurn, 'verification.json'), 'utf8')) as typeof verification;
    expect(reverified.stakes.find((s) => s.token_id === garbage.tokenId.toString())).toMatchObject({ verified: false, reason: 'garbage' });
    expect(await readFile(path.join(afterBurn, 'records.jsonl'), 'utf8')).toBe(await readFile(path.join(out, 'records.jsonl'), 'utf8'));
  }, 300_000);

  it('a totals pool: pull verifies the exact weekly totals over the pool\'s categories', async () => {
    const key = path.join(dir, 'owner-t.key');
    const pub = (JSON.parse((await cli(['keygen', '--out', key, '--json'])).stdout) as { publicKey: Hex }).publicKey;
    const pool = await createPool(key, 'totals', 'Crypto totals');
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });
    const p = await mintAndPrepare(8, pool);
    await stake(p, pool, await seal(p, pool, pub));

    const out = path.join(dir, 'totals');
    const pulled = await cli(['pull', ...common, '--json', '--pool', pool.address, '--delivery-key', key, '--out', out]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ stakes: 1, verified: 1 });
    const [row] = (await readFile(path.join(out, 'totals.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const t = computeTotals(p.witness.commitment.batches.flatMap((b) => b.leaves.filter((l) => isSelected(l, MASK))));
    expect(row).toMatchObject({ verified: true, visits: Number(t.visits), active_seconds: Number(t.activeUnits) * 10, token_id: p.tokenId.toString() });

    // A plain pool has nothing to pull.
    const plain = await cli(['create', ...common, '--json', '--categories', 'crypto', '--budget', '10', '--end', '+7d', '--name', 'Plain', '--sponsor', 'X']);
    const plainPool = (JSON.parse(plain.stdout) as { pool: Address }).pool;
    const none = await cli(['pull', ...common, '--pool', plainPool, '--delivery-key', key, '--out', path.join(dir, 'none')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/asks for no delivery/);
  }, 180_000);
});
