import type { PoolView } from '../ui/api';
import { poolPhase } from '../ui/amounts';
import { t } from '../ui/i18n';

export type Eligibility = { ok: boolean; reason: 'eligible' | 'staked' | 'ended' | 'upcoming' | 'no_token' | 'points' | 'other'; text: string };

/**
 * Whether the user can stake in `pool` now, and in plain words why not, from
 * the pool's local eligibility (the best minted token and its points in the
 * pool's categories) and its period.
 */
export function poolEligibility(pool: PoolView, nowMs: number): Eligibility {
  const phase = poolPhase(pool.start, pool.end, nowMs);
  const { eligible } = pool;
  if (eligible.tokenId && pool.stakes.some((s) => s.tokenId === eligible.tokenId)) {
    return { ok: false, reason: 'staked', text: t('pool_staked') };
  }
  if (phase === 'ended') return { ok: false, reason: 'ended', text: t('pool_ended') };
  if (eligible.ok && eligible.tokenId) {
    if (phase === 'upcoming') return { ok: false, reason: 'upcoming', text: t('pool_upcoming') };
    return { ok: true, reason: 'eligible', text: t('pool_eligible') };
  }
  if (!eligible.tokenId) return { ok: false, reason: 'no_token', text: t('pool_ineligible_no_token') };
  if (eligible.points < pool.minPoints) return { ok: false, reason: 'points', text: t('pool_ineligible_points') };
  return { ok: false, reason: 'other', text: t('pool_ineligible_other') };
}
