import { describe, expect, it } from "vitest";
import { ResumingSha256 } from "./resuming-sha256";
import { sha256Hex } from "./sha256";

describe("ResumingSha256", () => {
  it("gives sha256Hex's digest whatever the previous text was", () => {
    const hasher = new ResumingSha256();
    const base = Array.from({ length: 3000 }, (_, i) => `{"id":"n${i}","text":"こんにちは ${i}"}`).join(",");
    const texts = [
      base,
      base, // the same again
      `${base.slice(0, 40_000)}X${base.slice(40_001)}`, // one character changed in the middle
      `${base.slice(0, 40_000)}XY${base.slice(40_001)}`, // longer from there on
      base.slice(0, 20_000), // a prefix, shorter than what was saved
      `${base}, and more`, // longer than everything before
      `Z${base.slice(1)}`, // different from the first byte
      "", // empty
      base.slice(0, 1024 * 16), // exactly one saved state's worth of blocks
      base.slice(0, 1024 * 16 + 1),
      "abc",
    ];
    for (const text of texts) expect(hasher.hex(text)).toBe(sha256Hex(text));
    // The same, given as bytes, and the same bytes twice in a row (answered from the last digest).
    for (const text of [...texts].reverse()) {
      expect(hasher.hex(new TextEncoder().encode(text))).toBe(sha256Hex(text));
      expect(hasher.hex(new TextEncoder().encode(text))).toBe(sha256Hex(text));
    }
  });

  it("is exact at every length around block and checkpoint boundaries", () => {
    const hasher = new ResumingSha256();
    const text = "a".repeat(17 * 1024 + 130);
    for (const length of [0, 55, 56, 63, 64, 65, 1023, 1024, 1025, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 17 * 1024 + 130]) {
      expect(hasher.hex(text.slice(0, length))).toBe(sha256Hex(text.slice(0, length)));
      expect(hasher.hex(`${text.slice(0, length)}é`)).toBe(sha256Hex(`${text.slice(0, length)}é`));
    }
  });
});
