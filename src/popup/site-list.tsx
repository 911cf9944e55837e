import { useState } from 'preact/hooks';
import type { SiteEarnings } from '../ui/api';
import { formatDuration, formatNumber } from '../ui/format';
import { categoryLabel, t } from '../ui/i18n';

/** Sites shown before "Show all": keeps the popup within Chrome's 600px without hiding the top earners. */
export const SITES_COLLAPSED = 5;

/** This week's sites, largest first; this data never leaves the device. */
export function SiteList({ sites }: { sites: readonly SiteEarnings[] }) {
  const [expanded, setExpanded] = useState(false);
  const sorted = [...sites].sort((a, b) => b.points - a.points || a.domain.localeCompare(b.domain));
  const shown = expanded ? sorted : sorted.slice(0, SITES_COLLAPSED);
  return (
    <>
      <ul class="sites" id="site-list" data-testid="sites" data-total={sorted.length}>
        {shown.map((s) => (
          <li key={s.domain} data-testid="site-row" data-domain={s.domain} data-points={s.points}>
            <span class="site-domain">{s.domain}</span>
            <span class="site-points">{t('points_count', formatNumber(s.points))}</span>
            <span class="site-meta">
              {categoryLabel(s.category)} · {s.visits === 1 ? t('site_visit_one') : t('site_visits', formatNumber(s.visits))} ·{' '}
              {formatDuration(s.activeSeconds)}
            </span>
          </li>
        ))}
      </ul>
      {sorted.length > SITES_COLLAPSED && (
        <button type="button" class="btn btn-link small" aria-expanded={expanded} aria-controls="site-list"
          onClick={() => setExpanded(!expanded)} data-testid="sites-toggle">
          {expanded ? t('action_show_fewer') : t('action_show_all', formatNumber(sorted.length))}
        </button>
      )}
    </>
  );
}
