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
import { contentScript, extensionPage, makeWorld, NOW, RUNTIME_ID, snapshot } from './helpers/world';

function setup() {
  const world = makeWorld();
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
    const { route, db } = setup();
    const f = snapshot('https://www.coingecko.com');
    const reply = await route({ type: 'content/footprint', footprint: f }, contentScript('https://www.coingecko.com'));
    expect(reply).toEqual({ ok: true, data: { stored: true } });
    expect(await db.footprints.get(f.id)).toMatchObject({ domain: 'coingecko.com', category: 1 });
  });

  it('answers the capture query with a bare boolean', async () => {
    const { route } = setup();
    const reply = await route({ type: 'content/capture-query' }, contentScript('https://opensea.io'));
    expect(reply).toEqual({ ok: true, data: { capture: true } });
    expect(contentReplyDataSchemas['content/capture-query'].parse((reply as { data: unknown }).data)).toEqual({ capture: true });
  });

  it('says no capture for sensitive categories by default, and for paused capture', async () => {
    const { route } = setup();
    expect(await route({ type: 'content/capture-query' }, contentScript('https://www.mayoclinic.org'))).toEqual({ ok: true, data: { capture: false } });
    expect(await route({ type: 'content/capture-query' }, contentScript('https://www.smbc.co.jp'))).toEqual({ ok: true, data: { capture: false } });
    await route({ type: 'ui/set-paused', paused: true }, extensionPage);
    expect(await route({ type: 'content/capture-query' }, contentScript('https://www.bbc.com'))).toEqual({ ok: true, data: { capture: false } });
  });

  it('rejects a footprint whose origin differs from the sending frame, and writes nothing', async () => {
    const { route, db } = setup();
    const f = snapshot('https://www.bbc.com');
    const reply = await route({ type: 'content/footprint', footprint: f }, contentScript('https://evil.example'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('does not store footprints of paused capture, denied sites or excluded categories', async () => {
    const { route, db } = setup();
    await route({ type: 'ui/set-site-rule', domain: 'bbc.com', rule: 'deny' }, extensionPage);
    expect(await route({ type: 'content/footprint', footprint: snapshot('https://www.bbc.com') }, contentScript('https://www.bbc.com'))).toEqual({ ok: true, data: { stored: false } });
    expect(await route({ type: 'content/footprint', footprint: snapshot('https://www.webmd.com') }, contentScript('https://www.webmd.com'))).toEqual({ ok: true, data: { stored: false } });
    expect(await db.footprints.count()).toBe(0);
    // An explicit allow opts one sensitive site in.
    await route({ type: 'ui/set-site-rule', domain: 'webmd.com', rule: 'allow' }, extensionPage);
    expect(await route({ type: 'content/footprint', footprint: snapshot('https://www.webmd.com') }, contentScript('https://www.webmd.com'))).toEqual({ ok: true, data: { stored: true } });
  });

  it('refuses physically impossible snapshots (future start, more active time than elapsed)', async () => {
    const { route, db } = setup();
    const o = 'https://www.bbc.com';
    const future = snapshot(o, { startedAt: NOW + 3_600_000 });
    const tooLong = snapshot(o, { startedAt: NOW - 10_000, activeMs: 3_600_000 });
    expect(await route({ type: 'content/footprint', footprint: future }, contentScript(o))).toEqual({ ok: true, data: { stored: false } });
    expect(await route({ type: 'content/footprint', footprint: tooLong }, contentScript(o))).toEqual({ ok: true, data: { stored: false } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('content scripts may not send ui/… messages: no vault data ever reaches them', async () => {
    const { route, db } = setup();
    await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, contentScript('https://x.com'));
    for (const msg of [{ type: 'ui/vault-list', offset: 0, limit: 10 }, { type: 'ui/export' }, { type: 'ui/status' }, { type: 'ui/delete-all', confirm: 'DELETE' }]) {
      const reply = await route(msg, contentScript('https://x.com'));
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(JSON.stringify(reply)).not.toContain('x.com');
    }
    expect(await db.footprints.count()).toBe(1);
  });

  it('extension pages may not send content/… messages', async () => {
    const { route, db } = setup();
    const reply = await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('rejected senders get forbidden_sender before any parsing', async () => {
    const { route } = setup();
    const reply = await route({ type: 'ui/export' }, { id: 'someone-else', origin: 'chrome-extension://someone-else' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('delete-all needs the literal confirmation', async () => {
    const { route, db } = setup();
    await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, contentScript('https://x.com'));
    expect(await route({ type: 'ui/delete-all', confirm: 'delete' }, extensionPage)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await db.footprints.count()).toBe(1);
    expect(await route({ type: 'ui/delete-all', confirm: 'DELETE' }, extensionPage)).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await db.footprints.count()).toBe(0);
  });

  it('turns a failing handler into an internal error reply instead of throwing', async () => {
    const { route, db } = setup();
    db.close();
    const reply = await route({ type: 'ui/vault-list', offset: 0, limit: 5 }, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('router storage errors', () => {
  it('answers storage_full when IndexedDB runs out of quota, and keeps nothing', async () => {
    const { route, db } = setup();
    db.footprints.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const origin = 'https://www.bbc.com';
    const reply = await route({ type: 'content/footprint', footprint: snapshot(origin) }, contentScript(origin));
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(await db.footprints.count()).toBe(0);
  });
});
