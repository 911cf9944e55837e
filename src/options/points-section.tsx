import { SCORING } from '../scoring/constants';
import { formatNumber } from '../ui/format';
import { t } from '../ui/i18n';

/**
 * The published points formula in plain words. Every number comes from
 * src/scoring/constants.ts, so this text changes when the formula does.
 */
export function PointsSection() {
  const minutes = (s: number) => formatNumber(s / 60);
  return (
    <section class="card privacy" aria-labelledby="points-heading" data-testid="points-section">
      <h2 id="points-heading">{t('points_title')}</h2>
      <p class="section-intro">{t('points_intro')}</p>
      <ul>
        <li>{t('points_rule_min', SCORING.MIN_ACTIVE_SECONDS)}</li>
        <li>
          {t('points_rule_dwell', [
            SCORING.TIER1_SECONDS_PER_POINT,
            minutes(SCORING.TIER1_SECONDS),
            minutes(SCORING.TIER2_SECONDS),
            minutes(SCORING.TIER1_SECONDS + SCORING.TIER2_SECONDS),
          ])}
        </li>
        <li>{t('points_rule_visits', [SCORING.POINTS_PER_VISIT, SCORING.VISIT_CAP])}</li>
        <li>{t('points_rule_interactions', [SCORING.INTERACTIONS_PER_POINT, SCORING.INTERACTION_CAP])}</li>
        <li>{t('points_rule_caps', [formatNumber(SCORING.DOMAIN_DAY_CAP), formatNumber(SCORING.DAY_CAP)])}</li>
      </ul>
    </section>
  );
}
