import { describe, it, expect } from "vitest";
import { keywordRuleSchema, matchesKeyword, regexProblem } from "./keyword-match";

const rule = (match: "exact" | "contains" | "starts_with" | "regex", value: string) => ({ match, value });

describe("keywordRuleSchema", () => {
  it("defaults to contains and rejects an empty value", () => {
    expect(keywordRuleSchema.parse({ value: "price" })).toEqual({ match: "contains", value: "price" });
    expect(keywordRuleSchema.safeParse({ value: "" }).success).toBe(false);
    expect(keywordRuleSchema.safeParse({ match: "fuzzy", value: "x" }).success).toBe(false);
  });
});

describe("matchesKeyword", () => {
  it("exact matches only the whole message, ignoring case, width and spacing", () => {
    expect(matchesKeyword(rule("exact", "START"), "  start ")).toBe(true);
    expect(matchesKeyword(rule("exact", "start"), "ＳＴＡＲＴ")).toBe(true);
    expect(matchesKeyword(rule("exact", "start"), "start now")).toBe(false);
    expect(matchesKeyword(rule("exact", "メニュー"), "ﾒﾆｭｰ")).toBe(true);
  });

  it("contains finds the keyword anywhere, in English and Japanese", () => {
    expect(matchesKeyword(rule("contains", "price"), "What is the PRICE of this?")).toBe(true);
    expect(matchesKeyword(rule("contains", "予約"), "明日の予約をしたいです")).toBe(true);
    expect(matchesKeyword(rule("contains", "予約"), "キャンセルしたい")).toBe(false);
    expect(matchesKeyword(rule("contains", "opening hours"), "opening\u3000\u3000hours?")).toBe(true);
  });

  it("starts_with only matches at the beginning", () => {
    expect(matchesKeyword(rule("starts_with", "join"), "JOIN summer-sale")).toBe(true);
    expect(matchesKeyword(rule("starts_with", "join"), "please join")).toBe(false);
    expect(matchesKeyword(rule("starts_with", "クーポン"), "　クーポン下さい")).toBe(true);
  });

  it("a keyword that is only spaces matches nothing rather than everything", () => {
    expect(matchesKeyword(rule("contains", "   "), "anything")).toBe(false);
    expect(matchesKeyword(rule("exact", "\u3000"), "")).toBe(false);
  });

  it("regex is case-insensitive and runs against the normalised text", () => {
    expect(matchesKeyword(rule("regex", "^order\\s*#?\\d{4,}$"), "ORDER #12345")).toBe(true);
    expect(matchesKeyword(rule("regex", "^order\\s*#?\\d{4,}$"), "ｏｒｄｅｒ　１２３４５")).toBe(true);
    expect(matchesKeyword(rule("regex", "^order\\s*#?\\d{4,}$"), "order 12")).toBe(false);
    // The pattern itself is NFKC-normalised, so a full-width pattern matches ASCII input.
    expect(matchesKeyword(rule("regex", "ＳＡＬＥ"), "summer sale")).toBe(true);
    expect(matchesKeyword(rule("regex", "(予約|よやく)"), "よやくしたい")).toBe(true);
    // "u" flag: one Japanese character is one unit for quantifiers.
    expect(matchesKeyword(rule("regex", "^.{2}$"), "𠮷野")).toBe(true);
  });

  it("an invalid regex matches nothing and never throws, even when called repeatedly", () => {
    expect(matchesKeyword(rule("regex", "(unclosed"), "(unclosed")).toBe(false);
    expect(matchesKeyword(rule("regex", "(unclosed"), "(unclosed")).toBe(false);
    expect(matchesKeyword(rule("regex", "[z-a]"), "a")).toBe(false);
  });

  it("a cached regex gives the same answer on every call (no lastIndex state)", () => {
    const r = rule("regex", "help");
    for (let i = 0; i < 5; i++) expect(matchesKeyword(r, "I need help")).toBe(true);
  });
});

describe("regexProblem", () => {
  it("is null for valid patterns", () => {
    expect(regexProblem("^hi|hello$")).toBeNull();
    expect(regexProblem("(予約|よやく)")).toBeNull();
  });

  it("explains invalid patterns in a short sentence", () => {
    const problem = regexProblem("(unclosed");
    expect(problem).toMatch(/not a valid regular expression/);
    expect(problem).toMatch(/Unterminated group/);
    expect(problem).not.toMatch(/\/\(unclosed\//);
    expect(regexProblem("[z-a]")).toMatch(/not a valid regular expression/);
    expect(regexProblem("   ")).toMatch(/empty/);
  });

  it("agrees with matchesKeyword about what compiles (the u flag rejects a lone \\-)", () => {
    expect(regexProblem("a\\-b")).not.toBeNull();
    expect(matchesKeyword(rule("regex", "a\\-b"), "a-b")).toBe(false);
  });
});
