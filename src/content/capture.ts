import { isSensitivePage } from '../shared/sensitive-url';
import { ActiveClock } from './active-clock';
import { sendFootprint } from './messaging';
import { PageView, pageLanguage, viewportDepth } from './page-view';

/** A crashed tab loses at most this much measurement. */
export const HEARTBEAT_MS = 15_000;
/** pointermove is frequent: look at it at most this often. */
const POINTER_THROTTLE_MS = 250;
/** A trusted scroll counts only this soon after a trusted input (programmatic scrolls are trusted too). */
const SCROLL_AFTER_INPUT_MS = 1_000;
/** Scroll events closer together than this are one scroll gesture. */
const SCROLL_GESTURE_GAP_MS = 500;

/**
 * Measures page views in this tab and sends cumulative footprints. Only
 * `event.isTrusted` input counts, so a page cannot earn by dispatching
 * events. Listeners are passive and do O(1) work; the scroll depth is read
 * at most once per frame. A view is never sent when its URL looks like a
 * login/OAuth/payment page or when the document has a password field
 * (checked at each flush, so a field added later also stops it).
 * Returns a function that stops everything.
 */
export function startCapture(win: Window, doc: Document): () => void {
  const stopper = new AbortController();
  const on = (target: EventTarget, type: string, fn: (e: Event) => void, capture = true) =>
    target.addEventListener(type, fn, { capture, passive: true, signal: stopper.signal });
  const now = () => win.performance.now();

  let href = win.location.href;
  let lastSent = '';
  let lastPointer = Number.NEGATIVE_INFINITY;
  let lastInput = Number.NEGATIVE_INFINITY;
  let lastScroll = Number.NEGATIVE_INFINITY;
  let depthPending = false;
  let view = newView(new ActiveClock(now(), doc.visibilityState === 'visible', doc.hasFocus()));

  function newView(clock: ActiveClock): PageView & { blocked: boolean } {
    const v = Object.assign(new PageView(win.location.origin, pageLanguage(doc), clock), {
      blocked: isSensitivePage(win.location.hostname, win.location.pathname, win.location.search, win.location.hash),
    });
    v.scrollDepth = viewportDepth(win, doc);
    lastSent = '';
    return v;
  }

  function flush(): void {
    if (!view.blocked && doc.querySelector('input[type="password" i]')) view.blocked = true;
    if (view.blocked) return;
    const snap = view.snapshot(now());
    if (snap.activeMs === 0) return;
    const key = `${snap.activeMs}|${snap.clicks}|${snap.keys}|${snap.scrolls}|${snap.scrollDepth}`;
    if (key === lastSent) return;
    lastSent = key;
    void sendFootprint(snap).then((alive) => alive || stop());
  }

  function input(t: number): void {
    lastInput = t;
    view.clock.input(t);
  }

  /** Same-document navigation (pushState, replaceState, popstate, hashchange): a new page view. */
  function checkUrl(): void {
    if (win.location.href === href) return;
    href = win.location.href;
    flush();
    view = newView(view.clock.fork(now()));
  }

  on(win, 'click', (e) => {
    if (!e.isTrusted) return;
    view.clicks++;
    input(now());
  });
  on(win, 'keydown', (e) => {
    if (!e.isTrusted) return;
    if (!(e as KeyboardEvent).repeat) view.keys++;
    input(now());
  });
  for (const type of ['pointerdown', 'wheel', 'touchstart']) on(win, type, (e) => e.isTrusted && input(now()));
  on(win, 'pointermove', (e) => {
    if (!e.isTrusted) return;
    const t = now();
    if (t - lastPointer < POINTER_THROTTLE_MS) return;
    lastPointer = t;
    input(t);
  });
  on(doc, 'scroll', (e) => {
    if (!e.isTrusted) return;
    const t = now();
    if (t - lastInput > SCROLL_AFTER_INPUT_MS) return;
    if (t - lastScroll >= SCROLL_GESTURE_GAP_MS) view.scrolls++;
    lastScroll = t;
    if (depthPending) return;
    depthPending = true;
    win.requestAnimationFrame(() => {
      depthPending = false;
      view.scrollDepth = Math.max(view.scrollDepth, viewportDepth(win, doc));
    });
  });
  on(doc, 'visibilitychange', () => {
    view.clock.setVisible(now(), doc.visibilityState === 'visible');
    if (doc.visibilityState === 'hidden') flush();
  });
  // Not capturing: element focus events reach window listeners only in the capture phase.
  on(win, 'focus', () => view.clock.setFocused(now(), true), false);
  on(win, 'blur', () => view.clock.setFocused(now(), false), false);
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
  }
  return stop;
}
