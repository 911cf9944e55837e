import type { JobView } from '../../shared/earning-messages';
import type { JobKind, JobRecord, VaultDb } from '../../vault';

/**
 * Jobs in the vault's `jobs` table (docs/earning.md "Jobs"). An intent (mint
 * epoch E, stake token T in pool P…) has a key; asking again while a job for
 * that key is open returns the open job instead of starting a second one.
 */
export const OPEN_STATES = ['queued', 'building', 'proving', 'submitting', 'confirming'] as const;

/** Whether `job` exists and is still open (not done or failed). */
export const isOpen = (job: JobRecord | undefined): job is JobRecord =>
  !!job && (OPEN_STATES as readonly string[]).includes(job.state);

export type JobPatch = Partial<Omit<JobRecord, 'id' | 'kind' | 'createdAt'>>;

/** The open job for `key`, or a new queued one. One transaction, so two quick clicks make one job. */
export async function openJob(
  db: VaultDb,
  kind: JobKind,
  key: string,
  params: JobRecord['params'],
  now: number,
): Promise<{ job: JobRecord; created: boolean }> {
  return db.transaction('rw', db.jobs, async () => {
    const open = (await db.jobs.where('kind').equals(kind).toArray()).find((j) => isOpen(j) && j.params.key === key);
    if (open) return { job: open, created: false };
    const job: JobRecord = {
      id: `${kind}-${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`,
      kind,
      state: 'queued',
      progress: 0,
      params: { ...params, key },
      step: 0,
      createdAt: now,
      updatedAt: now,
    };
    await db.jobs.add(job);
    return { job, created: true };
  });
}

/** Applies `patch` and returns the job as stored. */
export async function updateJob(db: VaultDb, id: string, patch: JobPatch, now: number): Promise<JobRecord> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(id);
    if (!job) throw new Error(`job ${id} is gone`);
    const next: JobRecord = { ...job, ...patch, updatedAt: now };
    await db.jobs.put(next);
    return next;
  });
}

export async function openJobs(db: VaultDb): Promise<JobRecord[]> {
  return (await db.jobs.where('state').anyOf([...OPEN_STATES]).toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/** Open jobs and the latest finished ones, newest first. */
export async function recentJobs(db: VaultDb, limit = 10): Promise<JobRecord[]> {
  const all = await db.jobs.orderBy('updatedAt').reverse().limit(50).toArray();
  return [...all.filter(isOpen), ...all.filter((j) => !isOpen(j)).slice(0, limit)];
}

/** What the popup sees of a job: no signed bytes, no proof. */
export function toJobView(job: JobRecord): JobView {
  const p = job.params;
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    ...(typeof p.epoch === 'number' ? { epoch: p.epoch } : {}),
    ...(typeof p.pool === 'string' ? { pool: p.pool } : {}),
    ...(typeof p.tokenId === 'string' ? { tokenId: p.tokenId } : {}),
    ...(job.tx ? { txHash: job.tx.hash } : {}),
    ...(job.error ? { error: job.error } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
