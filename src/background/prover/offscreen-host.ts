import type { OffscreenDocument } from './offscreen-document.ts';
import { proveInOffscreen, type MessagingLike } from './offscreen-path.ts';
import type { ThreadHost } from './thread-host.ts';

/** Chrome's ThreadHost: the offscreen page, created on demand and closed when idle (offscreen-document.ts). */
export function offscreenHost(doc: OffscreenDocument, runtime: MessagingLike): ThreadHost {
  return {
    prove: (job, onEvent) => proveInOffscreen(doc, runtime, job, onEvent),
    closeIfIdle: () => doc.closeIfIdle(),
  };
}
