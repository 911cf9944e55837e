/**
 * Who may drive the offscreen prover — decided here and nowhere else: only
 * this extension's service worker. A worker sender carries our id and no tab;
 * a content script always has a tab, and another extension has another id.
 * `sender.url` is never read (see src/background/sender.ts).
 */
export interface OffscreenSenderLike {
  id?: string;
  tab?: unknown;
}

export function isTrustedWorkerSender(sender: OffscreenSenderLike | undefined, runtimeId: string): boolean {
  return !!sender && !!runtimeId && sender.id === runtimeId && sender.tab === undefined;
}
