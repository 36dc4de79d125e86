import { describe, it, expect } from "vitest";
import { normaliseText } from "./normalise";

describe("normaliseText", () => {
  it("makes full-width ASCII and ordinary ASCII equal", () => {
    expect(normaliseText("ＨＥＬＬＯ")).toBe("hello");
    expect(normaliseText("ＨＥＬＬＯ")).toBe(normaliseText("hello"));
    expect(normaliseText("１２３")).toBe("123");
  });

  it("turns half-width katakana into full-width katakana", () => {
    expect(normaliseText("ｶﾀｶﾅ")).toBe("カタカナ");
    // Dakuten are combined with their base character, not left as a separate mark.
    expect(normaliseText("ｶﾞｲﾄﾞ")).toBe("ガイド");
  });

  it("lower-cases, trims and collapses whitespace including the ideographic space", () => {
    expect(normaliseText("  Opening\t\tHOURS \n please ")).toBe("opening hours please");
    expect(normaliseText("営業時間\u3000\u3000教えて")).toBe("営業時間 教えて");
    expect(normaliseText("\u3000はい\u3000")).toBe("はい");
  });

  it("leaves already normal text alone and handles empty input", () => {
    expect(normaliseText("price list")).toBe("price list");
    expect(normaliseText("")).toBe("");
    expect(normaliseText(" \u3000 ")).toBe("");
  });
});
