import { describe, it, expect } from "vitest";
import type { BusinessHoursSchedule } from "../engine/context";
import { isValidTimeZone, isWithinBusinessHours, localTimeParts } from "./business-hours";

const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const schedule = (timeZone: string, weekly: BusinessHoursSchedule["weekly"], holidays: string[] = []): BusinessHoursSchedule => ({
  id: "s1",
  name: "Office",
  timeZone,
  weekly,
  holidays,
});

describe("localTimeParts", () => {
  it("gives the wall-clock date, time and weekday in the zone", () => {
    // Sunday 2026-03-29 23:30 UTC is already Monday morning in Tokyo.
    expect(localTimeParts("Asia/Tokyo", utc(2026, 3, 29, 23, 30))).toEqual({
      year: 2026, month: 3, day: 30, weekday: 1, hour: 8, minute: 30, isoDate: "2026-03-30",
    });
    expect(localTimeParts("America/New_York", utc(2026, 7, 4, 3, 5))).toEqual({
      year: 2026, month: 7, day: 3, weekday: 5, hour: 23, minute: 5, isoDate: "2026-07-03",
    });
  });

  it("reports midnight as hour 0, not 24", () => {
    expect(localTimeParts("UTC", utc(2026, 1, 1, 0, 0))).toMatchObject({ hour: 0, minute: 0, isoDate: "2026-01-01", weekday: 4 });
  });

  it("follows DST: New York is UTC-5 before 8 March 2026 and UTC-4 after", () => {
    expect(localTimeParts("America/New_York", utc(2026, 3, 8, 6, 59))).toMatchObject({ hour: 1, minute: 59 });
    expect(localTimeParts("America/New_York", utc(2026, 3, 8, 7, 0))).toMatchObject({ hour: 3, minute: 0 });
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones and rejects anything else", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("Tokyo")).toBe(false);
  });
});

describe("isWithinBusinessHours: Asia/Tokyo office, Mon–Fri 09:00–18:00", () => {
  const office = schedule("Asia/Tokyo", weekdays("09:00", "18:00"), ["2026-01-01"]);

  it("opens at 09:00 local on Monday, which is still Sunday in UTC", () => {
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 0, 0))).toBe(true); // Mon 09:00 JST
    expect(isWithinBusinessHours(office, utc(2026, 3, 29, 23, 59))).toBe(false); // Mon 08:59 JST
  });

  it("closes at 18:00 exactly", () => {
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 8, 59))).toBe(true); // 17:59
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 9, 0))).toBe(false); // 18:00
  });

  it("is closed at the weekend and on holidays", () => {
    expect(isWithinBusinessHours(office, utc(2026, 3, 28, 3, 0))).toBe(false); // Sat 12:00
    expect(isWithinBusinessHours(office, utc(2026, 1, 1, 3, 0))).toBe(false); // Thu 1 Jan 12:00, holiday
    expect(isWithinBusinessHours(office, utc(2026, 1, 2, 3, 0))).toBe(true); // Fri 2 Jan 12:00
  });

  it("respects a lunch break written as two intervals", () => {
    const withLunch = schedule("Asia/Tokyo", [
      { day: 1, open: "09:00", close: "12:00" },
      { day: 1, open: "13:00", close: "18:00" },
    ]);
    expect(isWithinBusinessHours(withLunch, utc(2026, 3, 30, 2, 59))).toBe(true); // 11:59
    expect(isWithinBusinessHours(withLunch, utc(2026, 3, 30, 3, 30))).toBe(false); // 12:30
    expect(isWithinBusinessHours(withLunch, utc(2026, 3, 30, 4, 0))).toBe(true); // 13:00
  });
});

describe("isWithinBusinessHours: America/New_York across DST", () => {
  const sundays = schedule("America/New_York", [
    { day: 0, open: "09:00", close: "17:00" },
    { day: 6, open: "22:00", close: "02:00" },
  ]);

  it("opens at 09:00 EDT on the spring-forward Sunday (8 March 2026)", () => {
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 13, 0))).toBe(true); // 09:00 EDT
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 12, 30))).toBe(false); // 08:30 EDT
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 20, 59))).toBe(true); // 16:59 EDT
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 21, 0))).toBe(false); // 17:00 EDT
  });

  it("runs the Saturday night interval through the skipped hour", () => {
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 4, 0))).toBe(true); // Sat 23:00 EST
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 6, 59))).toBe(true); // Sun 01:59 EST
    expect(isWithinBusinessHours(sundays, utc(2026, 3, 8, 7, 0))).toBe(false); // Sun 03:00 EDT
  });

  it("opens at 09:00 EST on the fall-back Sunday (1 November 2026)", () => {
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 14, 0))).toBe(true); // 09:00 EST
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 13, 30))).toBe(false); // 08:30 EST
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 21, 59))).toBe(true); // 16:59 EST
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 22, 0))).toBe(false); // 17:00 EST
  });

  it("counts both 01:30s of the repeated hour inside the overnight interval", () => {
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 5, 30))).toBe(true); // 01:30 EDT
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 6, 30))).toBe(true); // 01:30 EST
    expect(isWithinBusinessHours(sundays, utc(2026, 11, 1, 7, 0))).toBe(false); // 02:00 EST
  });

  it("finds yesterday's holiday by calendar date after a 23-hour day", () => {
    const night = schedule("America/New_York", [{ day: 0, open: "22:00", close: "02:00" }], ["2026-03-08"]);
    // Monday 9 March 00:30 EDT: 24 hours earlier is Saturday 7 March 23:30 EST, not Sunday.
    expect(isWithinBusinessHours(night, utc(2026, 3, 9, 4, 30))).toBe(false);
    expect(isWithinBusinessHours({ ...night, holidays: ["2026-03-07"] }, utc(2026, 3, 9, 4, 30))).toBe(true);
  });
});

