/**
 * A bounded least-recently-used map (a Map keeps insertion order: a hit moves its entry to the end,
 * the oldest entries go first), for caches of response bodies. Bounded by entries and, when given a
 * weight per value (e.g. a body's length), by total weight.
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  private total = 0;

  constructor(
    readonly capacity: number,
    readonly maxWeight = Infinity,
    private readonly weigh: (v: V) => number = () => 0,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`lru: capacity must be a positive integer, got ${String(capacity)}`);
    if (!(maxWeight > 0)) throw new RangeError(`lru: maxWeight must be positive, got ${String(maxWeight)}`);
  }

  get size(): number {
    return this.map.size;
  }

  /** Sum of the weights of the values held. */
  get weight(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const w = this.weigh(value);
    if (w > this.maxWeight) return; // larger than the whole cache: not kept
    this.map.set(key, value);
    this.total += w;
    while (this.map.size > this.capacity || this.total > this.maxWeight) this.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.total -= this.weigh(old);
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
