import { describe, it, expect } from "vitest";
import { parseAnswer } from "./parse-answer";

const number = (input: string, options = {}) => parseAnswer("number", input, options);

describe("parseAnswer: number", () => {
  it("reads numbers the way people type them", () => {
    const cases: [string, number][] = [
      ["42", 42], ["1,200", 1200], ["1 200", 1200], ["1,234,567", 1234567], ["１２", 12], ["１，２００", 1200],
      ["3.5", 3.5], ["-7", -7], ["−7", -7], ["+5", 5], [".5", 0.5], ["0", 0], ["1,200.50", 1200.5],
      ["3,5", 3.5], ["1 200,50", 1200.5], ["¥5,000", 5000], ["5000円", 5000], ["120人", 120], ["３名", 3], ["$ 20", 20], ["12.", 12],
      [" 42 ", 42], ["１２００\u3000", 1200],
    ];
    for (const [input, expected] of cases) expect(number(input), input).toEqual({ ok: true, value: expected });
  });

  it("rejects text, mis-grouped digits and other noise", () => {
    for (const input of ["abc", "12abc", "1,2,3", "12,34,567", "1,200,50", "1.2.3", "--1", "-", "1e5", "Infinity", "NaN", "0x10", "十二", "1 2"]) {
      expect(number(input), input).toMatchObject({ ok: false, reason: "not_a_number" });
    }
  });

  it("applies min and max inclusively", () => {
    expect(number("1", { min: 1, max: 10 })).toEqual({ ok: true, value: 1 });
    expect(number("10", { min: 1, max: 10 })).toEqual({ ok: true, value: 10 });
    expect(number("0", { min: 1, max: 10 })).toMatchObject({ ok: false, reason: "too_small" });
    expect(number("10.5", { min: 1, max: 10 })).toMatchObject({ ok: false, reason: "too_large" });
    expect(number("-3", { min: 0 })).toMatchObject({ ok: false, reason: "too_small" });
  });

  it("names the allowed range in the hint", () => {
    const both = number("99", { min: 1, max: 10 });
    expect(!both.ok && both.hint).toBe("Please send a number between 1 and 10.");
    const min = number("abc", { min: 18 });
    expect(!min.ok && min.hint).toContain("18 or more");
    const max = number("500", { max: 100 });
    expect(!max.ok && max.hint).toContain("100 or less");
    const ja = number("0", { min: 1, max: 5, locale: "ja-JP" });
    expect(!ja.ok && ja.hint).toBe("1から5までの数字で送ってください。");
  });
});
