import { categoryLabel, t } from '../i18n';
import { formatNumber, percentOf } from '../format';

export interface CategoryPoints {
  category: string;
  points: number;
}

/**
 * Points by category as horizontal bars, largest first. Bars are scaled to
 * the largest category so small ones stay visible; the number is the truth.
 */
export function CategoryBars({ items }: { items: readonly CategoryPoints[] }) {
  const sorted = [...items].filter((c) => c.points > 0).sort((a, b) => b.points - a.points);
  const max = sorted[0]?.points ?? 0;
  return (
    <ul class="bars" data-testid="category-bars" aria-label={t('popup_categories_title')}>
      {sorted.map((c) => (
        <li key={c.category} data-testid="category-row" data-category={c.category} data-points={c.points}>
          <span>{categoryLabel(c.category)}</span>
          <div class="bar" aria-hidden="true">
            <div class="bar-fill" style={{ width: `${Math.max(2, percentOf(c.points, max))}%` }} />
          </div>
          <span class="num">{t('points_count', formatNumber(c.points))}</span>
        </li>
      ))}
    </ul>
  );
}
