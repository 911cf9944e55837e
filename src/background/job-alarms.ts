import { openJobs, type JobRecord } from '../vault';
import type { WorkerContext } from './context';
import { EPOCH_END_ALARM, onEpochEnd, scheduleEpochEnd } from './earn/epoch-alarm';
import { JOBS_ALARM, resumeOpenJobs } from './jobs';

/** The part of chrome.alarms the job alarms use. */
export interface JobAlarmsLike {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | void;
}

/**
 * Alarms of the earning flow: `jobs-resume` every minute while jobs are open
 * resumes them after the worker was stopped (a job never depends on the
 * worker staying alive; the alarm goes away once nothing is open, so an idle
 * extension does not wake the worker); `epoch-end` after each local week.
 * Idempotent: run at every worker start and after every message that may
 * start a job. `open`: the open jobs when the caller just read them.
 */
export async function ensureJobAlarms(alarms: JobAlarmsLike, ctx: WorkerContext, open?: Promise<readonly JobRecord[]>): Promise<void> {
  if (!(await alarms.get(EPOCH_END_ALARM))) await scheduleEpochEnd(alarms, ctx);
  await ensureResumeAlarm(alarms, await (open ?? openJobs(ctx.db)));
}

async function ensureResumeAlarm(alarms: JobAlarmsLike, open: readonly JobRecord[]): Promise<void> {
  if (open.length > 0 && !(await alarms.get(JOBS_ALARM))) {
    await alarms.create(JOBS_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
  }
}

/** The JOBS_ALARM handler: resumes the open jobs, or removes the alarm once nothing is open. */
export async function onJobsAlarm(alarms: JobAlarmsLike, ctx: WorkerContext): Promise<void> {
  const open = await openJobs(ctx.db);
  if (open.length === 0) await alarms.clear(JOBS_ALARM);
  else await resumeOpenJobs(ctx, open);
}

/** The EPOCH_END_ALARM handler: mints the finished week (if unlocked) and schedules the next week's alarm. */
export async function onEpochEndAlarm(alarms: JobAlarmsLike, ctx: WorkerContext): Promise<void> {
  console.info(`[surf-to-earn] week ended: ${await onEpochEnd(ctx)}`);
  await scheduleEpochEnd(alarms, ctx);
  // The week's mint job (if one started) resumes from the alarm should this worker stop.
  await ensureResumeAlarm(alarms, await openJobs(ctx.db));
}
