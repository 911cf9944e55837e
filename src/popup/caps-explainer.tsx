import type { CapHit } from '../ui/api';
import { formatNumber } from '../ui/format';
import { t } from '../ui/i18n';
import { SCORING } from '../scoring/constants';

/**
 * Says which caps cut today's points and why, in plain words, because users
 * of other point systems kept asking why their score was cut. The numbers
 * come from the published constants, so the text cannot drift from the formula.
 */
function explain(cap: CapHit): string {
  const domain = cap.domain ?? '';
  switch (cap.kind) {
    case 'day_cap':
      return t('cap_day', formatNumber(SCORING.DAY_CAP));
    case 'domain_day_cap':
      return t('cap_domain_day', [domain, formatNumber(SCORING.DOMAIN_DAY_CAP)]);
    case 'visit_cap':
      return t('cap_visits', [domain, SCORING.VISIT_CAP]);
    case 'interaction_cap':
      return t('cap_interactions', [domain, SCORING.INTERACTION_CAP]);
    case 'dwell_tier':
      return t('cap_dwell', [domain, SCORING.TIER1_SECONDS / 60, (SCORING.TIER1_SECONDS + SCORING.TIER2_SECONDS) / 60]);
    case 'min_active':
      return t('cap_min_active', [domain, SCORING.MIN_ACTIVE_SECONDS]);
  }
}

export function CapsExplainer({ caps }: { caps: readonly CapHit[] }) {
  if (caps.length === 0) return null;
  return (
    <section class="notice" data-tone="info" aria-labelledby="caps-heading" data-testid="caps">
      <h2 id="caps-heading">{t('popup_caps_title')}</h2>
      <ul>
        {caps.map((cap, i) => (
          <li key={`${cap.kind}-${cap.domain ?? ''}-${i}`} data-testid="cap-item" data-kind={cap.kind}>
            {explain(cap)}
            {cap.lost > 0 && <span class="muted"> {t('cap_lost', formatNumber(cap.lost))}</span>}
          </li>
        ))}
      </ul>
      <p class="small muted">{t('popup_caps_why')}</p>
    </section>
  );
}
