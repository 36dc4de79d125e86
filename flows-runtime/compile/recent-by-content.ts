import { sameContent } from "./same-content";

// The results for the last few inputs, found again by content (sameContent) rather than by a key
// string: for inputs as large as a 5,000-step document's nodes or edges, where building and hashing
// a key would cost more than comparing. Each input is kept as a copy, so a caller that changes its
// document afterwards cannot change what is matched.
export class RecentByContent<V> {
  private entries: { copy: unknown; value: V }[] = [];

  constructor(private readonly size: number) {}

  find(input: unknown): V | undefined {
    return this.entries.find((entry) => sameContent(input, entry.copy))?.value;
  }

  // Only plain data is kept (sameContent is false for anything else, so nothing else could match).
  remember(input: unknown, value: V): void {
    let copy: unknown;
    try {
      copy = structuredClone(input);
    } catch {
      return;
    }
    if (!sameContent(input, copy)) return;
    this.entries = [{ copy, value }, ...this.entries.slice(0, this.size - 1)];
  }
}
