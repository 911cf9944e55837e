import { ActiveClock } from './active-clock';
import { deliverFootprint } from './messaging';
import { PageView, depthPercent, type TrustedCounts } from './page-view';

/** A crashed tab loses at most this much measurement. */
export const HEARTBEAT_MS = 15_000;
/**
 * Input is sampled once per this many ms. Every call from the page's event
 * loop into our isolated world costs the page ~0.1 ms on a 2-core machine
 * (`npm run bench:content` prints this machine's figure), and a reader's
 * mouse moves, wheels and scrolls come by the hundred per second. So one set
 * of listeners waits for the first input of any kind; it then removes itself,
 * and one timer, SAMPLE_MS later, reads what happened meanwhile (scrolled?
 * how deep?) and arms the set again: two calls per second of reading,
 * whatever the page or the user does. Clicks and key presses are counted by
 * the browser itself (performance.eventCounts, trusted events only), so
 * counting them costs no call at all.
 */
export const SAMPLE_MS = 1_000;
/**
 * Input that marks the reader as active: the first of any ends the sampling round. A touch fires
 * pointerdown and pointermove too, so no touchstart listener (one fewer registration per round, and no
 * touch handler for the compositor to route through the page).
 */
export const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'wheel', 'keydown'] as const;

/**
 * The browser's own counts of trusted events in this document (Event Timing
 * API): a page cannot raise them with dispatchEvent or el.click(), nor change
 * what the isolated world reads. Absent in an old browser: counts stay 0.
 */
type EventCounts = { get(type: string): number | undefined };
/** The Navigation API (Chromium): it sees the page's own pushState/replaceState, which the isolated world cannot patch. */
type Navigation = EventTarget & { currentEntry?: { url: string | null } | null };
type EntryChange = Event & { from?: { url: string | null } };

/**
 * Measures page views in this tab and sends cumulative footprints. Only
 * trusted input counts (`event.isTrusted`, and the browser's trusted-event
 * counts), so a page cannot earn by dispatching events. A view is never sent
 * when its URL looks like a login/OAuth/payment page or when the document has
 * a password field (checked at each flush, so a field added later stops it).
 *
 * What a page pays is the first use of each DOM interface in our isolated
 * world, more than the calls (issue #14 §4, docs/privacy.md). So the load
 * path touches only `window`: at start, the sampling listeners (SAMPLE_MS);
 * at the first trusted input, the rest is wired (visibility, which also
 * sees the page left, blur, focus, URL changes, heartbeat); while reading,
 * the timer reads only scrollY and innerHeight. Focus is not read there: the window's blur and
 * focus events, or the first flush, say whether it was focused (ActiveClock
 * holds the time until then). The document, focus, location, the view id,
 * language, password field, depth ratio and trusted counts are read at the
 * first flush (hidden or left tab, heartbeat, same-document navigation),
 * off the load path. A view that has seen no input sends nothing.
 * `win.document` is read lazily: even the first `document` wrapper costs.
 * Returns a function that stops everything.
 */
