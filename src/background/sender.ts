/**
 * Who sent a message — decided here and nowhere else, from `sender.id`,
 * `sender.origin` and `sender.tab` only. `sender.url` is never read: it is
 * page-controlled state (history.pushState) and carries paths we never keep.
 */
export type SenderTrust =
  | { kind: 'extension-page' }
  | { kind: 'content-script'; origin: string; tabId: number; frameId: number }
  | { kind: 'rejected'; reason: string };

/** The subset of chrome.runtime.MessageSender we look at (so tests build senders without casts). */
export interface SenderLike {
  id?: string;
  origin?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
}

/**
 * Classifies a sender:
 * - another extension or a web page via externally_connectable (we declare none) → rejected;
 * - our own origin (popup, options, even opened in a tab) → extension-page. That origin is
 *   `chrome-extension://<id>` in Chrome; Firefox serves pages from `moz-extension://<uuid>`, a
 *   per-install UUID that is not the add-on id, so the worker passes the origin it reads from
 *   runtime.getURL (start-background.ts) and the default only fits Chrome;
 * - an http(s) frame in a normal tab → content-script with that frame's origin;
 * - anything else (incognito, opaque 'null' origins, no tab, other schemes) → rejected.
 */
export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin = `chrome-extension://${runtimeId}`): SenderTrust {
  if (!runtimeId || sender.id !== runtimeId) return { kind: 'rejected', reason: 'foreign extension id' };
  const origin = sender.origin;
  if (typeof origin !== 'string') return { kind: 'rejected', reason: 'no sender origin' };
  if (origin === extensionOrigin) return { kind: 'extension-page' };
  const tab = sender.tab;
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return { kind: 'rejected', reason: 'no tab' };
  if (tab.incognito === true) return { kind: 'rejected', reason: 'incognito tab' };
  if (!isHttpOrigin(origin)) return { kind: 'rejected', reason: 'not an http(s) origin' };
  return { kind: 'content-script', origin, tabId: tab.id, frameId: sender.frameId ?? 0 };
}

function isHttpOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === origin;
  } catch {
    return false;
  }
}
