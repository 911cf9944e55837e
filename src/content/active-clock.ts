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
 */
export class ActiveClock {
  private settledAt: number;
  private lastInput: number;
  private visible: boolean;
  private isFocused: boolean;
  private total = 0;

  constructor(now: number, visible: boolean, focused: boolean, lastInput = Number.NEGATIVE_INFINITY) {
    this.settledAt = now;
    this.visible = visible;
    this.isFocused = focused;
    this.lastInput = lastInput;
  }

  /** Adds the active part of [settledAt, now] under the current state. */
  private settle(now: number): void {
    if (now <= this.settledAt) return;
    if (this.visible && this.isFocused) {
      const activeUntil = Math.min(now, this.lastInput + INPUT_WINDOW_MS);
      if (activeUntil > this.settledAt) this.total += activeUntil - this.settledAt;
    }
    this.settledAt = now;
  }

  /** Whether the window is believed focused (capture re-reads focus at input only when it is not). */
  get focused(): boolean {
    return this.isFocused;
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

  setFocused(now: number, focused: boolean): void {
    this.settle(now);
    this.isFocused = focused;
  }

  /** Whole milliseconds of active time up to `now`. */
  activeMs(now: number): number {
    this.settle(now);
    return Math.floor(this.total);
  }

  /** A new clock for the next page view (SPA navigation) that keeps the user's current state. */
  fork(now: number): ActiveClock {
    this.settle(now);
    return new ActiveClock(now, this.visible, this.isFocused, this.lastInput);
  }
}
