/**
 * A heavy week end to end (#10): a week with more domain-days than one proof
 * batch holds is minted from the popup as several chained batch proofs, then
 * staked, and the points on chain are the formula's.
 *
 * The production verifier takes 256 domain-days a batch, too many to browse, so
 * a second anvil (chain 31339) gets the contracts with the test verifier
 * (EpochVerifier8: 8 domain-days a batch, its artifacts ship in the extension)
 * through `npm run deploy --verifier EpochVerifier8`, and the extension is
 * switched to it from the options page as a user would. Twelve sites, one
 * registrable domain each, are read at once for the scoring dwell: twelve
 * domain-days, so the week is two batches (8 + 4). The deploy runs while the
 * sites are read, so the spec costs one dwell plus four real Groth16 proofs.
 *
 * The same token is then staked into a records pool and a totals pool (#9) after
 * the consent screen, and the owner's `pool pull` yields exactly the committed
 * records of the pool's categories (or their totals), verified.
 *
 * Expected points are computed here, independently of the popup, from the
 * vault's own export: the footprints aggregated into domain-days
 * (src/scoring/aggregate.ts) and scored with the published formula
 * (src/scoring/score.ts), over all categories for the token, over the pool's
 * categories for the stake.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { createTestClient, decodeFunctionData, http, parseEther, publicActions, type Address } from 'viem';
import { getContractEvents, getTransaction, readContract } from 'viem/actions';
import { startAnvil, type AnvilInstance } from '../../scripts/lib/anvil.ts';
import { createPoolArgs, DEMO_POOLS } from '../../scripts/lib/demo-pools.ts';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { aggregateDomainDays, type DomainDayRow } from '../../src/scoring/aggregate';
import { scoreDomainDays } from '../../src/scoring/score';
import { categoryMask } from '../../src/shared/categories';
import { epochOfDay } from '../../src/shared/epoch';
import { SITES } from '../fixtures/sites';
import { OptionsPage, PopupPage } from './pages';
import { dwell, leave, openSite, SCORING_DWELL_MS } from './support/browsing';
import { E2E_PASSWORD, expect, test } from './support/fixtures';
import type { ExportedFootprint } from './support/probe';

const run = promisify(execFile);
const DAY = 86_400;
/** A chain id no other spec or script uses. */
const CHAIN_ID = 31339;
/** EpochVerifier8's leaves per batch (public/zk/manifest.json). */
const BATCH_SIZE = 8;
/** anvil account 0: deploys (so it holds the TestToken) and creates the pool (pool CLI with --key-file). */
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
/** The demo pool staked into: crypto and finance, minimum 1 point. */
const POOL = DEMO_POOLS.find((p) => p.name === 'Crypto trading signals')!;
/** Twelve registrable domains in captured categories (three in the pool's): twelve domain-days, two batches of 8. */
const WEEK_SITES = [
  SITES.crypto, SITES.explorer, SITES.finance, SITES.nft, SITES.news, SITES.social,
  SITES.secret, SITES.control, SITES.ai, SITES.sports, SITES.travel, SITES.shopping,
];

test.describe.configure({ timeout: 300_000 });

let chain: AnvilInstance;
let dir: string;

