import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRouter } from '../../src/background/router';
import {
  contentMessageSchema,
  contentReplyDataSchemas,
  errorReplySchema,
  uiMessageSchema,
  uiReplyDataSchemas,
} from '../../src/shared/messages';
import { SETTINGS_KEY } from '../../src/background/settings-store';
import type { SenderLike } from '../../src/background/sender';
import { UNLOCK_KEY } from '../../src/background/lock';
import { contentScript, extensionPage, makeOnboardedWorld, snapshot } from './helpers/world';

const TYPES = [
  'content/footprint', 'ui/status', 'ui/set-paused', 'ui/set-site-rule', 'ui/settings-get',
  'ui/settings-update', 'ui/vault-list', 'ui/export', 'ui/delete-all', 'ui/unknown', 'content/', '', 'UI/EXPORT',
  'ui/onboard', 'ui/unlock', 'ui/lock', 'ui/account-export', 'ui/account-import',
];

/** Values that break schemas in interesting ways: wrong types, huge, negative, prototype keys, NaN. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(NaN, Infinity, -1, 2 ** 53, -0, '', 'DELETE ', 'delete', '__proto__', 'https://x.com/path?q=1', 'javascript:alert(1)'),
  fc.string({ maxLength: 400 }),
  fc.integer(),
);

/** Valid messages, to be broken by a mutation. */
const valid = (): Record<string, unknown>[] => [
  { type: 'content/footprint', footprint: snapshot('https://x.com') },
  { type: 'ui/status', tabOrigin: 'https://x.com' },
  { type: 'ui/set-paused', paused: true },
  { type: 'ui/set-site-rule', domain: 'x.com', rule: 'deny' },
  { type: 'ui/settings-update', patch: { retentionDays: 30, excludedCategories: [] } },
  { type: 'ui/vault-list', offset: 0, limit: 10 },
  { type: 'ui/delete-all', confirm: 'DELETE' },
  { type: 'ui/onboard', password: 'a new password' },
  { type: 'ui/account-import', password: 'correct horse battery', privateKey: `0x${'11'.repeat(32)}` },
];

const mutated = fc
  .tuple(fc.nat(), fc.constantFrom('drop', 'set', 'extra', 'nested'), fc.string({ maxLength: 12 }), nasty)
  .map(([i, op, key, value]) => {
    const all = valid();
    const base = structuredClone(all[i % all.length]);
    const keys = Object.keys(base);
    const k = keys[i % keys.length];
    if (op === 'drop') delete base[keys[(i + 1) % keys.length] === 'type' ? keys[i % keys.length] : keys[(i + 1) % keys.length]];
    if (op === 'set') base[k === 'type' && keys.length > 1 ? keys[1] : k] = value;
    if (op === 'extra') base[key || 'extra'] = value;
    if (op === 'nested' && typeof base.footprint === 'object') (base.footprint as Record<string, unknown>)[key || 'activeMs'] = value;
    if (op === 'nested' && typeof base.patch === 'object') (base.patch as Record<string, unknown>)[key || 'retentionDays'] = value;
    return base;
  });

const message = fc.oneof(
  nasty,
  fc.record({ type: fc.constantFrom(...TYPES) }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('type', 'footprint', 'patch', 'confirm', 'offset', 'limit', 'domain', 'rule', 'paused', 'password', 'privateKey'), nasty),
  fc.record({ type: fc.constantFrom(...TYPES), footprint: nasty, patch: nasty, confirm: nasty, domain: nasty }, { requiredKeys: ['type'] }),
  mutated,
);

const sender: fc.Arbitrary<SenderLike> = fc.oneof(
  fc.constant(extensionPage),
  fc.constant(contentScript('https://x.com')),
  fc.constant(contentScript('https://x.com', { id: 1, incognito: true })),
  fc.record({ id: fc.string(), origin: fc.string(), tab: fc.record({ id: fc.integer(), incognito: fc.boolean() }) }, { requiredKeys: [] }),
);

