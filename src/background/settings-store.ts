import {
  applySettingsPatch,
  parseStoredSettings,
  SETTINGS_VERSION,
  type Settings,
  type SettingsPatch,
  type StoredSettings,
} from '../shared/settings';

/** The part of chrome.storage.StorageArea we use; tests pass a small in-memory fake. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'settings';

export interface SettingsStore {
  /** Current settings, validated; defaults where storage holds nothing valid. */
  get(): Promise<Settings>;
  /** Applies a validated patch and returns the settings as stored. */
  update(patch: SettingsPatch): Promise<Settings>;
  /** Read-modify-write with an arbitrary pure change (site rules). */
  change(fn: (current: Settings) => Settings): Promise<Settings>;
}

/**
 * Settings in chrome.storage.local under one key, as `{version, settings}`.
 * No cache: the worker may die between any two events, and a read is cheap.
 * Writes are serialised in this worker instance so two quick UI changes
 * cannot overwrite each other.
 */
export function createSettingsStore(area: StorageAreaLike): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Settings> {
    const raw = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    const { settings, repaired } = parseStoredSettings(raw);
    if (repaired) await write(settings);
    return settings;
  }

  async function write(settings: Settings): Promise<void> {
    const stored: StoredSettings = { version: SETTINGS_VERSION, settings };
    await area.set({ [SETTINGS_KEY]: stored });
  }

  function change(fn: (current: Settings) => Settings): Promise<Settings> {
    const run = queue.then(async () => {
      const next = fn(await read());
      await write(next);
      return next;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    get: () => read(),
    update: (patch) => change((current) => applySettingsPatch(current, patch)),
    change,
  };
}
