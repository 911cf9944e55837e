import { t } from '../ui/i18n';

/** What is captured, where it stays, and what never is. Plain words, no links out. */
export function PrivacySection() {
  return (
    <section class="card privacy" aria-labelledby="privacy-heading" data-testid="privacy-section">
      <h2 id="privacy-heading">{t('privacy_title')}</h2>
      <ul>
        <li>{t('privacy_origins')}</li>
        <li>{t('privacy_measures')}</li>
        <li>{t('privacy_local')}</li>
        <li>{t('privacy_never')}</li>
        <li>{t('privacy_proofs')}</li>
      </ul>
    </section>
  );
}
