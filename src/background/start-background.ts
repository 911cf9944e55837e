/**
 * The background's wiring, the same in both browsers: browser events to
 * modules, nothing else. The background may be stopped after 30 s idle (Chrome's
 * service worker, Firefox's event page), so nothing here keeps state that
 * matters: settings live in storage.local, data in the IndexedDB vault, timers
 * in alarms. Listeners are registered synchronously when the entry runs, so
 * events that wake the background find them.
 *
 * What differs between the browsers comes in as `adapters`, one per difference,
 * picked by the per-browser entry file (index.ts for Chrome, firefox.ts for
 * Firefox; the manifest names the entry): never an `if (firefox)` in here.
 */
// The build emits the content script as one self-contained file and gives us its name (crxjs `?script&iife`).
import captureScriptFile from '../content/entry.ts?script&iife';
import { browser, type Runtime } from '../platform/browser';
import { openJobs, openVault } from '../vault';
import { dispatchAlarm } from './alarm-table';
import { ensureRetentionAlarm } from './alarms';
import { createCaptureScriptSync, type ScriptingPort } from './capture-script';
import type { UiMessage } from '../shared/messages';
import type { WorkerContext } from './context';
import { JOB_STARTING_TYPES } from './handlers';
import { ensureJobAlarms } from './job-alarms';
import { resumeOpenJobs } from './jobs';
import { createLockService } from './lock';
import { KEYRING_KEY } from './lock/storage';
import { createNetworkService } from './network';
import { createProver, type ProverDeps } from './prover';
import { createRouter } from './router';
import { createSettingsStore, SETTINGS_KEY } from './settings-store';

/** The per-browser parts of the background. */
export interface BackgroundAdapters {
  /** Where Groth16 proofs run: Chrome's offscreen page, Firefox's dedicated Worker (src/background/prover). */
  proverDeps(): ProverDeps;
}

export function startBackground(adapters: BackgroundAdapters): void {
  const local = browser.storage.local;
  const settings = createSettingsStore(local);
  const lock = createLockService({
    settings,
    local,
    session: browser.storage.session,
    alarms: browser.alarms,
    now: () => Date.now(),
  });
  // The offscreen prover (Chrome's page, Firefox's Worker), falling back to proving here (docs/earning.md).
  const prover = createProver(adapters.proverDeps());
  const ctx: WorkerContext = {
    db: openVault({ vaultPublicKey: () => lock.vaultPublicKey() }),
    lock,
    settings,
    now: () => Date.now(),
    tzOffset: () => new Date().getTimezoneOffset(),
    prover,
    network: createNetworkService({ local }),
    hostAccess: (originPattern) => browser.permissions.contains({ origins: [originPattern] }),
  };
  // Our pages' origin: chrome-extension://<id> in Chrome, moz-extension://<uuid> in Firefox (sender.ts).
  const route = createRouter(ctx, browser.runtime.id, new URL(browser.runtime.getURL('/')).origin);

  // The lock state is derived, never remembered: a restarted background clears an expired session now.
  void lock.state().catch((cause: unknown) => console.error('[surf-to-earn] lock check failed', cause));

  // Jobs never depend on this background staying alive: whatever was open when the last one died resumes now.
  const openAtStart = openJobs(ctx.db);
  void openAtStart.then((open) => resumeOpenJobs(ctx, open)).catch((cause: unknown) => console.error('[surf-to-earn] resuming jobs failed', cause));
  void ensureJobAlarms(browser.alarms, ctx, openAtStart).catch((cause: unknown) => console.error('[surf-to-earn] job alarms failed', cause));

  // The capture content script is registered only while it may capture (onboarded, not paused), minus the
  // deny list: before onboarding no page runs any of our code (src/background/capture-script.ts). The state
  // lives in storage.local, so its changes (onboarding, reset, pause, site rules) re-sync from one listener.
  const sync = createCaptureScriptSync(browser.scripting as unknown as ScriptingPort, captureScriptFile, async () => ({
    onboarded: (await lock.vaultPublicKey()) !== undefined,
    settings: await settings.get(),
  }));
  const syncCapture = () => sync().catch((cause: unknown) => console.error('[surf-to-earn] capture script sync failed', cause));
  void syncCapture();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || KEYRING_KEY in changes)) void syncCapture();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const reply = route(message, sender);
    // The message may have opened a job: make sure the resume alarm exists while it runs.
    void reply
      .then(() => (typeIn(message, JOB_STARTING_TYPES) ? ensureJobAlarms(browser.alarms, ctx) : undefined))
      .catch((cause: unknown) => console.error('[surf-to-earn] after a message', cause));
    // A change to what capture may do is in place before its reply: a page opened after it sees the new registration.
    if (!typeIn(message, CAPTURE_STATE_TYPES)) return reply; // the reply is asynchronous: the promise answers
    return reply.then(async (answer) => {
      await syncCapture();
      return answer;
    });
  });

  browser.runtime.onInstalled.addListener(() => {
    void ensureRetentionAlarm(browser.alarms);
    void ctx.settings.get(); // writes defaults (or repairs) on first install
  });

  browser.runtime.onStartup.addListener(() => {
    void ensureRetentionAlarm(browser.alarms);
  });

  // The one alarm listener: every alarm's handler is in the table (src/background/alarm-table.ts).
  browser.alarms.onAlarm.addListener((alarm) => {
    void dispatchAlarm(alarm.name, { ctx, alarms: browser.alarms, prover });
  });
}

/** Messages that may change whether or where the capture script runs (onboarding, pause, site rules, settings). */
const CAPTURE_STATE_TYPES: ReadonlySet<UiMessage['type']> = new Set(['ui/onboard', 'ui/set-paused', 'ui/set-site-rule', 'ui/settings-update']);

/** Whether the message's type is in `types` (e.g. JOB_STARTING_TYPES, derived from the handler registry: it may open a job). */
function typeIn(message: unknown, types: ReadonlySet<string>): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && types.has(type);
}
