/**
 * The worker's one alarm table: every chrome.alarms name → its handler. The
 * worker has a single onAlarm listener (index.ts) that looks names up here. A
 * module that creates an alarm exports its name and its handler; this file
 * wires them (tests/unit/alarm-table.test.ts checks that every alarm created
 * anywhere in src has an entry).
 */
import { RETENTION_ALARM, runRetentionPurge } from './alarms';
import type { WorkerContext } from './context';
import { EPOCH_END_ALARM } from './earn/epoch-alarm';
import { onEpochEndAlarm, onJobsAlarm, type JobAlarmsLike } from './job-alarms';
import { JOBS_ALARM } from './jobs';
import { AUTO_LOCK_ALARM } from './lock';
import { PROVER_IDLE_ALARM } from './prover';

/** What alarm handlers use: the worker's context, chrome.alarms (to re-arm) and the prover. */
export interface AlarmDeps {
  ctx: WorkerContext;
  alarms: JobAlarmsLike;
  /** The worker's BrowserProver: its idle alarm closes the offscreen page. */
  prover: { onIdleAlarm(): void };
}

export type AlarmHandler = (deps: AlarmDeps) => Promise<unknown> | void;

export const ALARM_TABLE: ReadonlyMap<string, AlarmHandler> = new Map<string, AlarmHandler>([
  // Daily: deletes footprints older than the retention setting.
  [RETENTION_ALARM, ({ ctx }) => runRetentionPurge(ctx)],
  // The unlock session's deadline.
  [AUTO_LOCK_ALARM, ({ ctx }) => ctx.lock.lock()],
  // Every minute while jobs are open: resumes them after the worker was stopped.
  [JOBS_ALARM, ({ ctx, alarms }) => onJobsAlarm(alarms, ctx)],
  // After each local week: mints the finished week.
  [EPOCH_END_ALARM, ({ ctx, alarms }) => onEpochEndAlarm(alarms, ctx)],
  // After a proof: closes the offscreen page once it has been idle.
  [PROVER_IDLE_ALARM, ({ prover }) => prover.onIdleAlarm()],
]);

/**
 * Runs the handler of alarm `name`. A name not in the table (an alarm left by
 * an older version) is ignored. Never throws: a failure is logged, and the
 * alarm fires again if it is periodic.
 */
export async function dispatchAlarm(name: string, deps: AlarmDeps, table: ReadonlyMap<string, AlarmHandler> = ALARM_TABLE): Promise<void> {
  const handler = table.get(name);
  if (!handler) return;
  try {
    await handler(deps);
  } catch (cause) {
    console.error(`[surf-to-earn] alarm ${name} failed`, cause);
  }
}
