import { describe, expect, it } from "vitest";
import { contentKey } from "./content-key";

describe("contentKey", () => {
  it("is JSON for plain JSON data, key order included", () => {
    const value = { b: 1, a: ["x", { c: null, d: true }], e: "日本語 \"quoted\"" };
    expect(contentKey(value)).toBe(JSON.stringify(value));
    expect(contentKey({ a: 1, b: 2 })).not.toBe(contentKey({ b: 2, a: 1 }));
  });

  it("tells apart what JSON would merge", () => {
    const keys = [{}, { a: undefined }, { a: null }, [undefined], [null], [0], [-0], [Number.NaN], [Number.POSITIVE_INFINITY], [1n], ["1n"], ["undefined"]].map(contentKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => key !== undefined)).toBe(true);
  });

  it("gives the same key to equal data under other objects", () => {
    const value = { text: "Hi", media: undefined, choices: [{ id: "a", label: "A", n: -0 }] };
    expect(contentKey(structuredClone(value))).toBe(contentKey(value));
  });

  it("has no key for anything but plain data", () => {
    class Box {
      constructor(readonly text: string) {}
    }
    const holes: unknown[] = [];
    holes[2] = 1;
    for (const value of [new Date(0), new Map(), new Box("x"), { f: () => 1 }, { nested: [Symbol("s")] }, holes]) {
      expect(contentKey(value)).toBeUndefined();
    }
  });
});
