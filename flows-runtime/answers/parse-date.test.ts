import { describe, it, expect } from "vitest";
import { parseAnswer } from "./parse-answer";

const date = (input: string, options = {}) => parseAnswer("date", input, options);
const ok = (value: string) => ({ ok: true, value });

describe("parseAnswer: date", () => {
  it("accepts ISO and year-first dates", () => {
    expect(date("2026-03-31")).toEqual(ok("2026-03-31"));
    expect(date("2026-3-1")).toEqual(ok("2026-03-01"));
    expect(date("2026/3/31")).toEqual(ok("2026-03-31"));
    expect(date("２０２６／０３／３１")).toEqual(ok("2026-03-31"));
  });

  it("accepts Japanese dates, with or without a weekday", () => {
    expect(date("2026年3月31日")).toEqual(ok("2026-03-31"));
    expect(date("２０２６年３月３１日")).toEqual(ok("2026-03-31"));
    expect(date("2026年 3月 31日（火）")).toEqual(ok("2026-03-31"));
    expect(date("2026年12月1日(火曜日)")).toEqual(ok("2026-12-01"));
  });

  it("reads day/month order from the value when only one order is possible", () => {
    expect(date("31/03/2026")).toEqual(ok("2026-03-31"));
    expect(date("03/31/2026")).toEqual(ok("2026-03-31"));
    expect(date("31/03/2026", { locale: "en-US" })).toEqual(ok("2026-03-31"));
    expect(date("03/31/2026", { locale: "en-GB" })).toEqual(ok("2026-03-31"));
  });

  it("resolves ambiguous dates by locale: month first in en-US, day first elsewhere", () => {
    expect(date("04/03/2026", { locale: "en-US" })).toEqual(ok("2026-04-03"));
    expect(date("04/03/2026", { locale: "en-GB" })).toEqual(ok("2026-03-04"));
    expect(date("04/03/2026", { locale: "ja-JP" })).toEqual(ok("2026-03-04"));
    expect(date("04/03/2026")).toEqual(ok("2026-03-04"));
    expect(date("04/03/2026", { locale: "not a locale!" })).toEqual(ok("2026-03-04"));
    // Dotted dates are a day-first convention even for a US contact.
    expect(date("04.03.2026", { locale: "en-US" })).toEqual(ok("2026-03-04"));
    expect(date("31.03.2026")).toEqual(ok("2026-03-31"));
    expect(date("31-03-2026")).toEqual(ok("2026-03-31"));
  });

  it("accepts month names in either order", () => {
    expect(date("March 31, 2026")).toEqual(ok("2026-03-31"));
    expect(date("31 March 2026")).toEqual(ok("2026-03-31"));
    expect(date("Mar 31 2026")).toEqual(ok("2026-03-31"));
    expect(date("31st of March, 2026")).toEqual(ok("2026-03-31"));
    expect(date("Sept. 2nd, 2026")).toEqual(ok("2026-09-02"));
    expect(date("Tuesday, March 31, 2026")).toEqual(ok("2026-03-31"));
    expect(date("1-Dec-2026")).toEqual(ok("2026-12-01"));
  });

  it("rejects impossible dates", () => {
    for (const input of ["2026-02-30", "2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "31/31/2026", "2026年2月30日", "February 30, 2026", "0999-01-01"]) {
      expect(date(input), input).toMatchObject({ ok: false, reason: "invalid_date" });
    }
    expect(date("2028-02-29")).toEqual(ok("2028-02-29"));
    expect(date("2000-02-29")).toEqual(ok("2000-02-29"));
    expect(date("2100-02-29")).toMatchObject({ ok: false });
  });

  it("rejects text that is not a date and tells the contact the format", () => {
    for (const input of ["tomorrow", "March 2026", "31/03", "2026", "Marchy 31, 2026", "2026-03-31T10:00"]) {
      expect(date(input), input).toMatchObject({ ok: false, reason: "invalid_date" });
    }
    const result = date("someday");
    expect(!result.ok && result.hint).toBe("Please send the date as YYYY-MM-DD, for example 2026-03-31.");
    const ja = date("いつか", { locale: "ja-JP" });
    expect(!ja.ok && ja.hint).toContain("2026-03-31");
  });
});
