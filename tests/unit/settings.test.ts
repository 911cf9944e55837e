import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseStoredSettings, SETTINGS_VERSION, settingsPatchSchema } from '../../src/shared/settings';
import { createSettingsStore, SETTINGS_KEY } from '../../src/background/settings-store';
import { withSiteRule } from '../../src/background/capture-policy';
import { MemoryStorageArea } from './helpers/world';

describe('settings parsing and migration', () => {
  it('uses defaults when nothing is stored', () => {
    expect(parseStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, repaired: false });
  });

  it('migrates an unversioned v0 record (captureExcluded → excludedCategories)', () => {
    const { settings, repaired } = parseStoredSettings({ paused: true, captureExcluded: ['adult'], allowList: [], denyList: ['x.com'], retentionDays: 30 });
    expect(repaired).toBe(true);
    expect(settings).toEqual({ paused: true, excludedCategories: ['adult'], allowList: [], denyList: ['x.com'], retentionDays: 30 });
  });

  it('keeps valid fields and defaults invalid ones', () => {
    const { settings, repaired } = parseStoredSettings({ version: SETTINGS_VERSION, settings: { ...DEFAULT_SETTINGS, paused: true, retentionDays: 99999, denyList: 'x' } });
    expect(repaired).toBe(true);
    expect(settings.paused).toBe(true);
    expect(settings.retentionDays).toBe(DEFAULT_SETTINGS.retentionDays);
    expect(settings.denyList).toEqual([]);
  });

  it.each([null, 42, 'x', { version: 99, settings: {} }, { version: 1, settings: null }])('falls back to defaults for %j', (raw) => {
    expect(parseStoredSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects unknown patch fields and out-of-range values', () => {
    expect(settingsPatchSchema.safeParse({ retentionDays: 3 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ excludedCategories: ['nope'] }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ denyList: ['https://x.com/a'] }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ evil: true }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ denyList: ['x.com'], retentionDays: 7 }).success).toBe(true);
  });
});

describe('settings store', () => {
  it('writes a versioned envelope and repairs corrupted storage on read', async () => {
    const area = new MemoryStorageArea();
    area.data.set(SETTINGS_KEY, { version: 1, settings: { paused: 'yes' } });
    const store = createSettingsStore(area);
    expect((await store.get()).paused).toBe(false);
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: SETTINGS_VERSION, settings: DEFAULT_SETTINGS });
  });

  it('serialises concurrent updates so none is lost, and keeps lists canonical', async () => {
    const store = createSettingsStore(new MemoryStorageArea());
    await Promise.all([
      store.update({ paused: true }),
      store.update({ retentionDays: 30 }),
      store.update({ denyList: ['b.com', 'a.com', 'a.com'] }),
    ]);
    expect(await store.get()).toMatchObject({ paused: true, retentionDays: 30, denyList: ['a.com', 'b.com'] });
  });

  it('a site rule replaces any covering or covered entry', () => {
    const s = { ...DEFAULT_SETTINGS, allowList: ['news.example.com'], denyList: ['example.com', 'other.com'] };
    expect(withSiteRule(s, 'example.com', 'none')).toMatchObject({ allowList: [], denyList: ['other.com'] });
    expect(withSiteRule(s, 'example.com', 'allow')).toMatchObject({ allowList: ['example.com'], denyList: ['other.com'] });
  });
});
