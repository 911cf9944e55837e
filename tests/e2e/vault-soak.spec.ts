/**
 * The vault soak (#14 §3): 1,000 page views in real Chromium, one focused tab
 * (active time counts only there), while the service worker is stopped at random moments
 * (CDP `ServiceWorker.stopAllWorkers`). Every acknowledged footprint must be
 * in the vault exactly once; an unacknowledged one may be missing, never
 * doubled.
 *
 * Each view is made active by a trusted key press (Playwright's keyboard goes
 * through the browser) and then left: most by a same-document navigation
 * (`history.pushState` from the page, which the content script sees through
 * the Navigation API and treats as a new page view, flushing the old one while
 * the page lives on, so the worker's reply comes back), the last one of each
 * document by a real navigation or by closing the tab (the flush at leaving: visibilitychange to hidden).
 *
 * The oracle. The content script resends a footprint whose message did not get
 * through (src/content/messaging.ts, 3 tries over ~5 s while the page lives),
 * but a footprint sent while the page is being left and the worker is stopped cannot be
 * resent and is lost, by design. So the spec records, in the content script's own world,
 * what it sent and what the worker answered: when the extension's isolated
 * world appears in a tab (CDP `Runtime.executionContextCreated`, origin
 * chrome-extension://<id>), a transparent wrapper around
 * `chrome.runtime.sendMessage` is installed there, before any input, that
 * writes `soak:sent:<viewId>` (origin, activeMs) to the origin's localStorage
 * synchronously before the message leaves, and `soak:ack:<viewId>` when the
 * reply is `{ ok: true, data: { stored: true } }` (errors, e.g. "message
 * channel closed" when the worker stopped, go to `soak:err:<viewId>`).
 * localStorage is shared by the page and the content script and survives
 * unload, so every footprint the content script sent is known, including
 * the ones sent while a page was being left. An ack is only recorded for a
 * reply that really arrived in the content script (a lost ack counts as
 * unacknowledged: the oracle can under-count acks, never invent one).
 *
 * The vault is then read through the extension's own `ui/export` (probe.ts).
 * A row's id is sha256(origin + "\n" + viewId) (src/vault/row-id.ts), so:
 * - every acknowledged view's row is there exactly once, with at least the
 *   acknowledged activeMs;
 * - every row belongs to a view the content script sent (no footprint stored
 *   twice under another id, none from nowhere), and row ids are unique;
 * - per host, rows ≤ views driven there.
 *
 * The PRNG seed (sites, views per document, how each document is left, stop
 * intervals) is logged; SOAK_SEED=<n> replays it.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { SITES, type FixtureSite } from '../fixtures/sites';
import type { FixtureServer } from '../fixtures/server';
import { expect, test } from './support/fixtures';
import { prng } from '../fixtures/prng';

const TOTAL_VIEWS = 1_000;
/**
 * One tab: active time counts only in the focused, visible document (src/content/active-clock.ts), and a
 * window focuses one tab, so views driven in background tabs would earn nothing and send nothing.
 */
const TABS = 1;
/** Same-document views per loaded document (the last one is left by a real navigation or a close). */
const VIEWS_PER_DOC = { min: 15, max: 30 };
/** The worker is stopped after a random pause in this range (ms). */
const STOP_EVERY_MS = { min: Number(process.env.SOAK_STOP_MIN ?? 150), max: Number(process.env.SOAK_STOP_MAX ?? 1_500) };
/**
 * Not every view is acknowledged, by design: measured 2026-12-05, two runs of 1,000 views with the worker
 * stopped every 0.15-1.5 s (122 and 128 stops) acknowledged 758 and 770, sent 895 and 877 (a view left
 * before its first active tick sends nothing), stored 817 and 805; a third, on a fresh clone, 668 acknowledged
 * of 780 sent. The unacknowledged rest is mostly flushes at leaving that met a stopped worker. The floor only
 * proves the soak is not vacuous, with room below the lowest run seen.
 */
