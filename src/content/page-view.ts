import type { FootprintSnapshot } from '../shared/footprint';
import { ActiveClock } from './active-clock';
import { randomId } from './uuid';

/** Counts above this are clamped (the worker's schema rejects larger ones). */
const COUNT_MAX = 1_000_000;

/**
 * One page view: a fresh random id, the page's origin (never its path, query
 * or fragment) and cumulative measures. `snapshot` is what the worker
 * stores; sending the same id again only ever raises the stored values.
 */
export class PageView {
  readonly id = randomId();
  readonly startedAt = Date.now();
  readonly tzOffset = new Date().getTimezoneOffset();
  clicks = 0;
  keys = 0;
  scrolls = 0;
  scrollDepth = 0;

  constructor(
    readonly origin: string,
    readonly lang: string,
    readonly clock: ActiveClock,
  ) {}

  snapshot(now: number): FootprintSnapshot {
    return {
      id: this.id,
      origin: this.origin,
      startedAt: this.startedAt,
      activeMs: Math.min(this.clock.activeMs(now), 86_400_000),
      scrollDepth: Math.max(0, Math.min(100, Math.round(this.scrollDepth))),
      clicks: Math.min(this.clicks, COUNT_MAX),
      keys: Math.min(this.keys, COUNT_MAX),
      scrolls: Math.min(this.scrolls, COUNT_MAX),
      lang: this.lang,
      tzOffset: Math.max(-840, Math.min(840, this.tzOffset)),
    };
  }
}

/** The <html lang> tag if it is a plausible BCP 47 tag, else ''. */
export function pageLanguage(doc: Document): string {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').trim();
  return /^[A-Za-z0-9-]{1,35}$/.test(lang) ? lang : '';
}

/** Percent of the document seen so far: bottom of the viewport over the full height. */
export function viewportDepth(win: Window, doc: Document): number {
  const height = Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
  if (height <= 0) return 0;
  return Math.min(100, ((win.scrollY + win.innerHeight) / height) * 100);
}
