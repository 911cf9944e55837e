import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_EVENTS, HEARTBEAT_MS, SAMPLE_MS, startCapture } from '../../src/content/capture';
import type { FootprintSnapshot } from '../../src/shared/footprint';

type Listener = { fn: (e: Event) => void; capture: boolean };

/** A small event target: listeners by type, deduplicated like the DOM's (same function and capture flag). */
class FakeTarget {
  readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, fn: (e: Event) => void, opts?: boolean | { capture?: boolean }) {
    const capture = typeof opts === 'boolean' ? opts : !!opts?.capture;
    const list = this.listeners.get(type) ?? [];
    if (!list.some((l) => l.fn === fn && l.capture === capture)) list.push({ fn, capture });
    this.listeners.set(type, list);
  }
  removeEventListener(type: string, fn: (e: Event) => void, opts?: boolean | { capture?: boolean }) {
    const capture = typeof opts === 'boolean' ? opts : !!opts?.capture;
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => !(l.fn === fn && l.capture === capture)));
  }
  count(): number {
    return [...this.listeners.values()].reduce((n, l) => n + l.length, 0);
  }
}

/**
 * A page as the content script sees it. Every property the script reads on the window is recorded
 * (`touched`), so a test can tell what a page pays for on its load path: each first use of a DOM
 * interface in the isolated world costs the page (docs/privacy.md).
 */
function fakePage(opts: { href?: string; lang?: string; password?: boolean; navigation?: boolean } = {}) {
  let now = 1_000;
  const timers: { id: number; at: number; fn: () => void }[] = [];
  let nextId = 1;
  const counts = new Map<string, number>([['click', 0], ['keyup', 0]]);
  let focusReads = 0;
  const state = { href: opts.href ?? 'https://news.example/a/story?id=1', visibility: 'visible', focus: true, password: !!opts.password };
  const doc = {
    get visibilityState() { return state.visibility; },
    hasFocus: () => {
      focusReads++;
      return state.focus;
    },
    documentElement: { getAttribute: (name: string) => (name === 'lang' ? (opts.lang ?? 'ja') : null), scrollHeight: 4_000 },
    body: { scrollHeight: 3_000 },
    querySelector: (sel: string) => (sel.includes('password') && state.password ? {} : null),
  };
  const nav = Object.assign(new FakeTarget(), { currentEntry: { url: state.href as string | null } });
  const target = new FakeTarget();
  const raw = {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    setTimeout: (fn: () => void, ms: number) => {
      timers.push({ id: nextId, at: now + ms, fn });
      return nextId++;
    },
    clearTimeout: (id: number) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    scrollY: 0,
    innerHeight: 800,
    get location() { return { href: state.href }; },
    document: doc,
    performance: { now: () => now, eventCounts: { get: (type: string) => counts.get(type) } },
    navigation: opts.navigation === false ? undefined : nav,
  };
  const touched = new Set<string>();
  const win = new Proxy(raw, {
    get(t, key, receiver) {
      if (typeof key === 'string') touched.add(key);
      return Reflect.get(t, key, receiver);
    },
  }) as unknown as Window;

  const fire = (on: FakeTarget, type: string, props: Record<string, unknown> = {}) => {
    const e = { type, isTrusted: true, timeStamp: now, ...props } as unknown as Event;
    for (const l of [...(on.listeners.get(type) ?? [])]) l.fn(e);
  };
  return {
    win, raw, nav, state, counts, touched,
    listeners: () => target.count() + nav.count(),
    /** The event types the window has a listener for. */
    types: () => [...target.listeners].filter(([, l]) => l.length > 0).map(([type]) => type).sort(),
    focusReads: () => focusReads,
    pendingTimers: () => timers.length,
    /** Runs the timers due within `ms`, in order, moving the clock. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.fn();
      }
      now = end;
    },
    input: (type: (typeof ACTIVITY_EVENTS)[number] = 'pointermove', isTrusted = true) => fire(target, type, { isTrusted }),
    fireWindow: (type: string, props?: Record<string, unknown>) => fire(target, type, props),
    /** The page's own same-document navigation, as the Navigation API reports it. */
    navigate(href: string) {
      const from = { url: state.href };
      state.href = href;
      nav.currentEntry = { url: href };
      fire(nav, 'currententrychange', { from });
    },
    hide() {
      state.visibility = 'hidden';
      fire(target, 'visibilitychange');
    },
    /** The page left by a navigation, as Chromium and Firefox fire it: pagehide, then visibilitychange (hidden). */
    leave(persisted = false) {
      fire(target, 'pagehide', { persisted });
      state.visibility = 'hidden';
      fire(target, 'visibilitychange');
    },
    /** The page restored from the back/forward cache: visible again, then pageshow (persisted). */
    restore() {
      state.visibility = 'visible';
      fire(target, 'visibilitychange');
      fire(target, 'pageshow', { persisted: true });
    },
  };
}

