import { AccountChangedError, ChainError, FeeError, ReplacedTransactionError, WrongChainError } from '../../chain/errors.ts';
import { KeyringError } from '../../keyring';
import { getJob, isOpen, openJobs, updateJob, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { NetworkError } from '../network';
import { toReplyError } from '../../shared/reply-error';
import { advanceExit } from './exit-job';
import { advanceMint } from './mint-job';
import { advancePoolCall, advanceStake } from './stake-job';

/** The periodic alarm that resumes open jobs after the worker was stopped. */
export const JOBS_ALARM = 'jobs-resume';

const ADVANCE = {
  mint: advanceMint,
  stake: advanceStake,
  unstake: advancePoolCall,
  claim: advancePoolCall,
  exit: advanceExit,
} as const;

/** Jobs this worker instance is running now (a new instance starts empty, and resumes them). */
const running = new Set<string>();

/**
 * Runs a job to its end or to a pause, one persisted state at a time, so a
 * worker that dies anywhere resumes at the last stored state. Never throws.
 * A failure becomes `failed` with a readable error — except when a signed
 * transaction may still land (network trouble, a locked vault before a
 * step that needs the key): the job then stays open and resumes later, since
 * failing it could make the user send the same intent twice.
 */
export async function runJob(ctx: WorkerContext, id: string): Promise<void> {
  if (running.has(id)) return;
  running.add(id);
  try {
    let job = await getJob(ctx.db, id);
    while (isOpen(job)) {
      try {
        job = await ADVANCE[job.kind](ctx, job);
      } catch (err) {
        const error = toReplyError(err, `${job.kind} job`);
        const current = (await getJob(ctx.db, id)) ?? job;
        const pause = isPause(err, current);
        console.error(`[surf-to-earn] job ${id} ${pause ? 'paused' : 'failed'}: ${error.code} ${error.message}`, err);
        await updateJob(ctx.db, id, pause ? { error } : { state: 'failed', error }, ctx.now());
        return;
      }
    }
  } catch (err) {
    console.error('[surf-to-earn] job runner', err);
  } finally {
    running.delete(id);
  }
}

/**
 * Starts every open job that is not running in this worker (on start, on the
 * alarm, on UI polls). `open`: the open jobs when the caller just read them.
 */
export async function resumeOpenJobs(ctx: WorkerContext, open?: readonly JobRecord[]): Promise<number> {
  const jobs = open ?? (await openJobs(ctx.db));
  const toRun = jobs.filter((j) => !running.has(j.id));
  for (const j of toRun) void runJob(ctx, j.id);
  return toRun.length;
}

function isPause(err: unknown, job: JobRecord): boolean {
  if (err instanceof KeyringError && err.code === 'locked') return true;
  // Its transaction can never be mined and was not signed again: nothing can land, so the job ends (Retry starts anew).
  if (err instanceof ReplacedTransactionError) return false;
  // The wallet now holds another account: only the job's own account could finish it, so it ends (nothing was signed).
  if (err instanceof AccountChangedError) return false;
  // A node on another chain, fees the account cannot pay, a fee cap under the base fee: nothing was lost, the job waits (docs/earning.md "Chain faults").
  if (err instanceof WrongChainError || err instanceof FeeError) return true;
  if (!job.tx) return err instanceof NetworkError;
  // A signed transaction exists: only a revert (the chain refused, not a node that did not answer) ends the job.
  return !(err instanceof ChainError && err.isRevert);
}
