import type { EligibilityReason as WorkerReason, PoolView } from '../ui/api';
import { poolPhase } from '../ui/amounts';
import { t } from '../ui/i18n';

type EligibilityReason = 'eligible' | 'upcoming' | 'staked' | 'ended' | 'no_token' | 'points' | 'too_old' | 'other';
type Eligibility = { ok: boolean; reason: EligibilityReason; text: string };

/** The worker's reason codes (eligibilityReasonSchema) mapped to ours; the Record keeps it exhaustive. */
const FROM_WORKER: Record<WorkerReason, EligibilityReason> = {
  already_staked: 'staked',
  ended: 'ended',
  no_token: 'no_token',
  not_enough_points: 'points',
  too_old: 'too_old',
};

/** A code outside the enum (a newer worker's) is "other". */
const fromWorker = (code: WorkerReason | undefined): EligibilityReason =>
  code !== undefined && Object.hasOwn(FROM_WORKER, code) ? FROM_WORKER[code] : 'other';

/** The message for each reason; tests/unit/i18n.test.ts checks every worker reason has one in en and ja. */
export const ELIGIBILITY_MESSAGE_KEYS: Record<EligibilityReason, string> = {
  eligible: 'pool_eligible',
  upcoming: 'pool_upcoming',
  staked: 'pool_staked',
  ended: 'pool_ended',
  no_token: 'pool_ineligible_no_token',
  points: 'pool_ineligible_points',
  too_old: 'pool_ineligible_too_old',
  other: 'pool_ineligible_other',
};

/** The message key a worker reason is shown with. */
export const workerReasonMessageKey = (code: WorkerReason): string => ELIGIBILITY_MESSAGE_KEYS[fromWorker(code)];

const describe = (reason: EligibilityReason): string => t(ELIGIBILITY_MESSAGE_KEYS[reason]);

/**
 * Whether the user can stake in `pool` now, and in plain words why not: the
 * worker's local eligibility (best minted token and its points in the pool's
 * categories, or a reason code), checked against the pool's period here too
 * so a pool that ended while the popup was open stops offering Stake.
 */
export function poolEligibility(pool: PoolView, nowMs: number): Eligibility {
  const phase = poolPhase(pool.start, pool.end, nowMs);
  const { eligible } = pool;
  let reason: EligibilityReason;
  if (phase === 'ended') reason = 'ended';
  else if (eligible.ok && eligible.tokenId) reason = phase === 'upcoming' ? 'upcoming' : 'eligible';
  else reason = fromWorker(eligible.reason);
  return { ok: reason === 'eligible', reason, text: describe(reason) };
}
