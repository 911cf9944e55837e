import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * A labelled password input with a show/hide toggle, an optional hint and an
 * inline error tied to it by aria-describedby. Hidden by default; the toggle
 * is a real pressed/unpressed button so screen readers say which it is.
 */
export function PasswordField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'new-password' | 'current-password' | 'off';
  hint?: string;
  error?: string;
  testId: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  monospace?: boolean;
}) {
  const [shown, setShown] = useState(false);
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  // The error replaces the hint (it says the same thing, louder), so only one of them is shown and described.
  const described = props.error ? errorId : props.hint ? hintId : undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="password-wrap">
        <input id={props.id} ref={props.inputRef} type={shown ? 'text' : 'password'} class={props.monospace ? 'mono' : undefined}
          value={props.value} onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
          autoComplete={props.autoComplete} spellcheck={false} autoCapitalize="off" data-autofocus={props.autoFocus ? '' : undefined}
          aria-invalid={props.error ? 'true' : 'false'} aria-describedby={described} data-testid={props.testId} />
        <button type="button" class="btn btn-ghost" aria-pressed={shown} aria-controls={props.id}
          onClick={() => setShown(!shown)} data-testid={`${props.testId}-reveal`}>
          {shown ? t('action_hide') : t('action_show')}
        </button>
      </div>
      {props.hint && !props.error && <p id={hintId} class="small muted">{props.hint}</p>}
      {props.error && <p id={errorId} class="field-error" data-testid={`${props.testId}-error`}>{props.error}</p>}
    </div>
  );
}