const MIN_ACKED = 500;
/** Active time of each view before it is left (ms). */
const VIEW_MS = 25;

/** Plain captured sites: no password field, no sensitive category, no deny list, no event flood. */
const SOAK_SITES: FixtureSite[] = [
  SITES.crypto,
  SITES.nft,
  SITES.news,
  SITES.social,
  SITES.secret,
  SITES.quiet,
  SITES.control,
  SITES.explorer,
  SITES.finance,
  SITES.ai,
  SITES.sports,
  SITES.travel,
  SITES.shopping,
];


/**
 * Evaluated in the content script's isolated world: records every footprint
 * sent and every reply, in the origin's localStorage. Transparent: the
 * content script gets the same promise it would have got.
 */
const RECORDER = `(() => {
  const rt = chrome.runtime;
  if (rt.__soak) return 'already';
  const send = rt.sendMessage.bind(rt);
  const put = (k, v) => { try { localStorage.setItem(k, v); } catch (e) { console.error('soak: localStorage', String(e)); } };
  rt.sendMessage = (msg, ...rest) => {
    if (!msg || msg.type !== 'content/footprint') return send(msg, ...rest);
    const f = msg.footprint;
    rt.__soakSent = (rt.__soakSent || 0) + 1;
    put('soak:sent:' + f.id, JSON.stringify({ origin: f.origin, activeMs: f.activeMs }));
    const p = send(msg, ...rest);
    p.then(
      (r) => {
        rt.__soakReplies = (rt.__soakReplies || 0) + 1;
        if (r && r.ok === true && r.data && r.data.stored === true) put('soak:ack:' + f.id, JSON.stringify({ activeMs: f.activeMs }));
        else put('soak:err:' + f.id, JSON.stringify(r));
      },
      (e) => put('soak:err:' + f.id, JSON.stringify(String(e))),
    );
    return p;
  };
  rt.__soak = true;
  return 'installed';
})()`;

interface Sent {
  origin: string;
  activeMs: number;
}

