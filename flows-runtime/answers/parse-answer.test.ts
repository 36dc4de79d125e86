import { describe, it, expect } from "vitest";
import { answerTypeSchema, parseAnswer } from "./parse-answer";

describe("answerTypeSchema", () => {
  it("lists every question type", () => {
    expect(answerTypeSchema.options).toEqual(["text", "choice", "number", "email", "phone", "date", "yes_no"]);
  });
});

describe("parseAnswer: empty input", () => {
  it("rejects blank answers for every type with a hint", () => {
    for (const type of ["text", "number", "email", "phone", "date", "yes_no"] as const) {
      const result = parseAnswer(type, " \u3000\n ");
      expect(result, type).toMatchObject({ ok: false, reason: "empty" });
      if (!result.ok) expect(result.hint.length, type).toBeGreaterThan(5);
    }
  });
});

describe("parseAnswer: text", () => {
  it("keeps what was typed, trimmed", () => {
    expect(parseAnswer("text", "  I'd like the blue one \n")).toEqual({ ok: true, value: "I'd like the blue one" });
    expect(parseAnswer("text", "\u3000青いのがいいです\u3000")).toEqual({ ok: true, value: "青いのがいいです" });
  });
});

describe("parseAnswer: email", () => {
  it("accepts real addresses and returns them trimmed and lower-cased", () => {
    expect(parseAnswer("email", "  Yuki.Tanaka+news@Example.CO.JP ")).toEqual({ ok: true, value: "yuki.tanaka+news@example.co.jp" });
    expect(parseAnswer("email", "a_b-c@mail-server.example.com")).toEqual({ ok: true, value: "a_b-c@mail-server.example.com" });
    expect(parseAnswer("email", "mailto:info@example.org")).toEqual({ ok: true, value: "info@example.org" });
  });

  it("accepts the full-width ＠ and letters a Japanese keyboard produces", () => {
    expect(parseAnswer("email", "ｙｕｋｉ＠ｅｘａｍｐｌｅ．ｊｐ")).toEqual({ ok: true, value: "yuki@example.jp" });
  });

  it("rejects typos people actually make", () => {
    const typos = ["yuki", "yuki@", "@example.com", "yuki@example", "yuki@@example.com", "yuki @example.com",
      "yuki@example..com", ".yuki@example.com", "yuki.@example.com", "yuki@-example.com", "yuki@example.c", "yuki@example.com."];
    for (const typo of typos) {
      expect(parseAnswer("email", typo), typo).toMatchObject({ ok: false, reason: "invalid_email" });
    }
  });

  it("hints with an example, in Japanese for ja locales", () => {
    const en = parseAnswer("email", "nope");
    const ja = parseAnswer("email", "nope", { locale: "ja-JP" });
    expect(!en.ok && en.hint).toContain("name@example.com");
    expect(!ja.ok && ja.hint).toContain("メールアドレス");
  });
});

describe("parseAnswer: phone", () => {
  it("returns E.164 for national numbers with a default country", () => {
    expect(parseAnswer("phone", "090-1234-5678", { defaultCountry: "JP" })).toEqual({ ok: true, value: "+819012345678" });
    expect(parseAnswer("phone", "０９０－１２３４－５６７８", { defaultCountry: "JP" })).toEqual({ ok: true, value: "+819012345678" });
    expect(parseAnswer("phone", "03 1234 5678", { defaultCountry: "jp" })).toEqual({ ok: true, value: "+81312345678" });
    expect(parseAnswer("phone", "07911 123456", { defaultCountry: "GB" })).toEqual({ ok: true, value: "+447911123456" });
    expect(parseAnswer("phone", "(201) 555-0123", { defaultCountry: "US" })).toEqual({ ok: true, value: "+12015550123" });
  });

  it("accepts international numbers whatever the default country", () => {
    expect(parseAnswer("phone", "+81 90 1234 5678")).toEqual({ ok: true, value: "+819012345678" });
    expect(parseAnswer("phone", "+44 20 7946 0958", { defaultCountry: "JP" })).toEqual({ ok: true, value: "+442079460958" });
    expect(parseAnswer("phone", "＋８１ ９０ １２３４ ５６７８")).toEqual({ ok: true, value: "+819012345678" });
  });

  it("rejects invalid numbers and national numbers without a country", () => {
    expect(parseAnswer("phone", "12345", { defaultCountry: "JP" })).toMatchObject({ ok: false, reason: "invalid_phone" });
    expect(parseAnswer("phone", "call me maybe", { defaultCountry: "JP" })).toMatchObject({ ok: false, reason: "invalid_phone" });
    expect(parseAnswer("phone", "090-1234-5678")).toMatchObject({ ok: false, reason: "invalid_phone" });
    expect(parseAnswer("phone", "090-1234-5678", { defaultCountry: "XX" })).toMatchObject({ ok: false, reason: "invalid_phone" });
    expect(parseAnswer("phone", "+1 000 000 0000")).toMatchObject({ ok: false, reason: "invalid_phone" });
  });
});

describe("parseAnswer: yes_no", () => {
  it("understands yes in English and Japanese", () => {
    for (const yes of ["yes", "Yes!", "Y", "yeah", "ok", "OK.", "true", "はい", "はい。", "うん", "ええ", "ＹＥＳ", "👍"]) {
      expect(parseAnswer("yes_no", yes), yes).toEqual({ ok: true, value: true });
    }
  });

  it("understands no in English and Japanese", () => {
    for (const no of ["no", "No.", "n", "nope", "false", "いいえ", "いいえ!", "いや", "ううん", "ｎｏ"]) {
      expect(parseAnswer("yes_no", no), no).toEqual({ ok: true, value: false });
    }
  });

  it("does not guess at anything else", () => {
    for (const other of ["maybe", "yes no", "know", "nobody", "はいいえ", "yesterday"]) {
      expect(parseAnswer("yes_no", other), other).toMatchObject({ ok: false, reason: "not_yes_no" });
    }
    const ja = parseAnswer("yes_no", "たぶん", { locale: "ja" });
    expect(!ja.ok && ja.hint).toContain("はい");
  });
});