describe("isWithinBusinessHours: Europe/London across BST", () => {
  const office = schedule("Europe/London", weekdays("09:00", "17:30"));

  it("opens at 09:00 GMT in winter and 09:00 BST in summer", () => {
    expect(isWithinBusinessHours(office, utc(2026, 3, 27, 9, 0))).toBe(true); // Fri 09:00 GMT
    expect(isWithinBusinessHours(office, utc(2026, 3, 27, 8, 30))).toBe(false); // Fri 08:30 GMT
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 8, 0))).toBe(true); // Mon 09:00 BST
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 7, 59))).toBe(false); // Mon 08:59 BST
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 16, 29))).toBe(true); // 17:29 BST
    expect(isWithinBusinessHours(office, utc(2026, 3, 30, 16, 30))).toBe(false); // 17:30 BST
  });
});

describe("isWithinBusinessHours: intervals past midnight", () => {
  it("treats close 24:00 as the end of the day", () => {
    const lateFriday = schedule("Asia/Tokyo", [{ day: 5, open: "18:00", close: "24:00" }]);
    expect(isWithinBusinessHours(lateFriday, utc(2026, 4, 3, 14, 59))).toBe(true); // Fri 23:59
    expect(isWithinBusinessHours(lateFriday, utc(2026, 4, 3, 15, 0))).toBe(false); // Sat 00:00
    expect(isWithinBusinessHours(lateFriday, utc(2026, 4, 3, 8, 59))).toBe(false); // Fri 17:59
  });

  it("runs a close earlier than open into the next morning, including Saturday into Sunday", () => {
    const bar = schedule("Asia/Tokyo", [
      { day: 5, open: "20:00", close: "03:00" },
      { day: 6, open: "20:00", close: "03:00" },
    ]);
    expect(isWithinBusinessHours(bar, utc(2026, 4, 3, 11, 0))).toBe(true); // Fri 20:00
    expect(isWithinBusinessHours(bar, utc(2026, 4, 3, 17, 0))).toBe(true); // Sat 02:00
    expect(isWithinBusinessHours(bar, utc(2026, 4, 3, 18, 0))).toBe(false); // Sat 03:00
    expect(isWithinBusinessHours(bar, utc(2026, 4, 4, 10, 59))).toBe(false); // Sat 19:59
    expect(isWithinBusinessHours(bar, utc(2026, 4, 4, 17, 30))).toBe(true); // Sun 02:30
    expect(isWithinBusinessHours(bar, utc(2026, 4, 5, 17, 30))).toBe(false); // Mon 02:30
  });

  it("closes the whole holiday, including last night's tail, and cancels a night starting on one", () => {
    const bar = schedule("Asia/Tokyo", [{ day: 5, open: "20:00", close: "03:00" }]);
    const satHoliday = { ...bar, holidays: ["2026-04-04"] };
    expect(isWithinBusinessHours(satHoliday, utc(2026, 4, 3, 14, 0))).toBe(true); // Fri 23:00
    expect(isWithinBusinessHours(satHoliday, utc(2026, 4, 3, 16, 0))).toBe(false); // Sat 01:00
    const friHoliday = { ...bar, holidays: ["2026-04-03"] };
    expect(isWithinBusinessHours(friHoliday, utc(2026, 4, 3, 14, 0))).toBe(false); // Fri 23:00
    expect(isWithinBusinessHours(friHoliday, utc(2026, 4, 3, 16, 0))).toBe(false); // Sat 01:00
  });
});

describe("isWithinBusinessHours: odd schedules", () => {
  it("is open all day with 00:00–24:00 and never with open equal to close", () => {
    const allDay = schedule("UTC", [{ day: 4, open: "00:00", close: "24:00" }]);
    expect(isWithinBusinessHours(allDay, utc(2026, 1, 1, 0, 0))).toBe(true);
    expect(isWithinBusinessHours(allDay, utc(2026, 1, 1, 23, 59))).toBe(true);
    expect(isWithinBusinessHours(allDay, utc(2026, 1, 2, 0, 0))).toBe(false);
    const empty = schedule("UTC", [{ day: 4, open: "09:00", close: "09:00" }]);
    expect(isWithinBusinessHours(empty, utc(2026, 1, 1, 9, 0))).toBe(false);
  });

  it("ignores impossible times and an empty week", () => {
    const broken = schedule("UTC", [{ day: 4, open: "25:00", close: "26:00" }, { day: 4, open: "09:61", close: "10:00" }]);
    expect(isWithinBusinessHours(broken, utc(2026, 1, 1, 9, 30))).toBe(false);
    expect(isWithinBusinessHours(schedule("UTC", []), utc(2026, 1, 1, 9, 30))).toBe(false);
  });

  it("reads an unknown time zone as UTC instead of throwing", () => {
    const typo = schedule("Asia/Tokio", [{ day: 4, open: "09:00", close: "17:00" }]);
    expect(isWithinBusinessHours(typo, utc(2026, 1, 1, 9, 0))).toBe(true);
    expect(isWithinBusinessHours(typo, utc(2026, 1, 1, 17, 0))).toBe(false);
  });
});
