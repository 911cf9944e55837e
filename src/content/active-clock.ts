/** A trusted input keeps the user "active" for this long (then dwell stops counting). */
export const INPUT_WINDOW_MS = 30_000;

/**
 * Active dwell time, measured lazily without a timer: time counts while the
 * tab is visible AND the window focused AND a trusted input happened within
 * INPUT_WINDOW_MS. Every state change first `settle`s the elapsed interval
 * under the old state, so the total is exact whatever the event order.
 * Invariant: activeMs never exceeds the wall time since construction.
 * Before its first input a clock counts nothing, so its start time only
 * matters once it has seen one (capture starts one at 0 without reading a clock).
 *
 * Focus may be unknown (`undefined`): capture does not read it on the page's
 * load path (reading it is the first touch of `document` there, which costs
 * the page). While it is unknown, time that would count if the window was
 * focused is held apart, and `resolveFocus` settles it: a window `blur` says
 * the window was focused, a window `focus` that it was not, and a flush reads
 * `document.hasFocus()`, which holds for the whole time since no focus event
 * came. So a pointer over a visible window that is not focused never earns.
 */
export class ActiveClock {
  private settledAt: number;
  private lastInput: number;
  private visible: boolean;
  private isFocused: boolean | undefined;
  private total = 0;
  /** Time that counts if the window was focused while its focus was unknown. */
  private held = 0;

  constructor(now: number, visible: boolean, focused: boolean | undefined, lastInput = Number.NEGATIVE_INFINITY) {
    this.settledAt = now;
    this.visible = visible;
    this.isFocused = focused;
    this.lastInput = lastInput;
  }

  /** Adds the active part of [settledAt, now] under the current state. */
  private settle(now: number): void {
    if (now <= this.settledAt) return;
    if (this.visible && this.isFocused !== false) {
      const activeUntil = Math.min(now, this.lastInput + INPUT_WINDOW_MS);
      const ms = activeUntil - this.settledAt;
      if (ms > 0 && this.isFocused) this.total += ms;
      else if (ms > 0) this.held += ms;
    }
    this.settledAt = now;
  }

  /** Whether the window is believed focused; undefined while unknown (capture re-reads focus at input only when it is false). */
  get focused(): boolean | undefined {
    return this.isFocused;
  }

  /**
   * Focus changed at `now`, or was read then: `wasFocused` is what it was until now (what a blur or a focus
   * event implies, or the read value itself), `focused` what it is from now. Time held while focus was
   * unknown counts only if the window was focused.
   */
  resolveFocus(now: number, wasFocused: boolean, focused: boolean): void {
    this.settle(now);
    if (this.isFocused === undefined && wasFocused) this.total += this.held;
    this.held = 0;
    this.isFocused = focused;
  }

  /** Whether a trusted input has happened: before one, the clock has counted nothing and never will retroactively. */
  get sawInput(): boolean {
    return this.lastInput > Number.NEGATIVE_INFINITY;
  }

  /** A trusted user input at `now`. */
  input(now: number): void {
    this.settle(now);
    this.lastInput = now;
  }

  setVisible(now: number, visible: boolean): void {
    this.settle(now);
    this.visible = visible;
  }

  /** Whole milliseconds of active time up to `now`; time held while focus is unknown is not in it until resolved. */
  activeMs(now: number): number {
    this.settle(now);
    return Math.floor(this.total);
  }

  /** Whether any time is held for an unknown focus (a flush resolves it before reading the total). */
  holds(now: number): boolean {
    this.settle(now);
    return this.held > 0;
  }

  /** A new clock for the next page view (SPA navigation) that keeps the user's current state. */
  fork(now: number): ActiveClock {
    this.settle(now);
    return new ActiveClock(now, this.visible, this.isFocused, this.lastInput);
  }
}