/** A content-script runtime answering every footprint with `reply`. */
function fakeRuntime(reply: 'stored' | 'refused' = 'stored') {
  const sent: FootprintSnapshot[] = [];
  const runtime = {
    id: 'ext',
    sendMessage: async (m: { footprint: FootprintSnapshot }) => {
      sent.push(m.footprint);
      return { ok: true, data: { stored: reply === 'stored' } };
    },
  };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
  return sent;
}

const settle = () => new Promise((r) => setTimeout(r, 0));
/** A reader for `seconds`: one trusted input per second, scrolling `step` px each time. */
function read(page: ReturnType<typeof fakePage>, seconds: number, step = 0) {
  for (let i = 0; i < seconds; i++) {
    page.input(i % 2 ? 'wheel' : 'pointermove');
    page.raw.scrollY += step;
    page.advance(SAMPLE_MS);
  }
}

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
  vi.restoreAllMocks();
});

describe('capture (content script) on the load path', () => {
  it('at start touches nothing of the window but addEventListener', () => {
    const page = fakePage();
    startCapture(page.win);
    expect([...page.touched]).toEqual(['addEventListener']);
    expect(page.listeners()).toBe(ACTIVITY_EVENTS.length);
  });

  it('while reading reads only window: no document (not even focus), location, performance, crypto or message', () => {
    const sent = fakeRuntime();
    const uuid = vi.spyOn(globalThis.crypto, 'randomUUID');
    const page = fakePage();
    startCapture(page.win);
    read(page, 5, 300);
    page.advance(HEARTBEAT_MS - 6 * SAMPLE_MS);
    expect([...page.touched].sort()).toEqual(['addEventListener', 'navigation', 'removeEventListener', 'scrollY', 'innerHeight', 'setTimeout'].sort());
    expect(page.focusReads()).toBe(0);
    expect(uuid).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
  });

  it('a page never used (no trusted input) reads and sends nothing, even when hidden or left', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    startCapture(page.win);
    for (const type of ACTIVITY_EVENTS) page.input(type, false);
    page.advance(HEARTBEAT_MS * 2);
    page.hide();
    page.leave();
    await settle();
    expect(sent).toHaveLength(0);
    expect(page.touched.has('document')).toBe(false);
    expect(page.touched.has('location')).toBe(false);
  });
});

describe('capture (content script) at the first flush', () => {
  it('sends the origin, language, depth and the trusted counts since the document started', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    page.counts.set('click', 2); // trusted clicks before the script ran belong to this view: base 0, no read at load
    startCapture(page.win);
    read(page, 4, 300);
    page.counts.set('click', 3);
    page.counts.set('keyup', 1);
    page.hide();
    await settle();
    expect(sent).toHaveLength(1);
    const [f] = sent;
    expect(f.origin).toBe('https://news.example');
    expect(f.lang).toBe('ja');
    expect(f.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(f.clicks).toBe(3);
    expect(f.keys).toBe(1);
    expect(f.scrolls).toBe(4);
    expect(f.activeMs).toBeGreaterThanOrEqual(4 * SAMPLE_MS - 1);
    // The deepest bottom seen: scrollY 1200 + innerHeight 800 of a 4000 px document.
    expect(f.scrollDepth).toBe(50);
    expect(JSON.stringify(f)).not.toContain('story');
  });

  it('a pointer over a visible window that is not focused earns nothing until the window has focus', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    page.state.focus = false; // another window is the one being read
    startCapture(page.win);
    read(page, 5);
    page.advance(HEARTBEAT_MS);
    await settle();
    expect(sent).toHaveLength(0); // the heartbeat's flush read focus: not focused, the held time is dropped
    expect(page.focusReads()).toBe(1);
    page.state.focus = true; // the user clicks into this window: the next input reads focus again
    read(page, 3);
    page.hide();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].activeMs).toBeGreaterThan(0);
    expect(sent[0].activeMs).toBeLessThanOrEqual(3 * SAMPLE_MS);
  });

  it('a window that gains focus after a pointer moved over it earns only from then: its focus event says it was not focused', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    page.state.focus = false;
    startCapture(page.win);
    read(page, 5); // hovering over the unfocused window: held, focus unknown
    page.state.focus = true;
    page.fireWindow('focus'); // the user clicks into it
    read(page, 3);
    page.hide();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].activeMs).toBeGreaterThanOrEqual(3 * SAMPLE_MS - 1);
    expect(sent[0].activeMs).toBeLessThanOrEqual(3 * SAMPLE_MS);
  });

  it('a focused window that loses focus earns until its blur, and nothing after, though focus was never read before', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    startCapture(page.win);
    read(page, 4);
    expect(page.focusReads()).toBe(0);
    page.state.focus = false;
    page.fireWindow('blur'); // the blur says the window was focused until now
    read(page, 5); // a pointer still moving over it: not focused
    page.advance(HEARTBEAT_MS);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].activeMs).toBeGreaterThanOrEqual(4 * SAMPLE_MS - 1);
    expect(sent[0].activeMs).toBeLessThanOrEqual(4 * SAMPLE_MS);
  });

  it('a tab hidden or left while focus is unknown keeps its held time, whatever focus reads by then', async () => {
    for (const leave of ['hide', 'leave'] as const) {
      const sent = fakeRuntime();
      const page = fakePage();
      startCapture(page.win);
      read(page, 4);
      page.state.focus = false; // the switch or the close has already moved focus away, before any blur arrived
      if (leave === 'hide') page.hide();
      else page.leave();
      await settle();
      expect(sent, leave).toHaveLength(1);
      expect(sent[0].activeMs, leave).toBeGreaterThanOrEqual(4 * SAMPLE_MS - 1);
    }
  });

  it('a page left sends its view once; restored from the back/forward cache it is a new view', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    startCapture(page.win);
    read(page, 3);
    // While reading: the round's listeners and the wiring, no pagehide (the hidden visibilitychange says the page
    // was left) and no pageshow yet (armed at the first hide).
    expect(page.types()).toEqual(['blur', 'focus', 'keydown', 'pointerdown', 'pointermove', 'visibilitychange', 'wheel']);
    page.leave(true); // into the back/forward cache: pagehide (persisted), then hidden
    await settle();
    expect(sent).toHaveLength(1);
    page.restore();
    read(page, 2);
    page.hide();
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1].id).not.toBe(sent[0].id);
    expect(sent[1].activeMs).toBeLessThanOrEqual(2 * SAMPLE_MS);
    expect(sent[1].activeMs).toBeGreaterThanOrEqual(2 * SAMPLE_MS - 1);
  });

  it('ignores untrusted input: a page dispatching events earns nothing', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    startCapture(page.win);
    for (let i = 0; i < 10; i++) {
      page.input('keydown', false);
      page.advance(SAMPLE_MS);
    }
    page.hide();
    await settle();
    expect(sent).toHaveLength(0);
  });

  it('never sends a sensitive page or one with a password field', async () => {
    for (const opts of [{ href: 'https://shop.example/checkout?x=1' }, { password: true }]) {
      const sent = fakeRuntime();
      const page = fakePage(opts);
      startCapture(page.win);
      read(page, 3);
      page.advance(HEARTBEAT_MS);
      page.hide();
      await settle();
      expect(sent, JSON.stringify(opts)).toHaveLength(0);
    }
  });

  it('sends at the heartbeat while the reader stays', async () => {
    const sent = fakeRuntime();
    const page = fakePage();
    startCapture(page.win);
    read(page, 3);
    page.advance(HEARTBEAT_MS);
    await settle();
    expect(sent).toHaveLength(1);
    read(page, 3);
    page.advance(HEARTBEAT_MS);
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1].id).toBe(sent[0].id);
    expect(sent[1].activeMs).toBeGreaterThan(sent[0].activeMs);
  });

  it('stops for good when the worker refuses: every listener and timer is removed', async () => {
    const sent = fakeRuntime('refused');
    const page = fakePage();
    startCapture(page.win);
    read(page, 2);
    page.hide();
    await settle();
    expect(sent).toHaveLength(1);
    expect(page.listeners()).toBe(0);
    expect(page.pendingTimers()).toBe(0);
  });
});