test.beforeAll(async () => {
  // Jobs on a chain other than the bundled devnet wait for 2 confirmations (src/shared/network.ts): blocks must keep coming.
  chain = await startAnvil({ chainId: CHAIN_ID, blockTime: 1 });
  dir = await mkdtemp(path.join(tmpdir(), 'surf-heavy-'));
});
test.afterAll(async () => {
  await chain?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `npm run deploy` with the 8-leaf verifier, then the pool CLI creates the pool; returns the deployments file and the pool. */
async function deployWithTestVerifier(rpcUrl: string): Promise<{ file: string; dataSbt: Address; pool: Address }> {
  const keyFile = path.join(dir, 'deployer.key');
  await writeFile(keyFile, DEPLOYER_KEY, { mode: 0o600 });
  await chmod(keyFile, 0o600);
  await run('npm', ['run', '--silent', 'deploy', '--', '--rpc', rpcUrl, '--key-file', keyFile, '--chain-id', String(CHAIN_ID),
    '--verifier', 'EpochVerifier8', '--test-token', '--yes', '--deployments-dir', dir], { env: { ...process.env, SURF_DEPLOYER_KEY: '' } });
  const file = path.join(dir, `${CHAIN_ID}.json`);
  const deployment = JSON.parse(await readFile(file, 'utf8')) as { verifier: { contract: string; batchSize: number }; contracts: { dataSbt: Address } };
  expect(deployment.verifier).toMatchObject({ contract: 'EpochVerifier8', batchSize: BATCH_SIZE });
  const { stdout } = await run('npm', [...createPoolArgs(POOL, rpcUrl), '--deployments', file, '--key-file', keyFile], {
    env: { ...process.env, POOL_PRIVATE_KEY: '' },
  });
  return { file, dataSbt: deployment.contracts.dataSbt, pool: (JSON.parse(stdout) as { pool: Address }).pool };
}

/**
 * Records, in the popup itself, every (kind, state, data-proofs-total, state text)
 * a job shows: the popup re-reads a job every ~800 ms, and a test-verifier proof
 * takes about as long, so Playwright's own polling could miss a state.
 */
async function recordJobStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (globalThis as unknown as { __jobStates: Set<string> }).__jobStates = seen;
    const note = () => {
      for (const job of document.querySelectorAll('[data-testid="job"]')) {
        const text = job.querySelector('[data-testid="job-state"]')?.textContent?.trim() ?? '';
        seen.add(JSON.stringify([job.getAttribute('data-kind'), job.getAttribute('data-state'), job.getAttribute('data-proofs-total'), text]));
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    note();
  });
}

interface SeenState { kind: string; state: string; proofsTotal: number | null; text: string }

async function seenJobStates(page: Page, kind: string): Promise<SeenState[]> {
  const all = await page.evaluate(() => [...(globalThis as unknown as { __jobStates: Set<string> }).__jobStates]);
  return all
    .map((s) => JSON.parse(s) as [string, string, string | null, string])
    .map(([k, state, total, text]) => ({ kind: k, state, proofsTotal: total === null ? null : Number(total), text }))
    .filter((s) => s.kind === kind);
}

/** Waits until the job is done; a failed job throws with its error code and the message the popup logged. */
async function settleJob(popup: PopupPage, opts: { id?: string; kind?: string }, log: string[]): Promise<void> {
  const job = popup.job(opts);
  await expect(job).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 180_000 });
  if ((await job.getAttribute('data-state')) === 'failed') {
    const code = await popup.jobErrorCode(opts);
    throw new Error(`the ${opts.kind ?? 'mint'} job failed with ${code}: ${log.filter((l) => l.includes(`job `)).join(' | ') || 'nothing logged'}`);
  }
}

