import type { ComponentChildren, JSX } from 'preact';

type ButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'aria-disabled' | 'children'>;

/**
 * A button that stays focusable while its action runs: aria-disabled rather
 * than disabled, with a small spinner before the label.
 */
export function BusyButton({ busy, children, ...rest }: ButtonProps & { busy: boolean; children: ComponentChildren }) {
  return (
    <button {...rest} aria-disabled={busy}>
      {busy && <span class="spinner spinner-sm" aria-hidden="true" />}
      {children}
    </button>
  );
}
