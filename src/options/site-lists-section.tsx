import { useState } from 'preact/hooks';
import type { UiSettings } from '../ui/api';
import type { SaveSettings } from './use-settings';
import { hostSchema } from '../shared/settings';
import { parseDomainInput } from '../ui/domain-input';
import { t } from '../ui/i18n';

type ListName = 'denyList' | 'allowList';

/**
 * Never-capture and always-capture lists. A domain lives in at most one of
 * them: adding it to one removes it from the other in the same patch.
 */
export function SiteListsSection({ settings, save }: { settings: UiSettings; save: SaveSettings }) {
  const add = (list: ListName, domain: string) => {
    const other: ListName = list === 'denyList' ? 'allowList' : 'denyList';
    return save((s) => ({
      [list]: [...s[list].filter((d) => d !== domain), domain].sort(),
      [other]: s[other].filter((d) => d !== domain),
    }));
  };
  const remove = (list: ListName, domain: string) => save((s) => ({ [list]: s[list].filter((d) => d !== domain) }));
  return (
    <section class="card" aria-labelledby="lists-heading" data-testid="site-lists">
      <h2 id="lists-heading">{t('options_lists_title')}</h2>
      <p class="section-intro">{t('options_lists_intro')}</p>
      <div class="lists">
        <ListEditor name="denyList" title={t('options_deny_title')} help={t('options_deny_help')}
          domains={settings.denyList} onAdd={(d) => add('denyList', d)} onRemove={(d) => remove('denyList', d)} />
        <ListEditor name="allowList" title={t('options_allow_title')} help={t('options_allow_help')}
          domains={settings.allowList} onAdd={(d) => add('allowList', d)} onRemove={(d) => remove('allowList', d)} />
      </div>
    </section>
  );
}

function ListEditor(props: {
  name: ListName;
  title: string;
  help: string;
  domains: readonly string[];
  onAdd: (domain: string) => Promise<boolean>;
  onRemove: (domain: string) => Promise<boolean>;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const id = `${props.name}-input`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = parseDomainInput(value);
    // The worker validates with hostSchema; checking here too means the user sees why, not a generic error.
    if (!parsed.ok || !hostSchema.safeParse(parsed.domain).success) {
      setError(!parsed.ok && parsed.errorKey === 'domain_error_empty' ? t('domain_error_empty') : t('domain_error_invalid'));
      return;
    }
    if (props.domains.includes(parsed.domain)) {
      setError(t('domain_error_duplicate', parsed.domain));
      return;
    }
    setError('');
    if (await props.onAdd(parsed.domain)) setValue('');
  };
  return (
    <div class="list-editor" data-testid={props.name}>
      <h3>{props.title}</h3>
      <p class="small muted">{props.help}</p>
      <form onSubmit={submit} noValidate>
        <div>
          <label for={id} class="visually-hidden">{t('options_domain_label', props.title)}</label>
          <input id={id} type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder={t('options_domain_placeholder')}
            value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)}
            aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? `${id}-error` : undefined} data-testid={`${props.name}-input`} />
          {error && <span id={`${id}-error`} class="field-error" role="alert" data-testid={`${props.name}-error`}>{error}</span>}
        </div>
        <button type="submit" class="btn" data-testid={`${props.name}-add`}>{t('action_add')}</button>
      </form>
      <ul class="domain-list" aria-label={props.title}>
        {props.domains.length === 0 && <li class="empty">{t('options_list_empty')}</li>}
        {props.domains.map((d) => (
          <li key={d} data-testid={`${props.name}-item`} data-domain={d}>
            <span>{d}</span>
            <button type="button" class="btn btn-link" onClick={() => void props.onRemove(d)}
              aria-label={t('action_remove_domain', d)} data-testid={`${props.name}-remove`}>
              {t('action_remove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