/** One tab: its CDP session installs the recorder in every new document's content-script world. */
class Tab {
  contextId = 0;
  private waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(context: BrowserContext, extensionOrigin: string): Promise<Tab> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const tab = new Tab(page, cdp);
    cdp.on('Runtime.executionContextCreated', ({ context: ctx }) => {
      if (ctx.origin !== extensionOrigin || ctx.auxData?.type !== 'isolated') return;
      const w = tab.waiting;
      tab.waiting = undefined;
      tab.contextId = ctx.id;
      cdp.send('Runtime.evaluate', { expression: RECORDER, contextId: ctx.id, returnByValue: true }).then(
        (r) => (r.result.value === 'installed' ? w?.resolve() : w?.reject(new Error(`recorder: ${JSON.stringify(r)}`))),
        (e: Error) => w?.reject(e),
      );
    });
    await cdp.send('Runtime.enable');
    return tab;
  }

  /** Loads `url` and waits until the recorder is in the content script's world (so before any input). */
  async load(url: string): Promise<void> {
    const installed = new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no content script world in ${url} after 20 s`)), 20_000).unref());
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await Promise.race([installed, timer]);
  }

  async debug(): Promise<string> {
    const r = await this.cdp.send('Runtime.evaluate', { expression: 'JSON.stringify([chrome.runtime.__soakSent, chrome.runtime.__soakReplies])', contextId: this.contextId, returnByValue: true });
    return String(r.result.value);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

function rowIdOf(origin: string, viewId: string): string {
  return createHash('sha256').update(`${origin}\n${viewId}`).digest('hex');
}

/** The soak records of one origin, read from its localStorage by the page itself. */
async function readRecords(page: Page, server: FixtureServer, host: string): Promise<[string, string][]> {
  await page.goto(server.url(host, '/soak-records'), { waitUntil: 'domcontentloaded' });
  return page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('soak:')));
}

test('vault soak: 1,000 views, worker stopped at random, every acknowledged footprint stored once', async ({
  context,
  server,
  probe,
  extensionId,
}) => {
  // ~2.5 min alone; beside another spec on a 2-core machine (playwright.config.ts runs two) it took 3.4 min.
  test.setTimeout(360_000);
  const seed = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : Date.now() % 2 ** 31;
  console.log(`vault soak seed: ${seed} (replay with SOAK_SEED=${seed})`);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (r: { min: number; max: number }) => r.min + Math.floor(rand() * (r.max - r.min + 1));
  const started = Date.now();
  const extensionOrigin = `chrome-extension://${extensionId}`;

  // Worker stops, seen through the ServiceWorker domain of the options page (same storage partition).
  const sw = await context.newCDPSession(probe.page);
  let stopsSeen = 0;
  sw.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(extensionOrigin) && v.runningStatus === 'stopped') stopsSeen++;
  });
  await sw.send('ServiceWorker.enable');
  let browsing = true;
  let stopsSent = 0;
  const stopper = (async () => {
    while (browsing) {
      const delay = between(STOP_EVERY_MS);
      await new Promise((r) => setTimeout(r, delay));
      if (!browsing) break;
      await sw.send('ServiceWorker.stopAllWorkers');
      stopsSent++;
    }
  })();

  // The tabs: each loads a random site, drives a run of views there, leaves, and goes on until 1,000 views.
  let remaining = TOTAL_VIEWS;
  let docs = 0;
  const drivenByHost = new Map<string, number>();
  const browse = async (index: number) => {
    let tab = await Tab.open(context, extensionOrigin);
    while (remaining > 0) {
      const site = pick(SOAK_SITES);
      const views = Math.min(between(VIEWS_PER_DOC), remaining);
      remaining -= views;
      const closeAfter = rand() < 0.25;
      docs++;
      drivenByHost.set(site.host, (drivenByHost.get(site.host) ?? 0) + views);
      const t0 = Date.now();
      await tab.load(server.url(site.host, `/t${index}/d${docs}`));
      await tab.page.bringToFront();
      const t1 = Date.now();
      for (let v = 0; v < views; v++) {
        await tab.page.keyboard.press('Shift'); // trusted input: this view is active from here
        await tab.page.waitForTimeout(VIEW_MS); // some active time, so the view has something to send
        // Left by a same-document navigation (a new page view; the old one is flushed), except the last.
        if (v < views - 1) await tab.page.evaluate((n) => history.pushState({}, '', `/v${n}`), v);
      }
      if (process.env.SOAK_DEBUG) console.log(`doc ${docs} tab ${index} ${site.host} views ${views} load ${t1 - t0} ms views ${Date.now() - t1} ms sent/replies ${await tab.debug()}`);
      // The last view is left by a real navigation (the next document, or about:blank at the end) or a close.
      if (closeAfter) {
        await tab.close();
        tab = await Tab.open(context, extensionOrigin);
      }
    }
    await tab.page.goto('about:blank');
    await tab.close();
  };
  await Promise.all(Array.from({ length: TABS }, (_, i) => browse(i)));
  browsing = false;
  await stopper;
  const browseMs = Date.now() - started;

  // The last flushes (pagehide) may still be on their way: wait until the vault stops growing.
  let rows = await probe.footprints();
  for (let stable = 0; stable < 3; ) {
    await probe.page.waitForTimeout(500);
    const next = await probe.footprints();
    stable = next.length === rows.length ? stable + 1 : 0;
    rows = next;
  }

  // What the content scripts sent and which replies said "stored" (read after the vault: records only grow).
  const reader = await context.newPage();
  const sent = new Map<string, Sent>();
  const acked = new Map<string, number>();
  const errors = new Map<string, string>();
  for (const site of SOAK_SITES) {
    for (const [key, value] of await readRecords(reader, server, site.host)) {
      const [, kind, id] = key.split(':');
      if (kind === 'sent') sent.set(id, JSON.parse(value) as Sent);
      else if (kind === 'ack') acked.set(id, (JSON.parse(value) as { activeMs: number }).activeMs);
      else if (kind === 'err') errors.set(id, value);
    }
  }
  await reader.close();

  const viewOfRow = new Map<string, string>();
  for (const [id, s] of sent) viewOfRow.set(rowIdOf(s.origin, id), id);
  const rowCount = new Map<string, number>();
  for (const r of rows) rowCount.set(r.id, (rowCount.get(r.id) ?? 0) + 1);

  const missingAcked: string[] = [];
  const doubled: string[] = [];
  const shrunk: string[] = [];
  for (const [id, ackedMs] of acked) {
    const s = sent.get(id);
    if (!s) throw new Error(`acknowledged view ${id} has no sent record`);
    const rid = rowIdOf(s.origin, id);
    const n = rowCount.get(rid) ?? 0;
    if (n === 0) missingAcked.push(`${id} (${s.origin})`);
    const row = rows.find((r) => r.id === rid);
    if (row && row.activeMs < ackedMs) shrunk.push(`${id}: stored ${row.activeMs} ms < acknowledged ${ackedMs} ms`);
  }
  for (const [rid, n] of rowCount) if (n > 1) doubled.push(`row ${rid} × ${n}`);
  const unknown = rows.filter((r) => !viewOfRow.has(r.id)).map((r) => `${r.id} (${r.host})`);
  const wrongHost = rows.filter((r) => viewOfRow.has(r.id) && new URL(sent.get(viewOfRow.get(r.id)!)!.origin).hostname !== r.host);
  const storedByHost = new Map<string, number>();
  for (const r of rows) storedByHost.set(r.host, (storedByHost.get(r.host) ?? 0) + 1);
  const overHost = [...storedByHost].filter(([h, n]) => n > (drivenByHost.get(h) ?? 0)).map(([h, n]) => `${h}: ${n} stored > ${drivenByHost.get(h) ?? 0} driven`);
  const unackedStored = rows.filter((r) => viewOfRow.has(r.id) && !acked.has(viewOfRow.get(r.id)!)).length;
  const unackedMissing = [...sent.keys()].filter((id) => !acked.has(id) && !rowCount.has(rowIdOf(sent.get(id)!.origin, id))).length;

  const summary = {
    seed,
    browseMs,
    totalMs: Date.now() - started,
    docs,
    viewsDriven: TOTAL_VIEWS - remaining,
    footprintsSent: sent.size,
    acknowledged: acked.size,
    errorReplies: errors.size,
    stored: rows.length,
    unackedStored,
    unackedMissing,
    stopsSent,
    stopsSeen,
  };
  console.log(`vault soak: ${JSON.stringify(summary)}`);
  test.info().annotations.push({ type: 'summary', description: JSON.stringify(summary) });

  expect(missingAcked, 'acknowledged footprints missing from the vault').toEqual([]);
  expect(doubled, 'rows stored more than once').toEqual([]);
  expect(unknown, 'rows that belong to no footprint the content scripts sent (a view stored twice?)').toEqual([]);
  expect(wrongHost.map((r) => r.id), 'rows stored under another host').toEqual([]);
  expect(overHost, 'more rows than views on a host').toEqual([]);
  expect(shrunk, 'rows holding less than what was acknowledged').toEqual([]);
  // Not vacuous: the views were driven, nearly all acknowledged, and the worker really was stopped, many times.
  expect(TOTAL_VIEWS - remaining).toBe(TOTAL_VIEWS);
  expect(acked.size).toBeGreaterThanOrEqual(MIN_ACKED);
  expect(stopsSent).toBeGreaterThanOrEqual(20);
  expect(stopsSeen).toBeGreaterThanOrEqual(10);
});
