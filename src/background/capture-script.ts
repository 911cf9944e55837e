import type { Settings } from '../shared/settings';

/** The id of the one content script we register (scripting.registerContentScripts). */
export const CAPTURE_SCRIPT_ID = 'capture';

/** The pages capture may run on: every http(s) page in the top frame; the worker decides per site. */
export const CAPTURE_MATCHES = ['http://*/*', 'https://*/*'] as const;

/** What we register, in scripting.RegisteredContentScript's shape (the fields we set). */
export interface CaptureRegistration {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

/** The part of browser.scripting we use; unit tests pass a fake. */
export interface ScriptingPort {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string; js?: string[]; matches?: string[]; excludeMatches?: string[] }[]>;
  registerContentScripts(scripts: CaptureRegistration[]): Promise<void>;
  updateContentScripts(scripts: CaptureRegistration[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/** A deny-list entry as a match pattern for it and its subdomains (`*.` also matches the domain itself). */
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
export const denyPatterns = (denyList: readonly string[]): string[] =>
  denyList.filter((d) => DOMAIN.test(d)).map((d) => `*://*.${d}/*`);

/**
 * The registration capture should have now, or null for none: nothing runs
 * on any page before onboarding (there is no key to seal to) or while
 * capture is paused; the user's deny list is not injected at all. Everything
 * else (excluded categories, the allow list, sensitive pages) is still
 * decided per footprint by the worker and the content script.
 */
export function wantedRegistration(scriptFile: string, onboarded: boolean, settings: Settings): CaptureRegistration | null {
  if (!onboarded || settings.paused) return null;
  return {
    id: CAPTURE_SCRIPT_ID,
    js: [scriptFile],
    matches: [...CAPTURE_MATCHES],
    excludeMatches: denyPatterns(settings.denyList),
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Keeps the capture content script's registration equal to what the state
 * asks for (wantedRegistration). Calls are serialised: storage changes come
 * in bursts, and two overlapping registrations of one id would fail.
 * Idempotent: run at every background start and after every storage change.
 */
export function createCaptureScriptSync(
  scripting: ScriptingPort,
  scriptFile: string,
  state: () => Promise<{ onboarded: boolean; settings: Settings }>,
): () => Promise<'registered' | 'updated' | 'unregistered' | 'unchanged'> {
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const run = queue.then(async () => {
      const { onboarded, settings } = await state();
      const want = wantedRegistration(scriptFile, onboarded, settings);
      const [have] = await scripting.getRegisteredContentScripts({ ids: [CAPTURE_SCRIPT_ID] });
      if (!want) {
        if (!have) return 'unchanged' as const;
        await scripting.unregisterContentScripts({ ids: [CAPTURE_SCRIPT_ID] });
        return 'unregistered' as const;
      }
      if (!have) {
        await scripting.registerContentScripts([want]);
        return 'registered' as const;
      }
      if (same(have.js, want.js) && same(have.matches, want.matches) && same(have.excludeMatches, want.excludeMatches)) return 'unchanged' as const;
      await scripting.updateContentScripts([want]);
      return 'updated' as const;
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
