import type { JOB_KINDS, JOB_STATES } from '../../shared/earning-messages';

/**
 * The `jobs` table: proof and transaction work persisted so it survives the
 * worker (docs/earning.md "Jobs"). A signed transaction is stored before it
 * is sent (`tx`), so a resumed job rebroadcasts instead of signing again.
 * Values are plain JSON (amounts as decimal strings).
 */
export type JobKind = (typeof JOB_KINDS)[number];
export type JobState = (typeof JOB_STATES)[number];

export interface JobRecord {
  id: string;
  kind: JobKind;
  state: JobState;
  /** 0–100 within the current state. */
  progress: number;
  params: Record<string, string | number | boolean>;
  /** The step the job is at (a multi-transaction job such as exit has several). */
  step: number;
  tx?: { hash: string; raw: string; nonce: number; chainId: number };
  result?: Record<string, string | number | boolean>;
  error?: { code: string; message: string };
  createdAt: number;
  updatedAt: number;
}

export const JOBS_INDEXES = {
  /** v4: added with the earning flow; open jobs are found by state, the latest by updatedAt. */
  4: 'id, state, kind, updatedAt',
} as const;
