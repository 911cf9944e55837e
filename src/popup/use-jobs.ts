import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getJob, type JobView } from '../ui/api';
import { isOpenJob, JOB_POLL_MS } from '../ui/jobs';

/**
 * Follows jobs: every open one is re-read with ui/job every ~800 ms until it
 * is done or failed. Jobs are persisted by the worker, so closing the popup
 * loses nothing: on open the shell seeds this with the open jobs of
 * ui/earn-state. A poll that fails for a passing reason (timeout) is simply
 * tried again; a job the worker no longer knows is shown as failed.
 */
export function useJobs(onLocked: () => void): {
  jobs: JobView[];
  track: (job: JobView) => void;
  settled: number;
} {
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [settled, setSettled] = useState(0);
  const latest = useRef(jobs);
  latest.current = jobs;

  const merge = useCallback((job: JobView) => {
    setJobs((list) => {
      const old = list.find((j) => j.id === job.id);
      if (old && old.updatedAt > job.updatedAt) return list;
      if (old && isOpenJob(old) && !isOpenJob(job)) setSettled((n) => n + 1);
      const rest = list.filter((j) => j.id !== job.id);
      return [job, ...rest].sort((a, b) => b.createdAt - a.createdAt);
    });
  }, []);

  const anyOpen = jobs.some(isOpenJob);
  useEffect(() => {
    if (!anyOpen) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      for (const job of latest.current.filter(isOpenJob)) {
        const result = await getJob(job.id);
        if (stopped) return;
        if (result.ok) merge(result.data);
        else if (result.error.code === 'locked') onLocked();
        else if (result.error.code === 'job_not_found') merge({ ...job, state: 'failed', error: { code: 'job_not_found', message: result.error.message }, updatedAt: Date.now() });
      }
      if (!stopped) timer = setTimeout(() => void tick(), JOB_POLL_MS);
    };
    timer = setTimeout(() => void tick(), JOB_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [anyOpen, merge, onLocked]);

  return { jobs, track: merge, settled };
}