export function startCapture(win: Window): () => void {
  let stopped = false;
  const bound: [EventTarget, string, (e: Event) => void, boolean][] = [];
  // Every listener ignores untrusted events: a page can dispatch any event, but only the browser makes trusted ones.
  const on = (target: EventTarget, type: string, fn: (e: Event) => void, capture = true) => {
    const listener = (e: Event) => e.isTrusted && fn(e);
    target.addEventListener(type, listener, capture);
    bound.push([target, type, listener, capture]);
  };
  const eventCounts = () => (win.performance as Performance & { eventCounts?: EventCounts }).eventCounts;
  const trustedCounts = (): TrustedCounts => ({ click: eventCounts()?.get('click') ?? 0, keyup: eventCounts()?.get('keyup') ?? 0 });

  let lastSent = '';
  let inputSinceTick = false;
  /** scrollY at the last tick; first read at the first trusted input (before a wheel or key scrolls the page). */
  let scrollYAtTick = 0;
  let wired = false;
  let heartbeat: number | undefined;
  let tickTimer: number | undefined;
  // The first view counts the document's trusted clicks and keys from its start (base 0: no read at load).
  // Its clock starts at 0 without reading one: before the first input a clock counts nothing. It is taken
  // as visible (input only reaches a visible page); its focus is unknown until an event or a flush says.
  let view = new PageView(new ActiveClock(0, true, undefined), { click: 0, keyup: 0 });

  function newView(now: number, url?: string): void {
    lastSent = '';
    // A view counts the browser's trusted clicks and key presses (keyup: one per press, never repeated) from here.
    view = new PageView(view.clock.fork(now), trustedCounts(), url);
  }

  function flush(now = win.performance.now(), leaving = false): void {
    if (view.blocked) return;
    // Time held while focus was unknown: no blur or focus event came since the view's start, so focus has not
    // changed since and reading it now says what it was. Except when the page is being hidden or left: focus
    // may have moved away a moment ago (a tab switch or close blurs the page around its visibilitychange, in
    // either order), so the held time counts as focused then (docs/privacy.md).
    if (view.clock.focused === undefined && view.clock.holds(now)) {
      const focused = win.document.hasFocus();
      view.clock.resolveFocus(now, focused || leaving, focused);
    }
    // Nothing is read for a view that has no active time yet (a page never used sends nothing and reads nothing).
    if (view.clock.activeMs(now) === 0) return;
    const facts = view.facts(win);
    const doc = win.document;
    if (!view.blocked && doc.querySelector('input[type="password" i]')) view.blocked = true;
    if (view.blocked) return;
    // The depth is a ratio taken now: the deepest viewport bottom seen at the ticks (or now) over today's height.
    view.bottom = Math.max(view.bottom, win.scrollY + win.innerHeight);
    view.scrollDepth = Math.max(view.scrollDepth, depthPercent(view.bottom, doc));
    const counts = trustedCounts();
    view.clicks = counts.click - view.base.click;
    view.keys = counts.keyup - view.base.keyup;
    const snap = view.snapshot(now, facts);
    const key = `${snap.activeMs}|${snap.clicks}|${snap.keys}|${snap.scrolls}|${snap.scrollDepth}`;
    if (key === lastSent) return;
    lastSent = key;
    // Sent again while lost (the worker died with it): see deliverFootprint; the worker keeps the larger
    // measures. A refusal (this site is not captured now) or a gone extension stops capture on this page.
    void deliverFootprint(snap, stop, (fn, ms) => !stopped && win.setTimeout(fn, ms));
  }

  /**
   * The page is now at `url` (a same-document navigation: pushState, replaceState, traversal, fragment):
   * a new page view. A view without input yet just moves to the new URL: it has nothing to send.
   */
  function moveTo(url: string, now: number): void {
    if (url === view.url) return;
    if (!view.clock.sawInput) {
      view.url = url;
      return;
    }
    flush(now);
    newView(now, url);
  }

  /**
   * One sampling round: the first activity event of any type (trusted or
   * not: a page's synthetic flood then costs two calls per SAMPLE_MS, like a
   * reader) ends the round, and the timer SAMPLE_MS later starts the next.
   * Listeners are removed by hand: an AbortController's first use costs more. The options are the boolean
   * `capture`, with no dictionary to convert at each call (measured: no difference, docs/privacy.md). Passive
   * needs no flag: a wheel listener on window is passive by default (Chromium 73+, Firefox), and pointer and
   * key listeners cannot hold up a scroll.
   */
  const round = true;
  function activity(e: Event): void {
    for (const type of ACTIVITY_EVENTS) win.removeEventListener(type, activity, round);
    if (e.isTrusted) {
      // The event's own time (same clock as performance.now): no `performance` on the reading path.
      const t = e.timeStamp;
      inputSinceTick = true;
      // Focus is not read here: a pointer moving over a visible but unfocused window is no reader (counted, two
      // windows would earn at once), so until focus is known the clock holds the time apart, and a window blur
      // or focus event or the flush's read settles it (ActiveClock). Once focus is known lost (a blur), it is
      // read again at each input: focus regained inside one of the page's frames fires no focus event here.
      if (!wired) wire();
      if (view.clock.focused === false) view.clock.resolveFocus(t, false, win.document.hasFocus());
      view.clock.input(t);
    }
    tickTimer = win.setTimeout(tick, SAMPLE_MS);
  }
  function armRound(): void {
    for (const type of ACTIVITY_EVENTS) win.addEventListener(type, activity, round);
  }
  /** What the reader did since the round ended: a scroll after trusted input counts, and the viewport's bottom. */
  function tick(): void {
    tickTimer = undefined;
    if (stopped) return;
    const y = win.scrollY;
    if (inputSinceTick) {
      if (y !== scrollYAtTick) view.scrolls++;
      view.bottom = Math.max(view.bottom, y + win.innerHeight);
    }
    scrollYAtTick = y;
    inputSinceTick = false;
    armRound();
  }
  armRound();

  /** Everything but sampling, wired at the first trusted input: a page never used costs only the round's listeners. */
  function wire(): void {
    wired = true;
    scrollYAtTick = win.scrollY;
    // visibilitychange is fired at the document and bubbles: a capturing listener on window sees it first.
    // It is also the one flush when the page is left: Chromium and Firefox fire it (hidden) on every unload,
    // after pagehide, as on a tab switch, a minimised window or a closed tab; so no pagehide listener.
    // A page restored from the back/forward cache is a new view: its pageshow is armed at the first hide
    // (armed earlier, the load's own pageshow could cost the page a call).
    let restoreArmed = false;
    on(win, 'visibilitychange', (e) => {
      const visible = win.document.visibilityState === 'visible';
      view.clock.setVisible(e.timeStamp, visible);
      if (visible) return;
      flush(e.timeStamp, true);
      if (restoreArmed) return;
      restoreArmed = true;
      on(win, 'pageshow', (e) => {
        if ((e as PageTransitionEvent).persisted) newView(e.timeStamp, view.url);
      });
    });
    // Losing focus stops active time at once (focus may have moved into one of the page's frames: hasFocus says);
    // a blur also says the window was focused until now. Not capturing: element blurs reach window only in the
    // capture phase, so these see the window's own focus changes.
    on(win, 'blur', (e) => view.clock.resolveFocus(e.timeStamp, true, win.document.hasFocus()), false);
    // The window gaining focus says it was not focused until now: only needed while focus is unknown.
    on(win, 'focus', (e) => view.clock.focused === undefined && view.clock.resolveFocus(e.timeStamp, false, true), false);
    const nav = (win as Window & { navigation?: Navigation }).navigation;
    if (nav) {
      // `from` is the entry the page left: the view's URL if it was not read yet. replaceState to the same URL is no new view.
      on(nav, 'currententrychange', (e) => {
        view.url ??= (e as EntryChange).from?.url ?? undefined;
        moveTo(nav.currentEntry?.url ?? win.location.href, e.timeStamp);
      });
    } else {
      // Without the Navigation API, URL changes are read from location at these events and at the heartbeat.
      view.url ??= win.location.href;
      const check = (e: Event) => moveTo(win.location.href, e.timeStamp);
      on(win, 'popstate', check);
      on(win, 'hashchange', check);
    }
    const beat = () => {
      if (stopped) return;
      if (!nav) moveTo(win.location.href, win.performance.now());
      flush();
      heartbeat = win.setTimeout(beat, HEARTBEAT_MS);
    };
    heartbeat = win.setTimeout(beat, HEARTBEAT_MS);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    for (const [target, type, fn, capture] of bound) target.removeEventListener(type, fn, capture);
    for (const type of ACTIVITY_EVENTS) win.removeEventListener(type, activity, round);
    if (heartbeat !== undefined) win.clearTimeout(heartbeat);
    if (tickTimer !== undefined) win.clearTimeout(tickTimer);
  }
  return stop;
}
