import { z } from 'zod';
import { CATEGORY_KEYS, DEFAULT_EXCLUDED_CATEGORIES, type CategoryKey } from './categories';

/**
 * The user's settings: one typed record with defaults, a schema version and a
 * migration. Pure (no chrome.*): the worker's settings store loads raw values,
 * runs `parseStoredSettings`, and anything invalid falls back to defaults, so a
 * corrupted or hand-edited storage entry can never disable a privacy default.
 */
export const SETTINGS_VERSION = 3;

export const RETENTION_MIN_DAYS = 7;
export const RETENTION_MAX_DAYS = 365;
export const RETENTION_DEFAULT_DAYS = 90;
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 1440;
export const AUTO_LOCK_DEFAULT_MINUTES = 15;
/** At most this many entries in each of the allow and deny lists. */
export const SITE_LIST_MAX = 500;
/** At most this many hidden pools (all networks together). */
export const HIDDEN_POOLS_MAX = 2_000;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A lower-case ASCII host name (punycode for IDNs), at least two labels, no scheme, port or path. */
export const hostSchema = z
  .string()
  .max(253)
  .refine((s) => {
    const labels = s.split('.');
    return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
  }, 'must be a lower-case host name such as example.com');

const categoryKeySchema = z.enum(CATEGORY_KEYS as unknown as [CategoryKey, ...CategoryKey[]]);

const hostListSchema = z.array(hostSchema).max(SITE_LIST_MAX);

/** A hidden pool: `chainId:address`, the address lower-case (pool addresses can repeat across chains). */
export const hiddenPoolKeySchema = z.string().regex(/^[1-9][0-9]{0,15}:0x[0-9a-f]{40}$/, 'expected chainId:0x-address (lower-case)');

/** The settings key of a pool on a chain. */
export const hiddenPoolKey = (chainId: number, pool: string): string => `${chainId}:${pool.toLowerCase()}`;

export const settingsSchema = z
  .object({
    paused: z.boolean(),
    excludedCategories: z.array(categoryKeySchema).max(CATEGORY_KEYS.length),
    allowList: hostListSchema,
    denyList: hostListSchema,
    retentionDays: z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS),
    /** The unlocked vault locks itself after this long without UI activity (docs/earning.md "Lock state"). */
    autoLockMinutes: z.number().int().min(AUTO_LOCK_MIN_MINUTES).max(AUTO_LOCK_MAX_MINUTES),
    /** Pools the user hid from the Earn tab (docs/earning.md "Pools view"), as `hiddenPoolKey`s. */
    hiddenPools: z.array(hiddenPoolKeySchema).max(HIDDEN_POOLS_MAX),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** What the UI may change in one call; every field optional, unknown fields rejected. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  excludedCategories: [...DEFAULT_EXCLUDED_CATEGORIES],
  allowList: [],
  denyList: [],
  retentionDays: RETENTION_DEFAULT_DAYS,
  autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES,
  hiddenPools: [],
});

/** The envelope kept in storage: the version tells which migration applies. */
export interface StoredSettings {
  version: number;
  settings: unknown;
}

/**
 * Migrations from version n to n+1, by n. Version 0 is "no version": early
 * builds that stored the bare record (and used `captureExcluded` for the
 * category list) are lifted into the current shape.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => {
    const { captureExcluded, ...rest } = old;
    return captureExcluded !== undefined && rest.excludedCategories === undefined
      ? { ...rest, excludedCategories: captureExcluded }
      : rest;
  },
  /** v1 → v2: the vault lock arrived; an existing install gets the default auto-lock delay. */
  1: (old) => (old.autoLockMinutes === undefined ? { ...old, autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES } : old),
  /** v2 → v3: pools can be hidden from the Earn tab; none are at first. */
  2: (old) => (old.hiddenPools === undefined ? { ...old, hiddenPools: [] } : old),
};

/**
 * Turns whatever storage holds into valid settings. Never throws: unknown
 * versions, failed migrations and invalid fields fall back to the defaults
 * field by field, and `repaired` says a rewrite is due.
 */
export function parseStoredSettings(raw: unknown): { settings: Settings; repaired: boolean } {
  if (raw === undefined || raw === null) return { settings: cloneDefaults(), repaired: false };
  const envelope = raw as Partial<StoredSettings>;
  let version = typeof envelope.version === 'number' ? envelope.version : 0;
  const value: unknown = typeof envelope.version === 'number' ? envelope.settings : raw;
  if (version > SETTINGS_VERSION || typeof value !== 'object' || value === null) {
    return { settings: cloneDefaults(), repaired: true };
  }
  let record = value as Record<string, unknown>;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { settings: cloneDefaults(), repaired: true };
    record = step(record);
    version += 1;
  }
  const whole = settingsSchema.safeParse(record);
  if (whole.success) return { settings: whole.data, repaired: version !== envelope.version };
  // Keep each field that is valid on its own; default the rest.
  const settings = cloneDefaults();
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const field = shape[key].safeParse(record[key]);
    if (field.success) (settings as Record<string, unknown>)[key] = field.data;
  }
  return { settings, repaired: true };
}

/** Applies a validated patch; list fields are de-duplicated and sorted so stored data stays canonical. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...current, ...patch };
  next.allowList = [...new Set(next.allowList)].sort();
  next.denyList = [...new Set(next.denyList)].sort();
  next.hiddenPools = [...new Set(next.hiddenPools)].sort();
  next.excludedCategories = [...new Set(next.excludedCategories)].sort(
    (a, b) => CATEGORY_KEYS.indexOf(a) - CATEGORY_KEYS.indexOf(b),
  );
  return next;
}

function cloneDefaults(): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS, excludedCategories: [...DEFAULT_SETTINGS.excludedCategories], hiddenPools: [] });
}