/** True when a message would pass its schema (then it is not malformed and is not counted). */
function isWellFormed(m: unknown): boolean {
  return uiMessageSchema.safeParse(m).success || contentMessageSchema.safeParse(m).success;
}

describe('router fuzz', () => {
  it('10,000+ malformed messages: no throw escapes, every reply is a typed error, nothing is written', async () => {
    const { ctx, db, storage, session } = await makeOnboardedWorld();
    const route = createRouter(ctx, 'abcdefghijklmnopabcdefghijklmnop');
    // Seed data so a wrongly accepted delete, settings, keyring or lock write would show.
    await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, contentScript('https://x.com'));
    await ctx.settings.get();
    const rowsBefore = JSON.stringify(await db.footprints.toArray());
    const settingsBefore = JSON.stringify(storage.data.get(SETTINGS_KEY));
    const keyringBefore = JSON.stringify(storage.data.get('keyring'));
    const unlockBefore = JSON.stringify(session.data.get(UNLOCK_KEY));
    expect(await db.footprints.count()).toBe(1);

    const samples = fc.sample(fc.tuple(message, sender), { numRuns: 14_000, seed: 20261125 });
    let malformed = 0;
    const codes = new Map<string, number>();
    for (const [m, s] of samples) {
      if (isWellFormed(m)) continue;
      malformed += 1;
      let reply: unknown;
      await expect((async () => (reply = await route(m, s)))()).resolves.toBeDefined();
      const parsed = errorReplySchema.safeParse(reply);
      if (!parsed.success) throw new Error(`untyped reply ${JSON.stringify(reply)} for ${JSON.stringify(m)}`);
      expect(['invalid_message', 'forbidden_sender']).toContain(parsed.data.error.code);
      codes.set(parsed.data.error.code, (codes.get(parsed.data.error.code) ?? 0) + 1);
    }
    expect(malformed).toBeGreaterThanOrEqual(10_000);
    // Both gates are exercised: the trust/allowlist gate and the schema gate.
    expect(codes.get('invalid_message')).toBeGreaterThan(2_000);
    expect(codes.get('forbidden_sender')).toBeGreaterThan(2_000);
    expect(JSON.stringify(await db.footprints.toArray())).toBe(rowsBefore);
    expect(JSON.stringify(storage.data.get(SETTINGS_KEY))).toBe(settingsBefore);
    expect(JSON.stringify(storage.data.get('keyring'))).toBe(keyringBefore);
    expect(JSON.stringify(session.data.get(UNLOCK_KEY))).toBe(unlockBefore);
  });

  it('well-formed messages from an extension page get replies that match their data schema', async () => {
    const { ctx } = await makeOnboardedWorld();
    const route = createRouter(ctx, 'abcdefghijklmnopabcdefghijklmnop');
    for (const m of [
      { type: 'ui/wallet-state' },
      { type: 'ui/lock' },
      { type: 'ui/unlock', password: 'correct horse battery' },
      { type: 'ui/status', tabOrigin: 'https://www.nhk.or.jp' },
      { type: 'ui/status' },
      { type: 'ui/set-paused', paused: false },
      { type: 'ui/set-site-rule', domain: 'x.com', rule: 'allow' },
      { type: 'ui/settings-get' },
      { type: 'ui/settings-update', patch: { retentionDays: 30 } },
      { type: 'ui/vault-list', offset: 0, limit: 10 },
      { type: 'ui/export' },
      { type: 'ui/delete-all', confirm: 'DELETE' },
    ] as const) {
      const reply = (await route(m, extensionPage)) as { ok: boolean; data: unknown };
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      expect(uiReplyDataSchemas[m.type].safeParse(reply.data).success, m.type).toBe(true);
    }
    const fp = (await route({ type: 'content/footprint', footprint: snapshot('https://x.com') }, contentScript('https://x.com'))) as { data: unknown };
    expect(contentReplyDataSchemas['content/footprint'].safeParse(fp.data).success).toBe(true);
  });
});
