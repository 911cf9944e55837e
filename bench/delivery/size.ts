/**
 * Envelope sizes of a full week of one pool's categories, records and totals
 * tiers, next to the 24 KiB target (issue #9). Run: npx tsx bench/delivery/size.ts
 *
 * Real commitments (src/zk, batches of 256), real payloads and real HPKE
 * envelopes; the weeks come from week.ts (realistic domains, ~8% zero-point
 * domain-days). "in-pool" is the number of records the pool receives.
 */
import { buildDeliveryPayload, describeDelivery, generateDeliveryKeyPair, sealDelivery, type DeliveryContext } from '../../src/delivery/index.ts';
import { categoryMask, type CategoryKey } from '../../src/shared/categories.ts';
import { buildWitnessInput, computeScope } from '../../src/zk/index.ts';
import { makeWeek } from './week.ts';

const TARGET = 24 * 1024;
const epoch = 2914;
const poolCategories: CategoryKey[] = ['news', 'tech', 'ai'];
const mask = categoryMask(poolCategories);
const context: DeliveryContext = {
  chainId: 31337,
  pool: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  tokenId: (BigInt(epoch) << 160n) | 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266n,
  epoch,
  holder: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
};
const secrets = { nullifierSecret: 0x1234567n, vaultSalt: 0xabcdefn };

const cases = [
  { name: 'typical week: 250 domain-days, half in-pool', domainDays: 250, categories: [...poolCategories, 'social', 'shopping', 'entertainment'] as CategoryKey[] },
  { name: 'full week: 300 domain-days, all in-pool', domainDays: 300, categories: poolCategories },
  { name: 'full week: 600 domain-days, half in-pool', domainDays: 600, categories: [...poolCategories, 'social', 'shopping', 'entertainment'] as CategoryKey[] },
  { name: 'heavy week: 1,000 domain-days, all in-pool', domainDays: 1000, categories: poolCategories },
];

const owner = await generateDeliveryKeyPair();
const scope = computeScope({ chainId: context.chainId, verifyingContract: context.pool, poolId: 1, epoch, holder: context.holder });
console.log(`target: envelope ≤ ${TARGET} bytes (24 KiB)\n`);
console.log('case'.padEnd(44), 'batches', 'in-pool', 'tier'.padEnd(8), 'payload', 'envelope', 'B/record', 'vs target');
for (const c of cases) {
  const rows = makeWeek({ epoch, domainDays: c.domainDays, categories: c.categories, seed: 5 });
  const witness = buildWitnessInput(rows, { epoch, categoryMask: mask, minPoints: 0, scope, secrets, batchSize: 256 });
  for (const tier of ['records', 'totals'] as const) {
    const payload = buildDeliveryPayload({
      tier,
      commitment: witness.commitment,
      vaultSalt: secrets.vaultSalt,
      categoryMask: mask,
      totalsBlinds: witness.batches.map((b) => b.totalsBlind),
    });
    const envelope = await sealDelivery({ recipientPublicKey: owner.publicKey, context, payload });
    const d = describeDelivery(payload, epoch);
    const inPool = tier === 'records' ? d.rows.length : (d.totals?.activeDomainDays ?? 0);
    const perRecord = tier === 'records' && inPool > 0 ? (d.payloadBytes / inPool).toFixed(1) : '-';
    const verdict = envelope.length <= TARGET ? 'ok' : `over by ${envelope.length - TARGET}`;
    console.log(c.name.padEnd(44), String(witness.batches.length).padStart(7), String(inPool).padStart(7), tier.padEnd(8), String(d.payloadBytes).padStart(7), String(envelope.length).padStart(8), perRecord.padStart(8), verdict);
  }
}
