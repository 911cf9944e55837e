/**
 * An independent model of the pool's reward stream for the property tests: the
 * same allocation schedule (what is left streams over the time left; nothing is
 * allocated while nobody stakes), but each interval's rewards are split pro rata
 * to weight × time in exact integer arithmetic scaled by 10^40, with no
 * accumulator, so it checks the contract's accumulator and rounding.
 */
const SCALE = 10n ** 40n;

export class StreamModel {
  allocated = 0n;
  private readonly weights = new Map<bigint, bigint>();
  private readonly earnedScaled = new Map<bigint, bigint>();

  constructor(
    public funded: bigint,
    private lastUpdate: bigint,
    private readonly end: bigint,
  ) {}

  get totalWeight(): bigint {
    let w = 0n;
    for (const v of this.weights.values()) w += v;
    return w;
  }

  /** Bring the stream to time `t` (a block timestamp). */
  update(t: bigint): void {
    const at = t < this.end ? t : this.end;
    if (at <= this.lastUpdate) return;
    const total = this.totalWeight;
    if (total > 0n) {
      const delta = ((this.funded - this.allocated) * (at - this.lastUpdate)) / (this.end - this.lastUpdate);
      this.allocated += delta;
      for (const [id, w] of this.weights) {
        this.earnedScaled.set(id, (this.earnedScaled.get(id) ?? 0n) + (delta * w * SCALE) / total);
      }
    }
    this.lastUpdate = at;
  }

  stake(t: bigint, id: bigint, weight: bigint): void {
    this.update(t);
    this.weights.set(id, weight);
  }

  unstake(t: bigint, id: bigint): void {
    this.update(t);
    this.weights.delete(id);
  }

  fund(t: bigint, amount: bigint): void {
    this.update(t);
    this.funded += amount;
  }

  /** Rewards the model says `id` earned so far, in token units (rounded down). */
  earned(id: bigint): bigint {
    return (this.earnedScaled.get(id) ?? 0n) / SCALE;
  }
}
