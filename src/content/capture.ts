import { isSensitivePage } from '../shared/sensitive-url';
import { ActiveClock } from './active-clock';
import { deliverFootprint } from './messaging';
import { PageView, pageLanguage, viewportDepth } from './page-view';

/** A crashed tab loses at most this much measurement. */
export const HEARTBEAT_MS = 15_000;
/**
 * Input is sampled once per this many ms. Every call from the page's event
 * loop into our isolated world costs the page ~0.1 ms on a 2-core machine
 * (`npm run bench:content` prints this machine's figure), and a reader's
 * mouse moves, wheels and scrolls come by the hundred per second. So one set
 * of one-shot listeners waits for the first input of any kind; it then
 * removes itself, and one timer, SAMPLE_MS later, reads what happened
 * meanwhile (scrolled? how deep?) and arms the set again: two calls per
 * second of reading, whatever the page or the user does. Clicks and key
 * presses are counted by the browser itself (performance.eventCounts, trusted
 * events only), so counting them costs no call at all.
 */
export const SAMPLE_MS = 1_000;
/** Input that marks the reader as active: the first of any ends the sampling round. */
const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'wheel', 'keydown', 'touchstart'] as const;

/**
 * The browser's own counts of trusted events in this document (Event Timing
 * API): a page cannot raise them with dispatchEvent or el.click(), nor change
 * what the isolated world reads. Absent in an old browser: counts stay 0.
 */
type EventCounts = { get(type: string): number | undefined };

/**
 * Measures page views in this tab and sends cumulative footprints. Only
 * trusted input counts (`event.isTrusted`, and the browser's trusted-event
 * counts), so a page cannot earn by dispatching events. Listeners are
 * passive, one-shot and do O(1) work (see SAMPLE_MS); the scroll depth is
 * read at the sampling timer and at flush. A view is never sent when its URL
 * looks like a login/OAuth/payment page or when the document has a password
 * field (checked at each flush, so a field added later also stops it).
 * Returns a function that stops everything.
 */
