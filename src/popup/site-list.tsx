import type { SiteEarnings } from '../ui/api';
import { formatDuration, formatNumber } from '../ui/format';
import { categoryLabel, t } from '../ui/i18n';

/** The sites that earned today's points, largest first; this data never leaves the device. */
export function SiteList({ sites }: { sites: readonly SiteEarnings[] }) {
  const sorted = [...sites].sort((a, b) => b.points - a.points || a.domain.localeCompare(b.domain));
  return (
    <ul class="sites" data-testid="sites">
      {sorted.map((s) => (
        <li key={s.domain} data-testid="site-row" data-domain={s.domain} data-points={s.points}>
          <span class="site-domain">{s.domain}</span>
          <span class="site-points">{t('points_count', formatNumber(s.points))}</span>
          <span class="site-meta">
            {categoryLabel(s.category)} · {s.visits === 1 ? t('site_visit_one') : t('site_visits', formatNumber(s.visits))} · {formatDuration(s.activeSeconds)}
          </span>
        </li>
      ))}
    </ul>
  );
}
