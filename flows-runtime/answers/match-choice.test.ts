import { describe, it, expect } from "vitest";
import { matchChoice } from "./match-choice";

const choices = [
  { id: "c_small", label: "Small", payload: "SIZE_S" },
  { id: "c_medium", label: "Ｍｅｄｉｕｍ サイズ", payload: "SIZE_M" },
  { id: "c_large", label: "大きい", payload: "SIZE_L" },
] as const;

describe("matchChoice", () => {
  it("matches a button tap by its exact payload", () => {
    expect(matchChoice(choices, { payload: "SIZE_L", text: "大きい" })?.id).toBe("c_large");
    // The payload wins even when the text would pick another option.
    expect(matchChoice(choices, { payload: "SIZE_S", text: "2" })?.id).toBe("c_small");
  });

  it("falls back to the text when the payload is unknown", () => {
    expect(matchChoice(choices, { payload: "stale-button", text: "small" })?.id).toBe("c_small");
  });

  it("matches a typed label regardless of case, width and spacing", () => {
    expect(matchChoice(choices, { text: "  SMALL " })?.id).toBe("c_small");
    expect(matchChoice(choices, { text: "medium\u3000サイズ" })?.id).toBe("c_medium");
    expect(matchChoice(choices, { text: "大きい" })?.id).toBe("c_large");
  });

  it("selects by 1-based number, as SMS numbered replies do", () => {
    for (const reply of ["2", "２", "2.", "2)", " 2 ", "#2", "②", "2番"]) {
      expect(matchChoice(choices, { text: reply })?.id, reply).toBe("c_medium");
    }
    expect(matchChoice(choices, { text: "1" })?.id).toBe("c_small");
    expect(matchChoice(choices, { text: "0" })).toBeUndefined();
    expect(matchChoice(choices, { text: "4" })).toBeUndefined();
    expect(matchChoice(choices, { text: "2 please" })).toBeUndefined();
  });

  it("prefers a label that is itself a number over the position", () => {
    const counts = [
      { id: "a", label: "3", payload: "THREE" },
      { id: "b", label: "1", payload: "ONE" },
      { id: "c", label: "2", payload: "TWO" },
    ];
    expect(matchChoice(counts, { text: "1" })?.id).toBe("b");
    expect(matchChoice(counts, { text: "3" })?.id).toBe("a");
  });

  it("matches typed text against the payload or id last", () => {
    expect(matchChoice(choices, { text: "size_m" })?.id).toBe("c_medium");
    expect(matchChoice(choices, { text: "C_LARGE" })?.id).toBe("c_large");
  });

  it("returns undefined when nothing fits", () => {
    expect(matchChoice(choices, { text: "extra large" })).toBeUndefined();
    expect(matchChoice(choices, { text: "" })).toBeUndefined();
    expect(matchChoice(choices, {})).toBeUndefined();
    expect(matchChoice([], { text: "1", payload: "x" })).toBeUndefined();
  });
});
