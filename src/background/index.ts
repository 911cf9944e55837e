/**
 * Service worker entry: wires browser events to modules and does nothing else.
 * The worker may be stopped after 30 s idle, so nothing here keeps state that
 * matters: settings live in chrome.storage.local, data in the IndexedDB vault,
 * timers in chrome.alarms. Listeners are registered synchronously at top level
 * so events that wake the worker find them.
 */
import { openJobs, openVault } from '../vault';
import { dispatchAlarm } from './alarm-table';
import { ensureRetentionAlarm } from './alarms';
import type { WorkerContext } from './context';
import { JOB_STARTING_TYPES } from './handlers';
import { ensureJobAlarms } from './job-alarms';
import { resumeOpenJobs } from './jobs';
import { createLockService } from './lock';
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
// The offscreen page with worker threads, falling back to single-threaded proving here (docs/earning.md).
const prover = createProver(chromeProverDeps());
const ctx: WorkerContext = {
  db: openVault({ vaultPublicKey: () => lock.vaultPublicKey() }),
  lock,
  settings,
  now: () => Date.now(),
  tzOffset: () => new Date().getTimezoneOffset(),
  prover,
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

// The one alarm listener: every alarm's handler is in the table (src/background/alarm-table.ts).
chrome.alarms.onAlarm.addListener((alarm) => {
  void dispatchAlarm(alarm.name, { ctx, alarms: chrome.alarms, prover });
});

/** Whether the message may have opened a job (JOB_STARTING_TYPES is derived from the handler registry). */
function startsJob(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (JOB_STARTING_TYPES as ReadonlySet<string>).has(type);
}
