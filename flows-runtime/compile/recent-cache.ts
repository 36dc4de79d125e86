// A bounded map that keeps what was used recently: two generations of up to `size` entries each. A hit
// in the older one moves the entry to the newer; when the newer is full the older is dropped whole.
// Cheaper than an exact LRU (no reordering on every hit) and never holds more than 2 × size entries.
export class RecentCache<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.newer.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.newer.size >= this.size) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
  }
}
