import { describe, expect, it } from "vitest";
import { RecentCache } from "./recent-cache";

describe("RecentCache", () => {
  it("keeps at most two generations and moves what is used to the newer", () => {
    const cache = new RecentCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3); // a, b become the older generation
    expect(cache.get("a")).toBe(1); // moved to the newer, beside c
    cache.set("d", 4); // c, a become the older; b is dropped
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual([1, 3, 4]);
  });
});
