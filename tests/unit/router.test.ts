import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/background/router';
import { CONTENT_HANDLERS, UI_HANDLERS } from '../../src/background/handlers';
import {
  CONTENT_MESSAGE_TYPES,
  contentReplyDataSchemas,
  contentMessageSchema,
  UI_MESSAGE_TYPES,
  uiMessageSchema,
} from '../../src/shared/messages';
import { footprintRowId, type FootprintSite } from '../../src/vault';
import { UNLOCK_KEY } from '../../src/background/lock';
import { contentScript, extensionPage, makeOnboardedWorld, makeWorld, NOW, PASSWORD, rawIdbDump, RUNTIME_ID, snapshot } from './helpers/world';

/** An onboarded (and unlocked) worker: capture stores, vault reads work. */
async function setup() {
  const world = await makeOnboardedWorld();
  return { ...world, route: createRouter(world.ctx, RUNTIME_ID) };
}

describe('router', () => {
  it('has exactly one handler per message type (meta-test)', () => {
    expect(Object.keys(UI_HANDLERS).sort()).toEqual([...UI_MESSAGE_TYPES].sort());
    expect(Object.keys(CONTENT_HANDLERS).sort()).toEqual([...CONTENT_MESSAGE_TYPES].sort());
    expect(uiMessageSchema.options.map((o) => o.shape.type.value).sort()).toEqual([...UI_MESSAGE_TYPES].sort());
    expect(contentMessageSchema.options.map((o) => o.shape.type.value).sort()).toEqual([...CONTENT_MESSAGE_TYPES].sort());
  });

  it('stores a content footprint and answers only {stored}', async () => {
    const { route, db, ctx, idb } = await setup();
    const f = snapshot('https://www.coingecko.com');
    const reply = await route({ type: 'content/footprint', footprint: f }, contentScript('https://www.coingecko.com'));
    expect(reply).toEqual({ ok: true, data: { stored: true } });
    const row = (await db.footprints.get(await footprintRowId(f.origin, f.id)))!;
    expect(row).toMatchObject({ category: 1 });
    expect(await (await ctx.lock.opener()).open<FootprintSite>(row.site)).toEqual({ host: 'www.coingecko.com', domain: 'coingecko.com' });
    // Read past Dexie, straight from IndexedDB: the row is there, its site is not.
    const raw = await rawIdbDump(idb);
    expect(raw).toContain(row.id);
    expect(raw).not.toContain('coingecko');
  });

  it('answers a footprint with a bare boolean', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'content/footprint', footprint: snapshot('https://opensea.io') }, contentScript('https://opensea.io'));
    expect(reply).toEqual({ ok: true, data: { stored: true } });
    expect(contentReplyDataSchemas['content/footprint'].parse((reply as { data: unknown }).data)).toEqual({ stored: true });
  });

  it('stores nothing for sensitive categories by default, nor while paused (stored: false stops the page)', async () => {
    const { route, db } = await setup();
    const send = (origin: string) => route({ type: 'content/footprint', footprint: snapshot(origin) }, contentScript(origin));
    expect(await send('https://www.mayoclinic.org')).toEqual({ ok: true, data: { stored: false } });
    expect(await send('https://www.smbc.co.jp')).toEqual({ ok: true, data: { stored: false } });
    await route({ type: 'ui/set-paused', paused: true }, extensionPage);
    expect(await send('https://www.bbc.com')).toEqual({ ok: true, data: { stored: false } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('rejects a footprint whose origin differs from the sending frame, and writes nothing', async () => {
    const { route, db } = await setup();
    const f = snapshot('https://www.bbc.com');
    const reply = await route({ type: 'content/footprint', footprint: f }, contentScript('https://evil.example'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('does not store footprints of paused capture, denied sites or excluded categories', async () => {
    const { route, db } = await setup();
    await route({ type: 'ui/set-site-rule', domain: 'bbc.com', rule: 'deny' }, extensionPage);
    expect(await route({ type: 'content/footprint', footprint: snapshot('https://www.bbc.com') }, contentScript('https://www.bbc.com'))).toEqual({ ok: true, data: { stored: false } });
    expect(await route({ type: 'content/footprint', footprint: snapshot('https://www.webmd.com') }, contentScript('https://www.webmd.com'))).toEqual({ ok: true, data: { stored: false } });
    expect(await db.footprints.count()).toBe(0);
    // An explicit allow opts one sensitive site in.
    await route({ type: 'ui/set-site-rule', domain: 'webmd.com', rule: 'allow' }, extensionPage);
    expect(await route({ type: 'content/footprint', footprint: snapshot('https://www.webmd.com') }, contentScript('https://www.webmd.com'))).toEqual({ ok: true, data: { stored: true } });
  });

  it('refuses physically impossible snapshots (future start, more active time than elapsed)', async () => {
    const { route, db } = await setup();
    const o = 'https://www.bbc.com';
    const future = snapshot(o, { startedAt: NOW + 3_600_000 });
    const tooLong = snapshot(o, { startedAt: NOW - 10_000, activeMs: 3_600_000 });
    expect(await route({ type: 'content/footprint', footprint: future }, contentScript(o))).toEqual({ ok: true, data: { stored: false } });
    expect(await route({ type: 'content/footprint', footprint: tooLong }, contentScript(o))).toEqual({ ok: true, data: { stored: false } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('content scripts may not send ui/… messages: no vault data ever reaches them', async () => {
    const { route, db } = await setup();
    await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, contentScript('https://x.com'));
    for (const msg of [{ type: 'ui/vault-list', offset: 0, limit: 10 }, { type: 'ui/export' }, { type: 'ui/status' }, { type: 'ui/delete-all', confirm: 'DELETE' }]) {
      const reply = await route(msg, contentScript('https://x.com'));
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(JSON.stringify(reply)).not.toContain('x.com');
    }
    expect(await db.footprints.count()).toBe(1);
  });

  it('extension pages may not send content/… messages', async () => {
    const { route, db } = await setup();
    const reply = await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('rejected senders get forbidden_sender before any parsing', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'ui/export' }, { id: 'someone-else', origin: 'chrome-extension://someone-else' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('delete-all needs the literal confirmation', async () => {
    const { route, db } = await setup();
    await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, contentScript('https://x.com'));
    expect(await route({ type: 'ui/delete-all', confirm: 'delete' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await db.footprints.count()).toBe(1);
    expect(await route({ type: 'ui/delete-all', confirm: 'DELETE' }, extensionPage)).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('turns a failing handler into an internal error reply instead of throwing', async () => {
    const { route, db } = await setup();
    db.close();
    const reply = await route({ type: 'ui/vault-list', offset: 0, limit: 5 }, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('router storage errors', () => {
  it('answers storage_full when IndexedDB runs out of quota, and keeps nothing', async () => {
    const { route, db } = await setup();
    db.footprints.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const origin = 'https://www.bbc.com';
    const reply = await route({ type: 'content/footprint', footprint: snapshot(origin) }, contentScript(origin));
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(await db.footprints.count()).toBe(0);
  });
});

describe('router and the lock', () => {
  const origin = 'https://www.bbc.com';
  const vaultReads = [{ type: 'ui/status' }, { type: 'ui/vault-list', offset: 0, limit: 10 }, { type: 'ui/export' }, { type: 'ui/delete-all', confirm: 'DELETE' }];

  it('before onboarding nothing is captured and vault reads answer not_set_up', async () => {
    const world = makeWorld();
    const route = createRouter(world.ctx, RUNTIME_ID);
    expect(await route({ type: 'content/footprint', footprint: snapshot(origin) }, contentScript(origin))).toEqual({ ok: true, data: { stored: false } });
    expect(await world.db.footprints.count()).toBe(0);
    for (const m of vaultReads) expect(await route(m, extensionPage)).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
    expect(await route({ type: 'ui/wallet-state' }, extensionPage)).toEqual({ ok: true, data: { setUp: false, locked: true, autoLockMinutes: 15 } });
  });

  it('capture goes on while locked (seal only); vault reads answer locked until unlock', async () => {
    const { route, db } = await setup();
    expect(await route({ type: 'ui/lock' }, extensionPage)).toMatchObject({ ok: true, data: { setUp: true, locked: true } });
    expect(await route({ type: 'content/footprint', footprint: snapshot(origin) }, contentScript(origin))).toEqual({ ok: true, data: { stored: true } });
    expect(await db.footprints.count()).toBe(1);
    for (const m of vaultReads) expect(await route(m, extensionPage)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await db.footprints.count()).toBe(1);
    expect(await route({ type: 'ui/unlock', password: 'not the password' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    expect(await route({ type: 'ui/unlock', password: PASSWORD }, extensionPage)).toMatchObject({ ok: true, data: { locked: false } });
    const page = (await route({ type: 'ui/vault-list', offset: 0, limit: 10 }, extensionPage)) as { ok: true; data: { items: { domain: string }[] } };
    expect(page.data.items.map((i) => i.domain)).toEqual(['bbc.com']);
  });

  it('wallet messages: onboarding twice, export and import need the password', async () => {
    const { route, lock } = await setup();
    expect(await route({ type: 'ui/onboard', password: 'another password' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    expect(await route({ type: 'ui/account-export', password: 'wrong password' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    const exported = (await route({ type: 'ui/account-export', password: PASSWORD }, extensionPage)) as { ok: true; data: { privateKey: string } };
    expect(exported.data.privateKey).toMatch(/^0x[0-9a-f]{64}$/);
    const key = `0x${'11'.repeat(32)}`;
    expect(await route({ type: 'ui/account-import', password: 'wrong password', privateKey: key }, extensionPage)).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    expect(await route({ type: 'ui/account-import', password: PASSWORD, privateKey: `0x${'00'.repeat(32)}` }, extensionPage)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    const imported = (await route({ type: 'ui/account-import', password: PASSWORD, privateKey: key }, extensionPage)) as { ok: true; data: { address: string } };
    expect(imported.data.address).toBe((await lock.account()).address);
    expect(await lock.exportAccountKey(PASSWORD)).toBe(key);
  });

  it('content scripts cannot reach the wallet handlers', async () => {
    const { route, session } = await setup();
    for (const m of [
      { type: 'ui/wallet-state' },
      { type: 'ui/lock' },
      { type: 'ui/unlock', password: PASSWORD },
      { type: 'ui/onboard', password: PASSWORD },
      { type: 'ui/account-export', password: PASSWORD },
      { type: 'ui/account-import', password: PASSWORD, privateKey: `0x${'11'.repeat(32)}` },
    ]) {
      const reply = await route(m, contentScript(origin));
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(JSON.stringify(reply)).not.toMatch(/0x[0-9a-f]{40}/i);
    }
    expect(session.data.get(UNLOCK_KEY)).toBeDefined(); // ui/lock from a page did not lock
  });

  it('ui messages push the auto-lock deadline, content messages never do', async () => {
    const { route, session, clock } = await setup();
    const deadline = () => (session.data.get(UNLOCK_KEY) as { expiresAt: number }).expiresAt;
    const first = deadline();
    clock.now += 5 * 60_000;
    await route({ type: 'content/footprint', footprint: snapshot(origin) }, contentScript(origin));
    expect(deadline()).toBe(first);
    await route({ type: 'ui/settings-get' }, extensionPage);
    expect(deadline()).toBe(clock.now + 15 * 60_000);
  });

  it('a damaged keyring answers internal, not its details', async () => {
    const { route, storage } = await setup();
    storage.data.set('keyring', { version: 1, nonsense: true });
    expect(await route({ type: 'ui/wallet-state' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
