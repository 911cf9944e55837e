import type { UiStatus } from '../ui/api';
import { formatDayRange, formatNumber, percentOf } from '../ui/format';
import { t } from '../ui/i18n';

/** Today's points against the day cap, and this epoch's points. */
export function PointsSummary({ status }: { status: UiStatus }) {
  const { today, epoch } = status;
  const full = today.cap > 0 && today.points >= today.cap;
  return (
    <div class="stats">
      <section class="card stat" aria-labelledby="today-label" data-testid="points-today" data-points={today.points} data-cap={today.cap}>
        <span id="today-label" class="stat-label">{t('popup_today')}</span>
        <span class="stat-value" data-testid="points-today-value">{formatNumber(today.points)}</span>
        <span class="stat-unit">{t('points_of_cap', formatNumber(today.cap))}</span>
        <div
          class="bar"
          role="progressbar"
          aria-label={t('popup_today_progress')}
          aria-valuemin={0}
          aria-valuemax={today.cap}
          aria-valuenow={Math.min(today.points, today.cap)}
        >
          <div class="bar-fill" data-tone={full ? 'warn' : undefined} style={{ width: `${percentOf(today.points, today.cap)}%` }} />
        </div>
      </section>
      <section class="card stat" aria-labelledby="epoch-label" data-testid="points-epoch" data-points={epoch.points} data-epoch={epoch.number}>
        <span id="epoch-label" class="stat-label">{t('popup_epoch')}</span>
        <span class="stat-value" data-testid="points-epoch-value">{formatNumber(epoch.points)}</span>
        <span class="stat-unit">{formatDayRange(epoch.firstDay, epoch.lastDay)}</span>
        <span class="stat-unit">{t('popup_epoch_number', String(epoch.number))}</span>
      </section>
    </div>
  );
}
