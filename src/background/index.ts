/**
 * Service worker entry: wires browser events to modules and does nothing else.
 * The worker may be stopped after 30 s idle, so nothing here keeps state that
 * matters: settings live in chrome.storage.local, data in the IndexedDB vault,
 * timers in chrome.alarms. Listeners are registered synchronously at top level
 * so events that wake the worker find them.
 */
import type { UiMessage } from '../shared/messages';
import { openVault } from '../vault';
import { ensureRetentionAlarm, RETENTION_ALARM, runRetentionPurge } from './alarms';
import type { WorkerContext } from './context';
import { ensureJobAlarms, onJobAlarm } from './job-alarms';
import { openJobs, resumeOpenJobs } from './jobs';
import { AUTO_LOCK_ALARM, createLockService } from './lock';
import { createNetworkService } from './network';
import { chromeProverDeps, createProver } from './prover';
import { createRouter } from './router';
import { createSettingsStore } from './settings-store';

const settings = createSettingsStore(chrome.storage.local);
const lock = createLockService({
  settings,
  local: chrome.storage.local,
  session: chrome.storage.session,
  alarms: chrome.alarms,
  now: () => Date.now(),
});
const ctx: WorkerContext = {
  db: openVault({ vaultPublicKey: () => lock.vaultPublicKey() }),
  lock,
  settings,
  now: () => Date.now(),
  tzOffset: () => new Date().getTimezoneOffset(),
  // The offscreen page with worker threads, falling back to single-threaded proving here (docs/earning.md).
  prover: createProver(chromeProverDeps()),
  network: createNetworkService({ local: chrome.storage.local }),
};
const route = createRouter(ctx, chrome.runtime.id);

// The lock state is derived, never remembered: a restarted worker clears an expired session now.
void lock.state().catch((cause: unknown) => console.error('[surf-to-earn] lock check failed', cause));

// Jobs never depend on this worker staying alive: whatever was open when the last one died resumes now.
const openAtStart = openJobs(ctx.db);
void openAtStart.then((open) => resumeOpenJobs(ctx, open)).catch((cause: unknown) => console.error('[surf-to-earn] resuming jobs failed', cause));
void ensureJobAlarms(chrome.alarms, ctx, openAtStart).catch((cause: unknown) => console.error('[surf-to-earn] job alarms failed', cause));

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  void route(message, sender)
    .then(sendResponse)
    // The message may have opened a job: make sure the resume alarm exists while it runs.
    .then(() => (startsJob(message) ? ensureJobAlarms(chrome.alarms, ctx) : undefined))
    .catch((cause: unknown) => console.error('[surf-to-earn] after a message', cause));
  return true; // the reply is asynchronous
});

chrome.runtime.onInstalled.addListener(() => {
  void ensureRetentionAlarm(chrome.alarms);
  void ctx.settings.get(); // writes defaults (or repairs) on first install
});

chrome.runtime.onStartup.addListener(() => {
  void ensureRetentionAlarm(chrome.alarms);
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== RETENTION_ALARM) return;
  void runRetentionPurge(ctx).catch((cause: unknown) => console.error('[surf-to-earn] retention purge failed', cause));
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== AUTO_LOCK_ALARM) return;
  void lock.lock().catch((cause: unknown) => console.error('[surf-to-earn] auto-lock failed', cause));
});

chrome.alarms.onAlarm.addListener((alarm) => {
  void onJobAlarm(alarm.name, chrome.alarms, ctx).catch((cause: unknown) => console.error('[surf-to-earn] job alarm failed', cause));
});

/** The UI messages that may open a job (src/background/handlers/earn.ts startJob); others, like the ui/job poll, do not. */
const JOB_STARTING: ReadonlySet<string> = new Set<UiMessage['type']>(['ui/prove-now', 'ui/stake', 'ui/unstake', 'ui/claim', 'ui/exit']);

function startsJob(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && JOB_STARTING.has(type);
}
