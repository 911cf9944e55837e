import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentMessageSchema, uiMessageSchema, VAULT_PAGE_MAX } from '../../src/shared/messages';
import { snapshot } from './helpers/world';

const ok = (m: unknown) => uiMessageSchema.safeParse(m).success;

describe('ui message schemas', () => {
  it('accept every documented request', () => {
    for (const m of [
      { type: 'ui/status' },
      { type: 'ui/status', tabOrigin: 'https://www.nhk.or.jp' },
      { type: 'ui/set-paused', paused: true },
      { type: 'ui/set-site-rule', domain: 'example.co.jp', rule: 'none' },
      { type: 'ui/settings-get' },
      { type: 'ui/settings-update', patch: {} },
      { type: 'ui/settings-update', patch: { excludedCategories: ['adult'], allowList: ['a.com'], denyList: [], retentionDays: 365, paused: false } },
      { type: 'ui/vault-list', offset: 0, limit: VAULT_PAGE_MAX },
      { type: 'ui/export' },
      { type: 'ui/delete-all', confirm: 'DELETE' },
    ]) expect(ok(m), JSON.stringify(m)).toBe(true);
  });

  it.each([
    ['a URL as tabOrigin', { type: 'ui/status', tabOrigin: 'https://x.com/private/path' }],
    ['a non-http tabOrigin', { type: 'ui/status', tabOrigin: 'chrome://settings' }],
    ['unknown fields', { type: 'ui/export', extra: 1 }],
    ['a URL as site domain', { type: 'ui/set-site-rule', domain: 'https://x.com', rule: 'deny' }],
    ['an upper-case domain', { type: 'ui/set-site-rule', domain: 'X.COM', rule: 'deny' }],
    ['an unknown rule', { type: 'ui/set-site-rule', domain: 'x.com', rule: 'block' }],
    ['a page too large', { type: 'ui/vault-list', offset: 0, limit: VAULT_PAGE_MAX + 1 }],
    ['a negative offset', { type: 'ui/vault-list', offset: -1, limit: 1 }],
    ['a fractional limit', { type: 'ui/vault-list', offset: 0, limit: 1.5 }],
    ['delete without the literal', { type: 'ui/delete-all', confirm: 'yes' }],
    ['delete without confirm', { type: 'ui/delete-all' }],
    ['a patch with an unknown field', { type: 'ui/settings-update', patch: { telemetry: true } }],
    ['a patch with an unknown category', { type: 'ui/settings-update', patch: { excludedCategories: ['porn'] } }],
    ['a content message', { type: 'content/footprint', footprint: snapshot('https://x.com') }],
    ['the retired capture query', { type: 'content/capture-query' }],
  ])('reject %s', (_name, m) => expect(ok(m)).toBe(false));
});

describe('content message schemas', () => {
  it('accept a snapshot and reject paths, extras and out-of-range measures', () => {
    const f = snapshot('https://x.com');
    expect(contentMessageSchema.safeParse({ type: 'content/footprint', footprint: f }).success).toBe(true);
    for (const bad of [
      { ...f, origin: 'https://x.com/path' },
      { ...f, url: 'https://x.com/path' },
      { ...f, activeMs: -1 },
      { ...f, clicks: 1.5 },
      { ...f, id: 'not-a-uuid' },
    ]) expect(contentMessageSchema.safeParse({ type: 'content/footprint', footprint: bad }).success).toBe(false);
  });
});

describe('handler registry (meta)', () => {
  it('every handler file under src/background/handlers is wired in its index', () => {
    const dir = new URL('../../src/background/handlers/', import.meta.url);
    const index = readFileSync(new URL('index.ts', dir), 'utf8');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(index, f).toContain(`from './${f.replace(/\.ts$/, '')}'`);
  });
});
