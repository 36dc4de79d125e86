import { describe, expect, it } from "vitest";
import { contentKey } from "./content-key";
import { RecentByContent } from "./recent-by-content";
import { sameContent } from "./same-content";

describe("sameContent", () => {
  const values: unknown[] = [{}, { a: undefined }, { a: null }, { a: 1, b: 2 }, { b: 2, a: 1 }, [undefined], [null], [0], [-0], [Number.NaN], [1n], ["1"], [1], [[]], [{}], "x", 0, null, undefined];

  it("agrees with contentKey on every pair", () => {
    for (const a of values) {
      for (const b of values) expect(sameContent(a, b)).toBe(contentKey(a) === contentKey(b));
      expect(sameContent(a, structuredClone(a))).toBe(true);
    }
  });

  it("is false for anything but plain data, even against itself", () => {
    const holes: unknown[] = [];
    holes[1] = 1;
    for (const value of [new Date(0), new Map(), { f: () => 1 }, holes]) expect(sameContent(value, value)).toBe(false);
  });
});

describe("RecentByContent", () => {
  it("finds a copy's value, forgets the oldest, and is not fooled by a later change to the input", () => {
    const recent = new RecentByContent<string>(2);
    const first = { nodes: { a: { text: "A" } } };
    recent.remember(first, "first");
    recent.remember({ n: 2 }, "second");
    expect(recent.find(structuredClone(first))).toBe("first");
    first.nodes.a.text = "changed";
    expect(recent.find(first)).toBeUndefined();
    recent.remember({ n: 3 }, "third");
    expect(recent.find({ nodes: { a: { text: "A" } } })).toBeUndefined();
    expect([recent.find({ n: 2 }), recent.find({ n: 3 })]).toEqual(["second", "third"]);
  });
});