test('a week bigger than one batch mints from the popup in several proofs, then stakes; points are the formula\'s', async ({
  context, extensionId, server, probe,
}) => {
  // The deploy and the pool need nothing from the browser: they run while the sites are read.
  const deploying = deployWithTestVerifier(chain.rpcUrl);
  deploying.catch(() => undefined);

  const pages = await Promise.all(WEEK_SITES.map((s) => openSite(context, server.url(s.host, '/week'))));
  await dwell(pages, SCORING_DWELL_MS, { keys: 3, wheels: 3 });
  await leave(pages);

  // Every site is a stored domain-day; the expected points come from the vault's export and the formula.
  const hosts = WEEK_SITES.map((s) => s.host);
  let footprints: ExportedFootprint[] = await probe.waitForFootprints(
    (rows) => hosts.every((h) => rows.some((f) => f.host === h && f.activeMs >= 2_000)),
    'every site of the heavy week is stored',
  );
  const weekRows = (views: ExportedFootprint[]): DomainDayRow[] =>
    aggregateDomainDays(views as unknown as Parameters<typeof aggregateDomainDays>[0]);
  let rows = weekRows(footprints);
  const epoch = epochOfDay(rows[0].day);
  expect(rows.every((r) => epochOfDay(r.day) === epoch), 'browsed within one week').toBe(true);
  expect(rows.length).toBeGreaterThan(BATCH_SIZE);

  const popup = await PopupPage.open(context, extensionId);
  await popup.ensureUnlocked(E2E_PASSWORD);
  const log: string[] = [];
  popup.page.on('console', (m) => log.push(m.text()));
  // The popup's week converges on the formula over the final rows (the last flushes at leaving may still be landing).
  await expect
    .poll(async () => {
      footprints = await probe.footprints();
      rows = weekRows(footprints);
      await popup.reload();
      const shown = await popup.pointsEpoch();
      return shown === scoreDomainDays(rows) ? 'equal' : `popup ${shown}, formula ${scoreDomainDays(rows)}`;
    }, { timeout: 20_000, message: 'the popup\'s week points are the formula\'s over the vault rows' })
    .toBe('equal');
  const expectedPoints = scoreDomainDays(rows);
  const expectedPoolPoints = scoreDomainDays(rows, categoryMask(POOL.categories));
  const expectedBatches = Math.ceil(rows.length / BATCH_SIZE);
  expect(expectedPoints).toBeGreaterThan(0);
  expect(expectedPoolPoints).toBeGreaterThan(0);
  expect(expectedBatches).toBeGreaterThanOrEqual(2);

  // Switch the extension to chain 31339 (EpochVerifier8) from the options page.
  const deployed = await deploying;
  const client = createTestClient({ mode: 'anvil', transport: http(chain.rpcUrl) }).extend(publicActions);
  const address = (await popup.address()) as Address;
  await client.setBalance({ address, value: parseEther('1') });
  const options = await OptionsPage.open(context, extensionId);
  const switched = await options.useCustomNetwork(chain.rpcUrl, '', deployed.file);
  expect(switched.error).toBeNull();
  expect(await options.network()).toEqual({ kind: 'custom', chainId: CHAIN_ID });
  await options.page.close();

  // The week ends on chain.
  await client.increaseTime({ seconds: 7 * DAY });
  await client.mine({ blocks: 1 });
  await popup.reload();
  const [week] = await popup.epochs();
  expect(week).toMatchObject({ epoch, finished: true, minted: false, points: expectedPoints });

  // Prove & mint: the job says which of the week's proofs runs.
  await recordJobStates(popup.page);
  const mintJob = await popup.proveNow();
  await settleJob(popup, { id: mintJob, kind: 'mint' }, log);
  const mintProving = (await seenJobStates(popup.page, 'mint')).filter((s) => s.state === 'proving');
  expect(mintProving.map((s) => s.proofsTotal), `mint states seen: ${JSON.stringify(mintProving)}`).toContain(expectedBatches);

  // On chain: the token holds the week's points, proven by expectedBatches chained proofs.
  const tokenId = await readContract(client, { address: deployed.dataSbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [address, BigInt(epoch)] });
  const [holder, tokenEpoch, , points] = await readContract(client, { address: deployed.dataSbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] });
  expect({ holder, epoch: tokenEpoch, points }).toEqual({ holder: address, epoch: BigInt(epoch), points: BigInt(expectedPoints) });
  const [minted] = await getContractEvents(client, { address: deployed.dataSbt, abi: dataSBTAbi, eventName: 'Minted', args: { tokenId }, fromBlock: 0n });
  expect(minted.args).toMatchObject({ holder: address, points: BigInt(expectedPoints), batches: BigInt(expectedBatches) });

  // Stake: the preview shows the pool's points (its categories only), and the stake's weight is those points.
  await expect.poll(async () => (await popup.pools()).find((p) => p.name === POOL.name)?.eligible, { timeout: 20_000 }).toBe(true);
  await popup.stake(POOL.name);
  const preview = await popup.previewData();
  expect(preview).toMatchObject({ address, tokenId: tokenId.toString(), epoch, points: expectedPoolPoints });
  await popup.confirmStake();
  await settleJob(popup, { kind: 'stake' }, log);
  const stakeProving = (await seenJobStates(popup.page, 'stake')).filter((s) => s.state === 'proving');
  expect(stakeProving.map((s) => s.proofsTotal), `stake states seen: ${JSON.stringify(stakeProving)}`).toContain(expectedBatches);
  expect(await readStake(client, { pool: deployed.pool, tokenId })).toMatchObject({ status: 'staked', weight: BigInt(expectedPoolPoints) });
  const [staked] = await getContractEvents(client, { address: deployed.pool, abi: dataStakingPoolAbi, eventName: 'Staked', args: { tokenId }, fromBlock: 0n });
  const call = decodeFunctionData({ abi: dataStakingPoolAbi, data: (await getTransaction(client, { hash: staked.transactionHash })).input });
  expect(call.functionName).toBe('stake');
  expect((call.args as unknown as readonly [bigint, bigint, readonly unknown[], string])[2]).toHaveLength(expectedBatches);

  // Delivery (#9): the same token staked into a records pool and a totals pool from the popup, after the
  // consent screen; the owner's `pool pull` yields exactly the committed records of the pool's categories.
  const inPool = rows.filter((r) => (categoryMask(POOL.categories) >> BigInt(r.category)) & 1n);
  for (const tier of ['records', 'totals'] as const) {
    const name = `${POOL.name} (${tier})`;
    const keyFile = path.join(dir, `owner-${tier}.key`);
    await run('npm', ['run', '--silent', 'pool', '--', 'keygen', '--out', keyFile]);
    const { stdout } = await run('npm', [...createPoolArgs({ ...POOL, name }, chain.rpcUrl), '--deployments', deployed.file, '--key-file', path.join(dir, 'deployer.key'),
      '--delivery', tier, '--delivery-key', keyFile, '--review', '1d', '--terms', 'Trains a trading assistant; never resold.'], { env: { ...process.env, POOL_PRIVATE_KEY: '' } });
    const deliveryPool = (JSON.parse(stdout) as { pool: Address }).pool;
    await client.increaseTime({ seconds: 60 });
    await client.mine({ blocks: 1 });
    await expect
      .poll(async () => {
        await popup.reload();
        const card = (await popup.pools()).find((p) => p.name === name);
        return card ? (card.eligible ? 'eligible' : `not eligible: ${card.reason}`) : 'not listed';
      }, { timeout: 30_000 })
      .toBe('eligible');

    const dialog = await popup.stake(name);
    const shown = dialog.getByTestId('stake-delivery');
    await expect(shown).toHaveAttribute('data-tier', tier);
    await expect(dialog.getByTestId('delivery-terms')).toHaveText('Trains a trading assistant; never resold.');
    if (tier === 'records') {
      const domains = await dialog.getByTestId('delivery-record').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-domain')));
      expect(domains.sort()).toEqual(inPool.map((r) => r.domain).sort());
    } else {
      await expect(dialog.getByTestId('delivery-totals')).toBeVisible();
    }
    // Nothing is sent before the user ticks that the delivery cannot be taken back, then confirms.
    await expect(dialog.getByTestId('stake-confirm')).toBeDisabled();
    await dialog.getByTestId('delivery-understood').check();
    await popup.confirmStake();
    const job = popup.pool(name).locator('[data-testid="job"][data-kind="stake"]');
    await expect(job).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 180_000 });
    expect(await job.getAttribute('data-state'), `the ${tier} stake job failed`).toBe('done');

    const out = path.join(dir, `dataset-${tier}`);
    const pulled = await run('npm', ['run', '--silent', 'pool', '--', 'pull', '--json', '--rpc', chain.rpcUrl, '--deployments', deployed.file,
      '--pool', deliveryPool, '--delivery-key', keyFile, '--out', out]);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ stakes: 1, verified: 1, failed: 0 });
    const lines = (await readFile(path.join(out, `${tier}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    if (tier === 'records') {
      expect(lines.map((l) => `${l.date} ${l.domain}`).sort()).toEqual(inPool.map((r) => `${new Date(r.day * 86_400_000).toISOString().slice(0, 10)} ${r.domain}`).sort());
      expect(lines.every((l) => l.verified === true && l.token_id === tokenId.toString())).toBe(true);
    } else {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ verified: true, token_id: tokenId.toString(), active_domain_days: inPool.length });
    }
  }
});
