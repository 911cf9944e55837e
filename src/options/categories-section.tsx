import { CATEGORIES, type CategoryKey } from '../shared/categories';
import { categoryLabel, t } from '../ui/i18n';
import type { SaveSettings } from './use-settings';

/**
 * One checkbox per category of the shared taxonomy: checked means captured.
 * The stored setting is the excluded set, so unchecking adds to it. Sensitive
 * categories are marked; they start excluded and stay so unless opted in.
 */
export function CategoriesSection(props: {
  excluded: readonly CategoryKey[];
  save: SaveSettings;
}) {
  const excluded = new Set(props.excluded);
  const toggle = (key: CategoryKey, captured: boolean) => {
    void props.save((s) => ({
      excludedCategories: CATEGORIES.map((c) => c.key).filter((k) => (k === key ? !captured : s.excludedCategories.includes(k))),
    }));
  };
  return (
    <section class="card" aria-labelledby="categories-heading" data-testid="categories-section">
      <h2 id="categories-heading">{t('options_categories_title')}</h2>
      <p class="section-intro">{t('options_categories_intro')}</p>
      <fieldset class="category-grid">
        <legend class="visually-hidden">{t('options_categories_legend')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c.key} data-testid="category-option" data-category={c.key} data-sensitive={c.sensitive}>
            <input
              type="checkbox"
              checked={!excluded.has(c.key)}
              onChange={(e) => toggle(c.key, (e.target as HTMLInputElement).checked)}
              data-testid={`category-${c.key}`}
            />
            <span>{categoryLabel(c.key)}</span>
            {c.sensitive && <span class="tag" data-tone="warn">{t('category_sensitive_tag')}</span>}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
