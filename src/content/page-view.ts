import type { FootprintSnapshot } from '../shared/footprint';
import { isSensitivePage } from '../shared/sensitive-url';
import type { ActiveClock } from './active-clock';
import { randomId } from './uuid';

/** Counts above this are clamped (the worker's schema rejects larger ones). */
const COUNT_MAX = 1_000_000;

/** The browser's trusted click and key-press counts (performance.eventCounts) when a view starts. */
export interface TrustedCounts {
  click: number;
  keyup: number;
}

/** What a view's footprint says about its page, read once at the view's first flush. */
interface PageFacts {
  id: string;
  origin: string;
  lang: string;
  tzOffset: number;
}

/**
 * One page view: a random id, the page's origin (never its path, query or
 * fragment) and cumulative measures. `snapshot` is what the worker stores;
 * sending the same id again only ever raises the stored values.
 *
 * Nothing here touches the page at construction: the first use of each DOM
 * interface in the isolated world is what costs a page (docs/privacy.md), so
 * the id, origin, language, time zone and the sensitive-URL verdict are read
 * by `facts` at the view's first flush, which runs off the load path. Only
 * `startedAt` (Date.now, no DOM) is taken at the start.
 */
export class PageView {
  readonly startedAt = Date.now();
  /** Set by `facts` (the URL check marks a sensitive page) or at a flush (a password field). */
  blocked = false;
  clicks = 0;
  keys = 0;
  scrolls = 0;
  scrollDepth = 0;
  /** The deepest bottom of the viewport seen at sampling ticks (px); the depth ratio is taken at flush. */
  bottom = 0;
  private pageFacts?: PageFacts;

  /** `url` is the view's address when known (a same-document navigation); else it is read at the first flush. */
  constructor(
    readonly clock: ActiveClock,
    readonly base: TrustedCounts,
    public url?: string,
  ) {}

  /** The view's id, origin, language and time zone, read once; marks the view blocked when its URL is sensitive. */
  facts(win: Window): PageFacts {
    if (this.pageFacts) return this.pageFacts;
    const url = new URL((this.url ??= win.location.href));
    this.blocked ||= isSensitivePage(url.hostname, url.pathname, url.search, url.hash);
    this.pageFacts = {
      id: randomId(),
      origin: url.origin,
      lang: pageLanguage(win.document),
      tzOffset: new Date(this.startedAt).getTimezoneOffset(),
    };
    return this.pageFacts;
  }

  snapshot(now: number, facts: PageFacts): FootprintSnapshot {
    return {
      id: facts.id,
      origin: facts.origin,
      startedAt: this.startedAt,
      activeMs: Math.min(this.clock.activeMs(now), 86_400_000),
      scrollDepth: Math.max(0, Math.min(100, Math.round(this.scrollDepth))),
      clicks: Math.min(this.clicks, COUNT_MAX),
      keys: Math.min(this.keys, COUNT_MAX),
      scrolls: Math.min(this.scrolls, COUNT_MAX),
      lang: facts.lang,
      tzOffset: Math.max(-840, Math.min(840, facts.tzOffset)),
    };
  }
}

/** The <html lang> tag if it is a plausible BCP 47 tag, else ''. */
export function pageLanguage(doc: Document): string {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').trim();
  return /^[A-Za-z0-9-]{1,35}$/.test(lang) ? lang : '';
}

/** Percent of the document seen so far: `bottom` (the deepest viewport bottom seen, px) over the full height. */
export function depthPercent(bottom: number, doc: Document): number {
  const height = Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
  if (height <= 0) return 0;
  return Math.min(100, (bottom / height) * 100);
}