export function startCapture(win: Window, doc: Document): () => void {
  const stopper = new AbortController();
  // Every listener ignores untrusted events: a page can dispatch any event, but only the browser makes trusted ones.
  const on = (target: EventTarget, type: string, fn: (e: Event) => void, capture = true) =>
    target.addEventListener(type, (e) => e.isTrusted && fn(e), { capture, passive: true, signal: stopper.signal });
  const now = () => win.performance.now();
  const eventCounts = (win.performance as Performance & { eventCounts?: EventCounts }).eventCounts;
  const trusted = (type: 'click' | 'keyup') => eventCounts?.get(type) ?? 0;

  let href = win.location.href;
  let lastSent = '';
  let depthRead = false;
  let inputSinceTick = false;
  let scrollYAtTick = win.scrollY;
  let view = newView(new ActiveClock(now(), doc.visibilityState === 'visible', doc.hasFocus()));

  function newView(clock: ActiveClock): PageView & { blocked: boolean; base: { click: number; keyup: number } } {
    const v = Object.assign(new PageView(win.location.origin, pageLanguage(doc), clock), {
      blocked: isSensitivePage(win.location.hostname, win.location.pathname, win.location.search, win.location.hash),
      // A view counts the browser's trusted clicks and key presses (keyup: one per press, never repeated) from here.
      base: { click: trusted('click'), keyup: trusted('keyup') },
    });
    lastSent = '';
    // No depth read here: reading the page's height at document_idle (the page may still be changing its
    // DOM) could force a synchronous layout. The view's first depth is read at the sampling timer after
    // its first trusted input (the browser has laid out the frame the user acts on), then at every flush.
    depthRead = false;
    return v;
  }

  function sampleDepth(): void {
    depthRead = true;
    view.scrollDepth = Math.max(view.scrollDepth, viewportDepth(win, doc));
  }

  function flush(): void {
    if (!view.blocked && doc.querySelector('input[type="password" i]')) view.blocked = true;
    if (view.blocked) return;
    sampleDepth();
    view.clicks = trusted('click') - view.base.click;
    view.keys = trusted('keyup') - view.base.keyup;
    const snap = view.snapshot(now());
    if (snap.activeMs === 0) return;
    const key = `${snap.activeMs}|${snap.clicks}|${snap.keys}|${snap.scrolls}|${snap.scrollDepth}`;
    if (key === lastSent) return;
    lastSent = key;
    // Sent again while lost (the worker died with it): see deliverFootprint; the worker keeps the larger
    // measures. A refusal (this site is not captured now) or a gone extension stops capture on this page.
    void deliverFootprint(snap, () => stop(), (fn, ms) => !stopper.signal.aborted && win.setTimeout(fn, ms));
  }

  /** Same-document navigation (pushState, replaceState, popstate, hashchange): a new page view. */
  function checkUrl(): void {
    if (win.location.href === href) return;
    href = win.location.href;
    flush();
    view = newView(view.clock.fork(now()));
  }

  /**
   * One sampling round: the first activity event of any type (trusted or
   * not: a page's synthetic flood then costs two calls per SAMPLE_MS, like a
   * reader) ends the round, and the timer SAMPLE_MS later starts the next.
   */
  let round: AbortController | undefined;
  let tickTimer: number | undefined;
  function armRound(): void {
    round = new AbortController(); // stop() aborts it too
    const signal = round.signal;
    const handle = (e: Event) => {
      round?.abort();
      if (e.isTrusted) {
        const t = now();
        inputSinceTick = true;
        // Regaining focus is read here rather than from 'focus' events: a page can flood those (synthetic) at our cost.
        view.clock.setFocused(t, doc.hasFocus());
        view.clock.input(t);
      }
      tickTimer = win.setTimeout(tick, SAMPLE_MS);
    };
    for (const type of ACTIVITY_EVENTS) win.addEventListener(type, handle, { capture: true, passive: true, once: true, signal });
  }
  /** What the reader did since the round ended: a scroll after trusted input counts, and the depth is read. */
  function tick(): void {
    tickTimer = undefined;
    if (stopper.signal.aborted) return;
    const y = win.scrollY;
    if (inputSinceTick && y !== scrollYAtTick) view.scrolls++;
    if (inputSinceTick && (y !== scrollYAtTick || !depthRead)) sampleDepth();
    scrollYAtTick = y;
    inputSinceTick = false;
    armRound();
  }
  armRound();

  on(doc, 'visibilitychange', () => {
    view.clock.setVisible(now(), doc.visibilityState === 'visible');
    if (doc.visibilityState === 'hidden') flush();
  });
  // Losing focus stops active time at once. Not capturing: element blurs reach window only in the capture phase.
  on(win, 'blur', () => view.clock.setFocused(now(), doc.hasFocus()), false);
  // A page restored from the back/forward cache is a new view. Its pageshow is armed at pagehide: armed at
  // start, the load's own pageshow (which usually comes after document_idle) would cost the page a call.
  let restoreArmed = false;
  on(win, 'pagehide', () => {
    flush();
    if (restoreArmed) return;
    restoreArmed = true;
    on(win, 'pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) view = newView(view.clock.fork(now()));
    });
  });
  on(win, 'popstate', checkUrl);
  on(win, 'hashchange', checkUrl);
  // The Navigation API sees the page's own pushState/replaceState, which the isolated world cannot patch.
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  if (nav) on(nav, 'currententrychange', checkUrl);

  const heartbeat = win.setInterval(() => {
    checkUrl();
    flush();
  }, HEARTBEAT_MS);

  function stop(): void {
    stopper.abort();
    round?.abort();
    win.clearInterval(heartbeat);
    if (tickTimer !== undefined) win.clearTimeout(tickTimer);
  }
  return stop;
}
