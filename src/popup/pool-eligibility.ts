import type { PoolView } from '../ui/api';
import { poolPhase } from '../ui/amounts';
import { t } from '../ui/i18n';

type EligibilityReason = 'eligible' | 'upcoming' | 'staked' | 'ended' | 'no_token' | 'points' | 'too_old' | 'other';
type Eligibility = { ok: boolean; reason: EligibilityReason; text: string };

/** The worker's reason codes (src/background/earn/pools-view.ts) mapped to ours; unknown codes are "other". */
function fromWorker(code: string | undefined): EligibilityReason {
  switch (code) {
    case 'already_staked':
      return 'staked';
    case 'ended':
      return 'ended';
    case 'no_token':
      return 'no_token';
    case 'not_enough_points':
      return 'points';
    case 'too_old':
      return 'too_old';
    default:
      return 'other';
  }
}

function describe(reason: EligibilityReason): string {
  switch (reason) {
    case 'eligible':
      return t('pool_eligible');
    case 'upcoming':
      return t('pool_upcoming');
    case 'staked':
      return t('pool_staked');
    case 'ended':
      return t('pool_ended');
    case 'no_token':
      return t('pool_ineligible_no_token');
    case 'points':
      return t('pool_ineligible_points');
    case 'too_old':
      return t('pool_ineligible_too_old');
    case 'other':
      return t('pool_ineligible_other');
  }
}

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
