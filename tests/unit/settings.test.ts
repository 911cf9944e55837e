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
    expect(settings).toEqual({ paused: true, excludedCategories: ['adult'], allowList: [], denyList: ['x.com'], retentionDays: 30, autoLockMinutes: 15, hiddenPools: [] });
  });

  it('migrates v1 → v2: autoLockMinutes arrives with its default, every v1 field kept', () => {
    const v1 = { paused: true, excludedCategories: ['adult'], allowList: ['a.com'], denyList: ['x.com'], retentionDays: 30 };
    const { settings, repaired } = parseStoredSettings({ version: 1, settings: v1 });
    expect(SETTINGS_VERSION).toBe(3);
    expect(repaired).toBe(true);
    expect(settings).toEqual({ ...v1, autoLockMinutes: 15, hiddenPools: [] });
    expect(DEFAULT_SETTINGS.autoLockMinutes).toBe(15);
  });

  it('migrates v2 → v3: no hidden pools at first; keys are chainId:lower-case address', () => {
    const v2 = { ...DEFAULT_SETTINGS, hiddenPools: undefined, paused: true };
    const { settings, repaired } = parseStoredSettings({ version: 2, settings: v2 });
    expect(repaired).toBe(true);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, paused: true, hiddenPools: [] });
    const key = `31337:0x${'ab'.repeat(20)}`;
    expect(settingsPatchSchema.safeParse({ hiddenPools: [key] }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ hiddenPools: [key.toUpperCase()] }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ hiddenPools: [`0x${'ab'.repeat(20)}`] }).success).toBe(false);
    expect(parseStoredSettings({ version: 3, settings: { ...DEFAULT_SETTINGS, hiddenPools: [key, 'junk'] } }).settings.hiddenPools).toEqual([]);
  });

  it('keeps a stored autoLockMinutes in 1–1440 and defaults anything else', () => {
    const at = (autoLockMinutes: unknown) => parseStoredSettings({ version: 2, settings: { ...DEFAULT_SETTINGS, autoLockMinutes } }).settings.autoLockMinutes;
    expect(at(1)).toBe(1);
    expect(at(1440)).toBe(1440);
    for (const bad of [0, 1441, 2.5, '15', null]) expect(at(bad)).toBe(15);
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 60 }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 0 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 1441 }).success).toBe(false);
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
