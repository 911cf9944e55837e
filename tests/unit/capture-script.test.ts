import { describe, expect, it } from 'vitest';
import { CAPTURE_SCRIPT_ID, createCaptureScriptSync, denyPatterns, type CaptureRegistration, type ScriptingPort } from '../../src/background/capture-script';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

/** browser.scripting as Chrome behaves: one registration per id, a duplicate register throws. */
function fakeScripting() {
  const registered = new Map<string, CaptureRegistration>();
  const log: string[] = [];
  const port: ScriptingPort = {
    getRegisteredContentScripts: async ({ ids }) => ids.flatMap((id) => (registered.has(id) ? [structuredClone(registered.get(id)!)] : [])),
    registerContentScripts: async (scripts) => {
      await new Promise((r) => setTimeout(r, 5)); // a real registration takes a moment: overlapping calls would race
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, structuredClone(s));
      }
      log.push('register');
    },
    updateContentScripts: async (scripts) => {
      for (const s of scripts) {
        if (!registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        registered.set(s.id, structuredClone(s));
      }
      log.push('update');
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) registered.delete(id);
      log.push('unregister');
    },
  };
  return { port, registered, log };
}

describe('the capture content script registration', () => {
  it('follows the state: none before onboarding, registered after, gone while paused, deny list excluded', async () => {
    const { port, registered } = fakeScripting();
    let state: { onboarded: boolean; settings: Settings } = { onboarded: false, settings: { ...DEFAULT_SETTINGS } };
    const sync = createCaptureScriptSync(port, 'assets/capture.js', async () => state);

    expect(await sync()).toBe('unchanged');
    expect(registered.size).toBe(0); // before onboarding no page runs any of our code

    state = { ...state, onboarded: true };
    expect(await sync()).toBe('registered');
    expect(registered.get(CAPTURE_SCRIPT_ID)).toEqual({
      id: CAPTURE_SCRIPT_ID,
      js: ['assets/capture.js'],
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: [],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
    expect(await sync()).toBe('unchanged'); // idempotent: every background start runs it

    state = { ...state, settings: { ...state.settings, denyList: ['example.com', 'news.example.org'] } };
    expect(await sync()).toBe('updated');
    expect(registered.get(CAPTURE_SCRIPT_ID)?.excludeMatches).toEqual(['*://*.example.com/*', '*://*.news.example.org/*']);

    state = { ...state, settings: { ...state.settings, paused: true } };
    expect(await sync()).toBe('unregistered');
    expect(registered.size).toBe(0);

    state = { ...state, settings: { ...state.settings, paused: false } };
    expect(await sync()).toBe('registered');
    state = { onboarded: false, settings: { ...DEFAULT_SETTINGS } }; // reset: the keyring is gone
    expect(await sync()).toBe('unregistered');
  });

  it('an update of the extension (a new file name) updates the registration in place', async () => {
    const { port, registered } = fakeScripting();
    const state = async () => ({ onboarded: true, settings: { ...DEFAULT_SETTINGS } });
    await createCaptureScriptSync(port, 'assets/capture-v1.js', state)();
    expect(await createCaptureScriptSync(port, 'assets/capture-v2.js', state)()).toBe('updated');
    expect(registered.get(CAPTURE_SCRIPT_ID)?.js).toEqual(['assets/capture-v2.js']);
  });

  it('overlapping syncs (a burst of storage changes) register once, without a duplicate-id failure', async () => {
    const { port, log } = fakeScripting();
    const sync = createCaptureScriptSync(port, 'assets/capture.js', async () => ({ onboarded: true, settings: { ...DEFAULT_SETTINGS } }));
    const results = await Promise.all([sync(), sync(), sync()]);
    expect(results).toEqual(['registered', 'unchanged', 'unchanged']);
    expect(log).toEqual(['register']);
  });

  it('a failed sync does not block the next one', async () => {
    const { port, registered } = fakeScripting();
    let fail = true;
    const sync = createCaptureScriptSync(port, 'assets/capture.js', async () => {
      if (fail) throw new Error('storage unavailable');
      return { onboarded: true, settings: { ...DEFAULT_SETTINGS } };
    });
    await expect(sync()).rejects.toThrow('storage unavailable');
    fail = false;
    expect(await sync()).toBe('registered');
    expect(registered.size).toBe(1);
  });

  it('turns only well-formed deny-list domains into match patterns', () => {
    expect(denyPatterns(['example.com', 'xn--r8jz45g.jp', 'bad/path', '*.x.com', ''])).toEqual(['*://*.example.com/*', '*://*.xn--r8jz45g.jp/*']);
  });
});
