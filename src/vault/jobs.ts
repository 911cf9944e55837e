import type { VaultDb } from './db';
import { VaultError } from './errors';
import { jobRecordSchema, type JobKind, type JobParamsInput, type JobRecord } from './schema/jobs';

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

/**
 * A stored row as a typed job (jobRecordSchema). Rows are checked on every
 * write, so a row that fails here was damaged outside this code.
 */
export function parseJob(row: unknown): JobRecord {
  const parsed = jobRecordSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const id = (row as { id?: unknown } | null)?.id;
  throw new VaultError('internal', `stored job ${String(id)} is damaged`, { cause: parsed.error });
}

/** The rows that parse; a damaged one is logged and left out, so it cannot hide every other job. */
function parseJobs(rows: readonly unknown[]): JobRecord[] {
  return rows.flatMap((row) => {
    try {
      return [parseJob(row)];
    } catch (err) {
      console.error('[surf-to-earn] skipping a damaged job', err);
      return [];
    }
  });
}

/**
 * The open job for `key`, or a new queued one. One transaction, so two quick
 * clicks make one job. `params` are checked against the kind's schema here,
 * so a job that exists has params its steps can read without casts.
 */
export async function openJob<K extends JobKind>(
  db: VaultDb,
  kind: K,
  key: string,
  params: JobParamsInput<K>,
  now: number,
): Promise<{ job: JobRecord; created: boolean }> {
  return db.transaction('rw', db.jobs, async () => {
    const open = parseJobs(await db.jobs.where('kind').equals(kind).toArray()).find((j) => isOpen(j) && j.params.key === key);
    if (open) return { job: open, created: false };
    const job = jobRecordSchema.parse({
      id: `${kind}-${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`,
      kind,
      state: 'queued',
      progress: 0,
      params: { ...params, key },
      step: 0,
      createdAt: now,
      updatedAt: now,
    });
    await db.jobs.add(job);
    return { job, created: true };
  });
}

/** The job with this id, parsed, or undefined when there is none; a damaged row throws a VaultError. */
export async function getJob(db: VaultDb, id: string): Promise<JobRecord | undefined> {
  const row = await db.jobs.get(id);
  return row === undefined ? undefined : parseJob(row);
}

/** Applies `patch` and returns the job as stored. */
export async function updateJob(db: VaultDb, id: string, patch: JobPatch, now: number): Promise<JobRecord> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(id);
    if (!job) throw new VaultError('internal', `job ${id} is gone`);
    // Checked before it is written: a stored job always parses when loaded.
    const next = jobRecordSchema.parse({ ...job, ...patch, updatedAt: now });
    await db.jobs.put(next);
    return next;
  });
}

/** Every open job, oldest first (the order they resume in). */
export async function openJobs(db: VaultDb): Promise<JobRecord[]> {
  return parseJobs(await db.jobs.where('state').anyOf([...OPEN_STATES]).toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/** Open jobs and the latest finished ones, newest first. */
export async function recentJobs(db: VaultDb, limit = 10): Promise<JobRecord[]> {
  const all = parseJobs(await db.jobs.orderBy('updatedAt').reverse().limit(50).toArray());
  return [...all.filter(isOpen), ...all.filter((j) => !isOpen(j)).slice(0, limit)];
}
