/**
 * `npm run bench:vault`: a heavy user's vault (issue #14 §3). 90 days of
 * retention × 300 page views a day ≈ 27,000 sealed footprints, beside a light
 * vault (7 days × 30 views a day) measured in the same run.
 *
 * Where: Node, the worker's real router, lock and vault (tests/unit/helpers/world.ts)
 * over **fake-indexeddb** (a pure-JS IndexedDB: slower than Chromium's, so the
 * figures are pessimistic; Chromium's LevelDB-backed IndexedDB is not
 * scriptable from Node, and driving the built extension in Playwright for
 * 27,000 rows would measure the page-view driver more than the vault).
 * The chain part of the Earn tab is a **local anvil** (scripts/devnet.ts, the
 * real contracts), so ui/earn-state and ui/pools run unchanged.
 *
 * Seeding goes through the vault's real write path: upsertFootprint with the
 * worker's real sealer (one sealed row per page view, the current schema),
 * several in flight like several tabs. Ingest goes through the worker's
 * router (content/footprint: sender check, zod, capture policy, seal, upsert)
 * and checks that every acknowledged footprint is present exactly once.
 *
 * Targets at ~27,000 footprints: Points tab ≤ 200 ms, Earn tab ≤ 500 ms, a
 * week's commitment ≤ 2 s, ingest ≥ 200 footprints/s, export and purge ≤ 10 s.
 */
import { createRouter, type Route } from '../../src/background/router';
import type { ResolvedNetwork } from '../../src/shared/network';
import { epochDays, epochOfDay, localDay } from '../../src/shared/epoch';
import { scoreDomainDays } from '../../src/scoring/score';
import { buildEpochCommitment } from '../../src/zk';
import {
  aggregateDomainDays,
  getOrCreateEpochSecrets,
  openFootprints,
  purgeExpired,
  readDomainDays,
  type DomainDaysReadStats,
  readEpochDomainDays,
  storeCommitment,
  upsertFootprint,
  type FootprintRecord,
} from '../../src/vault';
import type { FootprintSnapshot } from '../../src/shared/footprint';
import { startDevnet, type Devnet } from '../../scripts/devnet.ts';
import { contentScript, extensionPage, makeWorld, PASSWORD, RUNTIME_ID, type World } from '../../tests/unit/helpers/world';
import { prng } from '../../tests/fixtures/prng';

const HEAVY = { days: Number(process.env.BENCH_DAYS ?? 90), perDay: Number(process.env.BENCH_PER_DAY ?? 300) };
const LIGHT = { days: 7, perDay: 30 };
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const INGEST = Number(process.env.BENCH_INGEST ?? 1_500);
/** Footprints in flight at once while seeding and ingesting (several tabs). */
const IN_FLIGHT = 8;
/** Sites a user visits: a skewed pick over this many domains, so a week stays within one 256-leaf proof. */
const DOMAINS = 30;

const TARGETS = { points: 200, earn: 500, commitment: 2_000, ingest: 200, export: 10_000, purge: 10_000 } as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};


let viewSeq = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** One page view's final snapshot on `day` (UTC), a site from a skewed pick of DOMAINS. */
function pageView(rand: () => number, day: number): FootprintSnapshot {
  const site = Math.floor(DOMAINS * rand() ** 2);
  const startedAt = day * 86_400_000 + Math.floor(rand() * 86_000_000);
  return {
    id: uuid(++viewSeq),
    origin: `https://www.site${site}.com`,
    startedAt,
    activeMs: Math.floor(rand() * 240_000),
    scrollDepth: Math.floor(rand() * 101),
    clicks: Math.floor(rand() * 12),
    keys: Math.floor(rand() * 30),
    scrolls: Math.floor(rand() * 40),
    lang: 'en',
    tzOffset: 0,
  };
}

