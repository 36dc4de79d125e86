import { describe, expect, it } from "vitest";
import { measureText } from "./measure-text";
import { family, hasLoneSurrogate, sentences } from "./render-fixtures";
import { splitText } from "./split-text";

describe("splitText", () => {
  it("keeps text that fits in one piece", () => {
    expect(splitText("Hello", 10, "utf16")).toEqual(["Hello"]);
  });

  it("prefers a paragraph break, then a sentence end, then a space", () => {
    const a = "First paragraph here.";
    const b = "Second one.";
    expect(splitText(`${a}\n\n${b}`, 25, "utf16")).toEqual([a, b]);
    expect(splitText("One two three. Four five six seven", 20, "utf16")).toEqual(["One two three.", "Four five six seven"]);
    expect(splitText("alpha beta gamma delta", 12, "utf16")).toEqual(["alpha beta", "gamma delta"]);
  });

  it("splits Japanese after 。 and never inside a surrogate pair or ZWJ sequence", () => {
    expect(splitText("今日は晴れです。明日は雨です。", 10, "utf16")).toEqual(["今日は晴れです。", "明日は雨です。"]);
    const emoji = family.repeat(10);
    const pieces = splitText(emoji, 25, "utf16");
    expect(pieces.join("")).toBe(emoji);
    for (const piece of pieces) {
      expect(hasLoneSurrogate(piece)).toBe(false);
      expect(piece.length % family.length).toBe(0);
      expect(piece.length).toBeLessThanOrEqual(25);
    }
  });

  it("keeps every piece within the limit and loses no words", () => {
    const text = sentences(10_000);
    const pieces = splitText(text, 4096, "utf16");
    expect(pieces).toHaveLength(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4096);
    expect(pieces.join(" ").split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it("measures byte limits in UTF-8 bytes", () => {
    const pieces = splitText("あ".repeat(1000), 1000, "bytes");
    expect(pieces.map((p) => measureText(p, "bytes"))).toEqual([999, 999, 999, 3]);
  });
});