describe('capture (content script) across same-document navigations', () => {
  it('a pushState after input starts a new view whose counts start at the navigation', async () => {
    const sent = fakeRuntime();
    const page = fakePage({ href: 'https://social.example/r/first' });
    startCapture(page.win);
    read(page, 3);
    page.counts.set('click', 2);
    page.navigate('https://social.example/r/next');
    read(page, 3);
    page.counts.set('click', 3);
    page.hide();
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[0].id).not.toBe(sent[1].id);
    expect(sent.map((f) => f.clicks)).toEqual([2, 1]);
  });

  it('replaceState to the same URL is no new view, and a move before any input keeps one view', async () => {
    const sent = fakeRuntime();
    // Loaded at a sensitive URL, replaced before the reader acts: the view is the new URL's (not sensitive).
    const page = fakePage({ href: 'https://news.example/login' });
    startCapture(page.win);
    page.state.href = 'https://news.example/home'; // the page's replaceState before any input: no listener yet
    read(page, 2);
    page.navigate('https://news.example/home');
    read(page, 2);
    page.hide();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].activeMs).toBeGreaterThanOrEqual(4 * SAMPLE_MS - 1);
  });

  it('flushes a view left for a sensitive URL, and never sends the sensitive one', async () => {
    const sent = fakeRuntime();
    const page = fakePage({ href: 'https://shop.example/items' });
    startCapture(page.win);
    read(page, 2);
    page.navigate('https://shop.example/checkout');
    read(page, 2);
    page.hide();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].activeMs).toBeGreaterThanOrEqual(2 * SAMPLE_MS - 1);
  });

  it('without the Navigation API, popstate and the heartbeat read the URL', async () => {
    const sent = fakeRuntime();
    const page = fakePage({ href: 'https://news.example/a', navigation: false });
    startCapture(page.win);
    read(page, 2);
    page.state.href = 'https://news.example/b';
    page.fireWindow('popstate');
    read(page, 2);
    page.state.href = 'https://news.example/c'; // pushState: seen at the heartbeat
    page.advance(HEARTBEAT_MS);
    await settle();
    expect(new Set(sent.map((f) => f.id)).size).toBe(2);
  });
});