/** Runs `work` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

interface Vault {
  label: string;
  world: World;
  route: Route;
  rows: number;
  seedMs: number;
}

/** A world onboarded and unlocked at `now`, on the devnet, with `days` × `perDay` footprints ending today. */
async function seedVault(label: string, shape: { days: number; perDay: number }, now: number, network: ResolvedNetwork): Promise<Vault> {
  const world = makeWorld();
  world.clock.now = now;
  world.ctx.network = {
    current: async () => network,
    setting: async () => ({ kind: 'devnet' }),
    settingAndCurrent: async () => ({ setting: { kind: 'devnet' }, network }),
    save: async () => network,
  } as typeof world.ctx.network;
  await world.lock.onboard(PASSWORD);
  const sealer = await world.lock.sealer();
  const today = localDay(now, 0);
  const rand = prng(shape.days * 1000 + shape.perDay);
  const views: FootprintSnapshot[] = [];
  for (let d = shape.days - 1; d >= 0; d--) for (let i = 0; i < shape.perDay; i++) views.push(pageView(rand, today - d));
  // Today's views must not start in the future.
  for (const v of views) if (v.startedAt + v.activeMs > now) v.startedAt = now - v.activeMs - 1_000;
  const t0 = performance.now();
  await pool(views, IN_FLIGHT, async (s) => {
    const host = new URL(s.origin).host;
    await upsertFootprint(world.db, sealer, s, { host, domain: host.replace(/^www\./, ''), category: 0 }, now);
  });
  const seedMs = performance.now() - t0;
  return { label, world, route: createRouter(world.ctx, RUNTIME_ID), rows: await world.db.footprints.count(), seedMs };
}

