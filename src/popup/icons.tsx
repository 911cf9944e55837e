/** The padlock of the Lock button and the unlock screen; `decorative` hides it from screen readers itself. */
export function LockIcon(props: { size: number; decorative?: boolean }) {
  return (
    <svg width={props.size} height={props.size} viewBox="0 0 16 16" aria-hidden={props.decorative ? 'true' : undefined} focusable="false">
      <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
    </svg>
  );
}
