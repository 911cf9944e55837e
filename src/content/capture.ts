import { isSensitivePage } from '../shared/sensitive-url';
import { ActiveClock } from './active-clock';
import { deliverFootprint } from './messaging';
import { PageView, pageLanguage, viewportDepth } from './page-view';

/** A crashed tab loses at most this much measurement. */
export const HEARTBEAT_MS = 15_000;
/**
 * Input listeners are sampled: each fires once, then re-arms after this many
 * ms. A listener call from the page's event loop into our isolated world
 * costs ~10 µs, and mouse moves and scrolls come by the hundred, so sampling
 * keeps the main-thread cost flat; it also makes a page's flood of synthetic
 * events cost us one call per interval.
 */
const REARM_MS = { pointermove: 1_000, wheel: 500, touchstart: 500, scroll: 500, pointerdown: 100, click: 100, keydown: 100 };
/** A listener due this soon is re-armed with the others (one timer call instead of two). */
const REARM_SLACK_MS = 50;
/** A trusted scroll counts only this soon after a trusted input (programmatic scrolls are trusted too). */
const SCROLL_AFTER_INPUT_MS = 1_000;

/**
 * Measures page views in this tab and sends cumulative footprints. Only
 * `event.isTrusted` input counts, so a page cannot earn by dispatching
 * events. Listeners are passive, sampled (REARM_MS) and do O(1) work; the
 * scroll depth is read in a frame callback and at flush. A view is never
 * sent when its URL looks like a login/OAuth/payment page or when the
 * document has a password field
 * (checked at each flush, so a field added later also stops it).
 * Returns a function that stops everything.
 */
export function startCapture(win: Window, doc: Document): () => void {
  const stopper = new AbortController();
  // Every listener ignores untrusted events: a page can dispatch any event, but only the browser makes trusted ones.
  const on = (target: EventTarget, type: string, fn: (e: Event) => void, capture = true) =>
    target.addEventListener(type, (e) => e.isTrusted && fn(e), { capture, passive: true, signal: stopper.signal });
  const now = () => win.performance.now();

  let href = win.location.href;
  let lastSent = '';
  let lastInput = Number.NEGATIVE_INFINITY;
  let depthPending = false;
  let depthRead = false;
  let view = newView(new ActiveClock(now(), doc.visibilityState === 'visible', doc.hasFocus()));

  function newView(clock: ActiveClock): PageView & { blocked: boolean } {
    const v = Object.assign(new PageView(win.location.origin, pageLanguage(doc), clock), {
      blocked: isSensitivePage(win.location.hostname, win.location.pathname, win.location.search, win.location.hash),
    });
    lastSent = '';
    // No depth read here: reading the page's height at document_idle (the page may still be changing its
    // DOM) could force a synchronous layout. The view's first depth is read at its first trusted input
    // (the browser has laid out the frame the user acts on), then on scrolls and at every flush.
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
    sampleDepth(); // the last sampled scroll may be up to REARM_MS.scroll old
    const snap = view.snapshot(now());
    if (snap.activeMs === 0) return;
    const key = `${snap.activeMs}|${snap.clicks}|${snap.keys}|${snap.scrolls}|${snap.scrollDepth}`;
    if (key === lastSent) return;
    lastSent = key;
    // Sent again while lost (the worker died with it): see deliverFootprint; the worker keeps the larger measures.
    void deliverFootprint(snap, () => stop(), (fn, ms) => !stopper.signal.aborted && win.setTimeout(fn, ms));
  }

  function input(t: number): void {
    lastInput = t;
    if (!depthRead) sampleDepth();
    // Regaining focus is read here rather than from 'focus' events: a page can flood those (synthetic) at our cost.
    view.clock.setFocused(t, doc.hasFocus());
    view.clock.input(t);
  }

  /** Same-document navigation (pushState, replaceState, popstate, hashchange): a new page view. */
  function checkUrl(): void {
    if (win.location.href === href) return;
    href = win.location.href;
    flush();
    view = newView(view.clock.fork(now()));
  }

  /**
   * Sampled listeners waiting to be armed again, by due time. One timer serves
   * them all: the types a reader's gesture fires together (pointer, wheel,
   * scroll, click, key) are re-armed by one call instead of one timer each.
   */
  const disarmed = new Map<() => void, number>();
  let rearmTimer: number | undefined;
  let rearmAt = Number.POSITIVE_INFINITY;
  /** Runs rearm at `due`, unless a timer already fires no later (an earlier due moves the timer forward). */
  function scheduleRearm(due: number): void {
    if (rearmTimer !== undefined && rearmAt <= due) return;
    if (rearmTimer !== undefined) win.clearTimeout(rearmTimer);
    rearmAt = due;
    rearmTimer = win.setTimeout(rearm, Math.max(0, due - now()));
  }
  /** Re-arms every listener due within REARM_SLACK_MS (batched), then waits for the next one. */
  function rearm(): void {
    rearmTimer = undefined;
    rearmAt = Number.POSITIVE_INFINITY;
    if (stopper.signal.aborted) return;
    const t = now();
    let next = Number.POSITIVE_INFINITY;
    for (const [arm, due] of disarmed) {
      if (due <= t + REARM_SLACK_MS) {
        disarmed.delete(arm);
        arm();
      } else next = Math.min(next, due);
    }
    if (next !== Number.POSITIVE_INFINITY) scheduleRearm(next);
  }

  /** Listens for the next trusted `type` only, then again REARM_MS later (sampling, see above). */
  function sampled(target: EventTarget, type: keyof typeof REARM_MS, fn: (e: Event) => void): void {
    const arm = () => target.addEventListener(type, handle, { capture: true, passive: true, once: true, signal: stopper.signal });
    const handle = (e: Event) => {
      if (e.isTrusted) fn(e);
      const due = now() + REARM_MS[type];
      disarmed.set(arm, due);
      // A click re-arms 100 ms later even while a pointermove waits a second: never later than its own due.
      scheduleRearm(due);
    };
    arm();
  }

  sampled(win, 'click', () => {
    view.clicks++;
    input(now());
  });
  sampled(win, 'keydown', (e) => {
    if (!(e as KeyboardEvent).repeat) view.keys++;
    input(now());
  });
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'touchstart'] as const) sampled(win, type, () => input(now()));
  sampled(doc, 'scroll', () => {
    const t = now();
    if (t - lastInput > SCROLL_AFTER_INPUT_MS) return;
    view.scrolls++;
    if (depthPending) return;
    depthPending = true;
    win.requestAnimationFrame(() => {
      depthPending = false;
      sampleDepth();
    });
  });
  on(doc, 'visibilitychange', () => {
    view.clock.setVisible(now(), doc.visibilityState === 'visible');
    if (doc.visibilityState === 'hidden') flush();
  });
  // Losing focus stops active time at once. Not capturing: element blurs reach window only in the capture phase.
  on(win, 'blur', () => view.clock.setFocused(now(), doc.hasFocus()), false);
  on(win, 'pagehide', flush);
  on(win, 'pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) view = newView(view.clock.fork(now()));
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
    win.clearInterval(heartbeat);
    if (rearmTimer !== undefined) win.clearTimeout(rearmTimer);
  }
  return stop;
}