async function send(v: Vault, msg: unknown): Promise<unknown> {
  const reply = (await v.route(msg, extensionPage)) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${JSON.stringify(msg)} failed: ${reply.error?.code} ${reply.error?.message}`);
  return reply.data;
}

/** Median ms of RUNS calls after one warm-up. */
async function timed(fn: () => Promise<unknown>, runs = RUNS, before?: () => Promise<void>): Promise<number> {
  await before?.();
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

const popupPoints = (v: Vault) => async () => {
  await send(v, { type: 'ui/wallet-state' });
  await send(v, { type: 'ui/status', tabOrigin: 'https://www.site1.com' });
};
const popupEarn = (v: Vault) => async () => {
  await Promise.all([send(v, { type: 'ui/earn-state' }), send(v, { type: 'ui/pools' }), send(v, { type: 'ui/hidden-pools' })]);
};

/** The mint job's building step for the last finished week: read + open + aggregate, secrets, the Merkle commitment, freeze. */
async function buildCommitment(v: Vault, epoch: number, chainId: number): Promise<void> {
  const { ctx } = v.world;
  const opener = await ctx.lock.opener();
  const sealer = await ctx.lock.sealer();
  const rows = await readEpochDomainDays(ctx.db, opener, epoch); // as the mint job: current aggregates used, none built
  const secrets = await getOrCreateEpochSecrets(ctx.db, ctx.now(), { sealer, opener });
  const c = buildEpochCommitment(rows, secrets, { epoch, batchSize: 256 });
  await storeCommitment(ctx.db, sealer, { chainId, address: '0x0000000000000000000000000000000000000001', epoch, root: c.weekRoot, points: scoreDomainDays(rows), rows: c.batches.flatMap((b) => b.rows) }, ctx.now());
}

/** Today's footprints changed since the last read (what capture does between two popup opens): its aggregate is stale. */
const todayChanged = (v: Vault) => async () => {
  const today = localDay(v.world.clock.now, 0);
  const r = await v.world.db.days.get(today);
  await v.world.db.days.put({ day: today, stamp: (r?.stamp ?? 0) + 1 });
};
/** No aggregate at all (right after the v5 upgrade, or after a retention change): every day is read from footprints. */
const allStale = (v: Vault) => async () => {
  await v.world.db.days.toCollection().modify((r) => {
    r.stamp += 1;
    delete r.built;
  });
};

/** The same read through the v5 path, with its per-stage counts. */
async function statsOf(v: Vault, first: number, last: number): Promise<string> {
  const opener = await v.world.ctx.lock.opener();
  const stats: DomainDaysReadStats = { daysFromAggregate: 0, rowsOpened: 0, daysBuilt: 0 };
  const t0 = performance.now();
  const rows = await readDomainDays(v.world.db, opener, first, last, { sealer: await v.world.ctx.lock.sealer(), stats });
  return `${(performance.now() - t0).toFixed(0)} ms: ${stats.daysFromAggregate} days from sealed aggregates, ${stats.rowsOpened} footprints opened, ${stats.daysBuilt} aggregates built → ${rows.length} domain-days`;
}

/** Per-stage figures of the pre-v5 read (every footprint of the range read and opened): rows read, rows opened, ms per stage. */
async function stages(v: Vault, first: number, last: number): Promise<string> {
  const { db } = v.world;
  const opener = await v.world.ctx.lock.opener();
  const t0 = performance.now();
  const rows: FootprintRecord[] = await db.footprints.where('day').between(first, last, true, true).toArray();
  const t1 = performance.now();
  const opened = await openFootprints(opener, rows);
  const t2 = performance.now();
  const agg = aggregateDomainDays(opened);
  const t3 = performance.now();
  return `pre-v5 path: read ${rows.length} rows ${(t1 - t0).toFixed(0)} ms, opened ${opened.length} ${(t2 - t1).toFixed(0)} ms, aggregated → ${agg.length} domain-days ${(t3 - t2).toFixed(0)} ms`;
}

/**
 * Sustained capture: INGEST page views through the router (content/footprint from
 * their own origin), each sent as 3 cumulative snapshots (two heartbeats and the
 * flush, the second repeated as a retry), IN_FLIGHT at once. Returns footprints/s and
 * whether every acknowledged one is stored exactly once.
 */
async function ingest(v: Vault): Promise<{ perSecond: number; acked: number; ok: boolean }> {
  const rand = prng(99);
  const today = localDay(v.world.clock.now, 0);
  const before = await v.world.db.footprints.count();
  const views = Array.from({ length: INGEST }, () => {
    const s = pageView(rand, today);
    s.startedAt = v.world.clock.now - 300_000;
    return s;
  });
  const acked: FootprintSnapshot[] = [];
  const t0 = performance.now();
  await pool(views, IN_FLIGHT, async (s) => {
    const snaps = [{ ...s, activeMs: s.activeMs >> 2 }, { ...s, activeMs: s.activeMs >> 1 }, { ...s, activeMs: s.activeMs >> 1 }, s];
    let stored = true;
    for (const snap of snaps) {
      const r = (await v.route({ type: 'content/footprint', footprint: snap }, contentScript(s.origin))) as { ok: boolean; data?: { stored: boolean } };
      stored &&= r.ok && r.data?.stored === true;
    }
    if (stored) acked.push(s);
  });
  const ms = performance.now() - t0;
  const { footprintRowId } = await import('../../src/vault');
  const ids = await Promise.all(acked.map((s) => footprintRowId(s.origin, s.id)));
  const stored = await v.world.db.footprints.bulkGet(ids);
  const present = stored.every((r, i) => r && r.activeMs === acked[i].activeMs);
  const after = await v.world.db.footprints.count();
  return { perSecond: (views.length * 1000) / ms, acked: acked.length, ok: acked.length === views.length && present && after - before === acked.length };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const devnet: Devnet = await startDevnet({ accounts: 1 });
  try {
    const now = Number((await devnet.test.getBlock()).timestamp) * 1000;
    const network: ResolvedNetwork = { kind: 'custom', chainId: devnet.anvil.chainId, rpcUrl: devnet.anvil.rpcUrl, deployment: devnet.deployment };
    const today = localDay(now, 0);
    const epoch = epochOfDay(today);
    console.log(`vault bench: fake-indexeddb in Node (the worker's router, lock and vault), Earn tab's chain part on a local anvil (${devnet.anvil.rpcUrl}); medians of ${RUNS} after a warm-up`);
    const light = await seedVault('light', LIGHT, now, network);
    const heavy = await seedVault('heavy', HEAVY, now, network);
    for (const v of [light, heavy]) {
      console.log(`seeded ${v.label}: ${v.rows} sealed footprints through upsertFootprint (real sealer, ${IN_FLIGHT} in flight) in ${fmt(v.seedMs)} (${((v.rows * 1000) / v.seedMs).toFixed(0)}/s)`);
    }
    const { first, last } = epochDays(epoch);
    const lastWeek = epochDays(epoch - 1);
    const results: { what: string; light: string; heavy: string; target: string; ok: boolean }[] = [];
    const row = (what: string, l: number, h: number, target: number | undefined, fmtv = fmt, higherIsBetter = false) =>
      results.push({ what, light: fmtv(l), heavy: fmtv(h), target: target === undefined ? '' : `${higherIsBetter ? '≥' : '≤'} ${fmtv(target)}`, ok: target === undefined || (higherIsBetter ? h >= target : h <= target) });

    const points = [await timed(popupPoints(light), RUNS, todayChanged(light)), await timed(popupPoints(heavy), RUNS, todayChanged(heavy))];
    row('Points tab (ui/wallet-state + ui/status), today changed', points[0], points[1], TARGETS.points);
    const pointsCold = [await timed(popupPoints(light), RUNS, allStale(light)), await timed(popupPoints(heavy), RUNS, allStale(heavy))];
    row('Points tab, cold (no current aggregate: first open after upgrade)', pointsCold[0], pointsCold[1], undefined);
    const earn = [await timed(popupEarn(light), RUNS, todayChanged(light)), await timed(popupEarn(heavy), RUNS, todayChanged(heavy))];
    row('Earn tab (ui/earn-state + ui/pools + ui/hidden-pools), today changed', earn[0], earn[1], TARGETS.earn);
    const earnCold = [await timed(popupEarn(light), RUNS, allStale(light)), await timed(popupEarn(heavy), RUNS, allStale(heavy))];
    row('Earn tab, cold (no current aggregate)', earnCold[0], earnCold[1], undefined);
    const commit = [await timed(() => buildCommitment(light, epoch - 1, network.chainId), RUNS, allStale(light)), await timed(() => buildCommitment(heavy, epoch - 1, network.chainId), RUNS, allStale(heavy))];
    row(`a week's commitment (epoch ${epoch - 1}: read, open, aggregate, Merkle root, freeze), cold`, commit[0], commit[1], TARGETS.commitment);
    let exportBytes = 0;
    const exp = [
      await timed(async () => void (await send(light, { type: 'ui/export' }))),
      await timed(async () => void (exportBytes = String(await send(heavy, { type: 'ui/export' })).length), 1),
    ];
    row(`export (ui/export; heavy: ${(exportBytes / 1e6).toFixed(1)} MB)`, exp[0], exp[1], TARGETS.export);

    console.log('\nper stage (heavy vault):');
    for (const [label, f, l] of [['this week (Points tab)', first, last], ['last week (commitment)', lastWeek.first, lastWeek.last], ['5 weeks (Earn tab)', epochDays(epoch - 4).first, last]] as const) {
      console.log(`  ${label}: ${await stages(heavy, f, l)}`);
      await allStale(heavy)();
      console.log(`    v5, cold:  ${await statsOf(heavy, f, l)}`);
      await todayChanged(heavy)();
      console.log(`    v5, today changed: ${await statsOf(heavy, f, l)}`);
    }

    // Ingest on top of each vault (acknowledged = every snapshot answered stored: true).
    const ing = [await ingest(light), await ingest(heavy)];
    row(`ingest (${INGEST} views × 4 snapshots via content/footprint, ${IN_FLIGHT} in flight), views/s`, ing[0].perSecond, ing[1].perSecond, TARGETS.ingest, (x) => x.toFixed(0), true);
    const lossless = ing.every((i) => i.ok);
    results[results.length - 1].ok &&= lossless;

    // Retention purge: the daily alarm a day later (one day expires), then retention lowered to 7 days.
    const purge1: number[] = [];
    const purge7: number[] = [];
    const purged: number[] = [];
    for (const v of [light, heavy]) {
      let t0 = performance.now();
      const n1 = await purgeExpired(v.world.db, today + 1, v === heavy ? HEAVY.days : LIGHT.days);
      purge1.push(performance.now() - t0);
      t0 = performance.now();
      const n7 = await purgeExpired(v.world.db, today + 1, 7);
      purge7.push(performance.now() - t0);
      purged.push(n1, n7);
    }
    row(`retention purge, daily (one day expires: ${purged[0]} / ${purged[2]} rows)`, purge1[0], purge1[1], TARGETS.purge);
    row(`retention purge, lowered to 7 days (${purged[1]} / ${purged[3]} rows)`, purge7[0], purge7[1], TARGETS.purge);

    // Delete-all on a freshly seeded heavy vault (the one above was purged).
    const heavy2 = await seedVault('heavy', HEAVY, now, network);
    const del: number[] = [];
    for (const v of [light, heavy2]) {
      const t0 = performance.now();
      await send(v, { type: 'ui/delete-all', confirm: 'DELETE' });
      del.push(performance.now() - t0);
      if ((await v.world.db.footprints.count()) !== 0) throw new Error('delete-all left footprints');
    }
    row(`delete-all (ui/delete-all; heavy: ${heavy2.rows} rows)`, del[0], del[1], TARGETS.purge);

    console.log(`\n${'what'.padEnd(86)} ${'light'.padStart(9)} ${'heavy'.padStart(9)}   target (heavy)`);
    console.log(`${''.padEnd(86)} ${String(light.rows).padStart(9)} ${String(heavy.rows).padStart(9)}   (footprints)`);
    for (const r of results) console.log(`${r.what.padEnd(86)} ${r.light.padStart(9)} ${r.heavy.padStart(9)}   ${r.target} ${r.target ? verdict(r.ok) : ''}`);
    console.log(`\ningest: every acknowledged footprint present exactly once: ${lossless ? 'yes' : 'NO'} (light ${ing[0].acked}/${INGEST}, heavy ${ing[1].acked}/${INGEST} acknowledged)`);
    if (!results.every((r) => r.ok)) process.exitCode = 1;
  } finally {
    await devnet.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
