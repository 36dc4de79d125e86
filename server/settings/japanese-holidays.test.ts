import { describe, expect, it } from "vitest";
import { japaneseHolidays } from "./japanese-holidays";

// The Cabinet Office's published lists (内閣府「国民の祝日について」).
const published: Record<number, string[]> = {
  2025: [
    "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29", "2025-05-03",
    "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13",
    "2025-11-03", "2025-11-23", "2025-11-24",
  ],
  2026: [
    "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03", "2026-05-04",
    "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12",
    "2026-11-03", "2026-11-23",
  ],
  2027: [
    "2027-01-01", "2027-01-11", "2027-02-11", "2027-02-23", "2027-03-21", "2027-03-22", "2027-04-29", "2027-05-03",
    "2027-05-04", "2027-05-05", "2027-07-19", "2027-08-11", "2027-09-20", "2027-09-23", "2027-10-11", "2027-11-03",
    "2027-11-23",
  ],
};

const nameOn = (year: number, date: string) => japaneseHolidays(year)?.find((holiday) => holiday.date === date)?.nameJa;

describe("japaneseHolidays", () => {
  it.each([2025, 2026, 2027])("gives exactly the published holidays of %i", (year) => {
    expect(japaneseHolidays(year)?.map((holiday) => holiday.date)).toEqual(published[year]);
  });

  it("computes the equinoxes by the standard approximation", () => {
    expect(nameOn(2025, "2025-03-20")).toBe("春分の日");
    expect(nameOn(2025, "2025-09-23")).toBe("秋分の日");
    expect(nameOn(2027, "2027-03-21")).toBe("春分の日");
    expect(nameOn(2027, "2027-09-23")).toBe("秋分の日");
  });

  it("puts the Happy Monday holidays on the right Mondays", () => {
    expect(nameOn(2026, "2026-01-12")).toBe("成人の日"); // 2nd Monday of January
    expect(nameOn(2026, "2026-07-20")).toBe("海の日"); // 3rd Monday of July
    expect(nameOn(2026, "2026-09-21")).toBe("敬老の日"); // 3rd Monday of September
    expect(nameOn(2026, "2026-10-12")).toBe("スポーツの日"); // 2nd Monday of October
  });

  it("adds substitute holidays, skipping days that are already holidays", () => {
    expect(nameOn(2025, "2025-02-24")).toBe("振替休日"); // Emperor's Birthday on a Sunday
    expect(nameOn(2025, "2025-05-06")).toBe("振替休日"); // Greenery Day on a Sunday; 5 May is taken
    expect(nameOn(2026, "2026-05-06")).toBe("振替休日"); // Constitution Day on a Sunday; 4 and 5 May are taken
    expect(nameOn(2027, "2027-03-22")).toBe("振替休日"); // Vernal Equinox on a Sunday
  });

  it("adds the citizens' holiday between Respect for the Aged Day and the equinox in 2026", () => {
    expect(nameOn(2026, "2026-09-22")).toBe("国民の休日");
    expect(japaneseHolidays(2026)?.find((holiday) => holiday.date === "2026-09-22")?.name).toBe("Citizens' holiday");
  });

  it("keeps the Olympic moves of 2020 and 2021", () => {
    expect(nameOn(2020, "2020-07-24")).toBe("スポーツの日");
    expect(nameOn(2020, "2020-08-10")).toBe("山の日");
    expect(nameOn(2021, "2021-07-22")).toBe("海の日");
    expect(nameOn(2021, "2021-08-09")).toBe("振替休日"); // Mountain Day on Sunday 8 August
    expect(nameOn(2021, "2021-10-11")).toBeUndefined();
  });

  it("refuses years whose rules it does not know", () => {
    expect(japaneseHolidays(2019)).toBeUndefined();
    expect(japaneseHolidays(2100)).toBeUndefined();
    expect(japaneseHolidays(2025.5)).toBeUndefined();
  });
});
