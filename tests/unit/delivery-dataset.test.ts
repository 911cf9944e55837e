import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { buildDeliveryPayload, verifyDelivery, type RecordsPayload, type VerifiedRecord } from '../../src/delivery';
import { categoryMask } from '../../src/shared/categories';
import { buildWitnessInput, computeScope } from '../../src/zk';
import { RECORD_COLUMNS, TOTALS_COLUMNS, writeDataset, type DatasetInput, type DatasetPool, type DatasetStake } from '../../scripts/lib/dataset';
import { makeWeek } from '../../bench/delivery/week';

const epoch = 2914;
const mask = categoryMask(['news', 'ai']);
const pool = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const holders = ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'] as const;

/** A stake whose delivery was verified (or tampered and refused), as the owner's indexer would hand it over. */
function deliveredStake(h: number, tamper: boolean): DatasetStake {
  const secrets = { nullifierSecret: 100n + BigInt(h), vaultSalt: 200n + BigInt(h) };
  const rows = makeWeek({ epoch, domainDays: 12, categories: ['news', 'ai', 'social'], seed: 20 + h });
  const scope = computeScope({ chainId: 31337, verifyingContract: pool, poolId: 1, epoch, holder: holders[h] });
  const w = buildWitnessInput(rows, { epoch, categoryMask: mask, minPoints: 0, scope, secrets, batchSize: 256 });
  const payload = buildDeliveryPayload({ tier: 'records', commitment: w.commitment, vaultSalt: secrets.vaultSalt, categoryMask: mask }) as RecordsPayload;
  if (tamper) payload.batches[0].records[0] = { ...payload.batches[0].records[0], domain: 'tampered.example' };
  const batches = w.batches.map((b) => ({ root: b.batch.root, scope, fingerprint: b.fingerprint, totalsCommitment: b.totalsCommitment, points: b.points }));
  const result = verifyDelivery({ payload, tier: 'records', epoch, categoryMask: mask, batches, stakedWeight: w.points });
  const common = {
    chainId: 31337,
    pool,
    token: (BigInt(epoch) << 160n) | BigInt(holders[h]),
    holder: holders[h],
    epoch,
    root: w.commitment.weekRoot,
    deliveryHash: `0x${String(h + 1).repeat(64)}` as const,
    transaction: `0x${String(h + 7).repeat(64)}` as const,
    block: 100 + h,
  };
  if (result.verified && result.tier === 'records') return { ...common, verified: true, records: result.records };
  if (result.verified) throw new Error('unexpected tier');
  return { ...common, verified: false, reason: result.reason, message: result.message };
}

const poolMeta: DatasetPool = {
  chainId: 31337,
  address: pool,
  name: 'News and AI browsing, week 2914',
  tier: 'records',
  categories: ['news', 'ai'],
  license: 'cc-by-nc-4.0',
  terms: 'Research use only.',
};
const stakes = [deliveredStake(1, false), deliveredStake(0, true)];
const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'delivery-dataset-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeDataset', () => {
  it('writes the same bytes twice, whatever the order of the stakes', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeDataset(a, { pool: poolMeta, stakes });
    await writeDataset(b, { pool: poolMeta, stakes: [...stakes].reverse() });
    const names = (await readdir(a)).sort();
    expect(names).toEqual(['README.md', 'records.jsonl', 'records.parquet', 'verification.json']);
    expect((await readdir(b)).sort()).toEqual(names);
    for (const n of names) expect(await readFile(join(b, n)), n).toEqual(await readFile(join(a, n)));
  });

  it('writes rows that read back from Parquet as written to JSONL, with provenance', async () => {
    const dir = await tempDir();
    const { rows } = await writeDataset(dir, { pool: poolMeta, stakes });
    const verified = stakes[0].records as readonly VerifiedRecord[];
    expect(rows).toBe(verified.length);
    const buffer = (await readFile(join(dir, 'records.parquet'))).buffer as ArrayBuffer;
    const meta = parquetMetadata(buffer);
    expect(meta.created_by).toBe('surf-to-earn dataset v1');
    expect(meta.schema.slice(1).map((s) => s.name)).toEqual(RECORD_COLUMNS.map((c) => c.name));
    const fromParquet = await parquetReadObjects({ file: buffer });
    const fromJsonl = (await readFile(join(dir, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fromParquet).toHaveLength(rows);
    expect(fromParquet.map((r) => ({ ...r, chain_id: Number(r.chain_id), block: Number(r.block) }))).toEqual(fromJsonl);
    const first = fromJsonl[0];
    expect(first).toMatchObject({ chain_id: 31337, pool: pool.toLowerCase(), holder: holders[1].toLowerCase(), epoch, verified: true, block: 101 });
    expect(first.root).toMatch(/^0x[0-9a-f]{64}$/);
    const dates = fromJsonl.map((r) => `${r.date as string}|${r.domain as string}`);
    expect(dates).toEqual([...dates].sort());
    const byDomainDate = new Map(verified.map((r) => [`${r.date}|${r.domain}`, r]));
    for (const r of fromJsonl) {
      const v = byDomainDate.get(`${r.date as string}|${r.domain as string}`)!;
      expect(r).toMatchObject({ category: v.categoryKey, active_seconds: v.activeSeconds, visits: v.visits, interactions: v.interactions });
    }
  });

  it('records why a stake did not verify, and writes a dataset card with features and splits', async () => {
    const dir = await tempDir();
    await writeDataset(dir, { pool: poolMeta, stakes });
    const verification = JSON.parse(await readFile(join(dir, 'verification.json'), 'utf8')) as { stakes: { verified: boolean; reason: string | null; holder: string }[] };
    expect(verification.stakes.map((s) => [s.holder, s.verified, s.reason])).toEqual([
      // Sorted by token id: holder 1's token sorts first.
      [holders[1].toLowerCase(), true, null],
      [holders[0].toLowerCase(), false, 'altered_record'],
    ]);
    const card = await readFile(join(dir, 'README.md'), 'utf8');
    const front = card.split('---\n')[1];
    expect(front).toContain('license: "cc-by-nc-4.0"');
    for (const c of RECORD_COLUMNS) expect(front).toContain(`  - name: ${c.name}\n    dtype: ${c.dtype}\n`);
    expect(front).toContain(`    num_examples: ${stakes[0].records!.length}\n`);
    expect(front).toContain('    path: "records.parquet"');
    expect(card).toMatch(/## Consent/);
    expect(card).toMatch(/## Verification/);
    expect(card).toContain('Research use only.');
  });

  it('writes totals.parquet for a totals pool', async () => {
    const dir = await tempDir();
    const totalsStake: DatasetStake = { ...stakes[0], records: undefined, totals: { activeSeconds: 12_340, visits: 56, interactions: 780, activeDomainDays: 9 } };
    const input: DatasetInput = { pool: { ...poolMeta, tier: 'totals' }, stakes: [totalsStake] };
    await writeDataset(dir, input);
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'totals.jsonl', 'totals.parquet', 'verification.json']);
    const buffer = (await readFile(join(dir, 'totals.parquet'))).buffer as ArrayBuffer;
    const rows = await parquetReadObjects({ file: buffer });
    expect(Object.keys(rows[0])).toEqual(TOTALS_COLUMNS.map((c) => c.name));
    expect(rows[0]).toMatchObject({ active_seconds: 12_340, visits: 56, interactions: 780, active_domain_days: 9, verified: true });
  });
});
