import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusinessHoursSchedule } from "../engine/context";
import { isWithinBusinessHours } from "./business-hours";
import { describeScheduleAt } from "./describe-schedule";

const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const days = (list: number[], open: string, close: string) => list.map((day) => ({ day, open, close }));
const schedule = (timeZone: string, weekly: BusinessHoursSchedule["weekly"], holidays: string[] = []): BusinessHoursSchedule => ({
  id: "s1",
  name: "Office",
  timeZone,
  weekly,
  holidays,
});
const WEEKDAYS = [1, 2, 3, 4, 5];

describe("describeScheduleAt: Tokyo office, Mon–Fri 09:00–18:00", () => {
  const office = schedule("Asia/Tokyo", days(WEEKDAYS, "09:00", "18:00"), ["2026-01-01"]);

  it("pretends it is Sunday 23:00 in Tokyo: closed, opening Monday 09:00", () => {
    // Sunday 2026-03-29 23:00 JST = 14:00 UTC.
    expect(describeScheduleAt(office, utc(2026, 3, 29, 14))).toEqual({
      open: false,
      timeZone: "Asia/Tokyo",
      localTime: "2026-03-29 23:00",
      weekday: "Sunday",
      holiday: false,
      nextChange: { at: utc(2026, 3, 30, 0), open: true, localTime: "2026-03-30 09:00", weekday: "Monday" },
    });
  });

  it("is open on a weekday afternoon and says when it closes", () => {
    const described = describeScheduleAt(office, utc(2026, 3, 30, 5, 17)); // Mon 14:17 JST
    expect(described).toMatchObject({ open: true, localTime: "2026-03-30 14:17", weekday: "Monday" });
    expect(described.nextChange).toEqual({ at: utc(2026, 3, 30, 9), open: false, localTime: "2026-03-30 18:00", weekday: "Monday" });
  });

  it("skips a holiday: after New Year's Eve closes, it opens on Friday 2 January", () => {
    const described = describeScheduleAt(office, utc(2025, 12, 31, 9, 30)); // Wed 18:30 JST
    expect(described.open).toBe(false);
    expect(described.nextChange).toMatchObject({ localTime: "2026-01-02 09:00", weekday: "Friday", open: true });
    expect(describeScheduleAt(office, utc(2026, 1, 1, 3))).toMatchObject({ open: false, holiday: true, weekday: "Thursday" });
  });
});

describe("describeScheduleAt across DST in America/New_York (Mon–Fri 09:00–17:00)", () => {
  const office = schedule("America/New_York", days(WEEKDAYS, "09:00", "17:00"));

  it("opens Monday 09:00 EDT after the spring-forward weekend (13:00 UTC, not 14:00)", () => {
    // Friday 6 March 2026 17:30 EST = 22:30 UTC; clocks go forward on Sunday 8 March.
    const described = describeScheduleAt(office, utc(2026, 3, 6, 22, 30));
    expect(described).toMatchObject({ open: false, localTime: "2026-03-06 17:30", weekday: "Friday" });
    expect(described.nextChange).toEqual({ at: utc(2026, 3, 9, 13), open: true, localTime: "2026-03-09 09:00", weekday: "Monday" });
  });

  it("opens Monday 09:00 EST after the fall-back weekend (14:00 UTC)", () => {
    const described = describeScheduleAt(office, utc(2026, 10, 30, 22)); // Fri 18:00 EDT
    expect(described.nextChange).toMatchObject({ at: utc(2026, 11, 2, 14), localTime: "2026-11-02 09:00" });
  });

  it("closes at the jump when closing time falls in the skipped hour", () => {
    // Saturday night 22:00 until 02:30; on 8 March 2026 the clock goes 01:59 EST → 03:00 EDT (07:00 UTC).
    const bar = schedule("America/New_York", [{ day: 6, open: "22:00", close: "02:30" }]);
    const described = describeScheduleAt(bar, utc(2026, 3, 8, 6, 30)); // Sun 01:30 EST
    expect(described).toMatchObject({ open: true, localTime: "2026-03-08 01:30", weekday: "Sunday" });
    expect(described.nextChange).toMatchObject({ at: utc(2026, 3, 8, 7), open: false, localTime: "2026-03-08 03:00" });
  });

  it("follows the repeated hour: closing at 01:30 happens twice on fall-back night", () => {
    const bar = schedule("America/New_York", [{ day: 6, open: "22:00", close: "01:30" }]);
    // 01:30 EDT (05:30 UTC) closes; at 06:00 UTC the clock reads 01:00 EST again, inside the hours.
    expect(describeScheduleAt(bar, utc(2026, 11, 1, 5, 10)).nextChange).toMatchObject({ at: utc(2026, 11, 1, 5, 30), open: false });
    expect(describeScheduleAt(bar, utc(2026, 11, 1, 5, 40)).nextChange).toMatchObject({ at: utc(2026, 11, 1, 6), open: true });
    expect(describeScheduleAt(bar, utc(2026, 11, 1, 6, 10)).nextChange).toMatchObject({ at: utc(2026, 11, 1, 6, 30), open: false });
  });
});

describe("describeScheduleAt with overnight hours", () => {
  // Friday and Saturday nights 22:00–02:00 in Tokyo.
  const bar = schedule("Asia/Tokyo", days([5, 6], "22:00", "02:00"));

  it("is open after midnight on the interval that began the night before, until 02:00", () => {
    const described = describeScheduleAt(bar, utc(2026, 4, 3, 16)); // Sat 01:00 JST
    expect(described).toMatchObject({ open: true, weekday: "Saturday", localTime: "2026-04-04 01:00" });
    expect(described.nextChange).toMatchObject({ localTime: "2026-04-04 02:00", open: false });
  });

  it("from Sunday morning, the next opening is Friday 22:00", () => {
    const described = describeScheduleAt(bar, utc(2026, 4, 4, 18)); // Sun 03:00 JST
    expect(described.open).toBe(false);
    expect(described.nextChange).toMatchObject({ localTime: "2026-04-10 22:00", weekday: "Friday", open: true });
  });

  it("a holiday on Saturday cancels Saturday night and the tail of Friday night", () => {
    const closedSaturday = { ...bar, holidays: ["2026-04-04"] };
    const described = describeScheduleAt(closedSaturday, utc(2026, 4, 3, 14)); // Fri 23:00 JST
    expect(described.open).toBe(true);
    expect(described.nextChange).toMatchObject({ localTime: "2026-04-04 00:00", open: false });
    expect(describeScheduleAt(closedSaturday, utc(2026, 4, 3, 16)).nextChange).toMatchObject({ localTime: "2026-04-10 22:00", open: true });
  });
});

describe("describeScheduleAt edge cases", () => {
  it("has no next change for a schedule without hours or open around the clock", () => {
    expect(describeScheduleAt(schedule("UTC", []), utc(2026, 1, 1, 0)).nextChange).toBeNull();
    const always = schedule("UTC", days([0, 1, 2, 3, 4, 5, 6], "00:00", "24:00"));
    expect(describeScheduleAt(always, utc(2026, 1, 1, 0))).toMatchObject({ open: true, nextChange: null });
  });

  it("reads an unknown time zone as UTC, like the business_hours node", () => {
    const described = describeScheduleAt(schedule("Mars/Olympus", days(WEEKDAYS, "09:00", "17:00")), utc(2026, 3, 30, 8));
    expect(described).toMatchObject({ timeZone: "UTC", open: false, nextChange: { at: utc(2026, 3, 30, 9), open: true } });
  });

  it("looks past a month of holidays", () => {
    const holidays = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 7, 1 + i)).toISOString().slice(0, 10));
    const described = describeScheduleAt(schedule("UTC", days(WEEKDAYS, "09:00", "17:00"), holidays), utc(2026, 7, 31, 18)); // Fri 31 July, after closing
    expect(described.nextChange).toMatchObject({ localTime: "2026-09-10 09:00", weekday: "Thursday" });
  });
});

// Against a minute-by-minute scan of isWithinBusinessHours, in zones with DST (including Lord Howe's
// 30-minute shift), half-hour offsets, overnight hours and holidays.
describe("describeScheduleAt agrees with isWithinBusinessHours", () => {
  const zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Tokyo", "America/Santiago"];
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
  const interval = fc.record({ day: fc.integer({ min: 0, max: 6 }), open: time, close: fc.oneof(time, fc.constant("24:00")) });
  // Around the 2026 DST changes of these zones.
  const instant = fc.constantFrom(utc(2026, 3, 6, 0), utc(2026, 3, 27, 0), utc(2026, 4, 3, 0), utc(2026, 9, 4, 0), utc(2026, 10, 23, 0), utc(2026, 10, 30, 0))
    .chain((start) => fc.integer({ min: 0, max: 4 * 24 * 60 }).map((minutes) => start + minutes * 60_000));

  it("never misses a change and never reports a false one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(interval, { maxLength: 5 }), fc.boolean(), instant, (timeZone, weekly, withHoliday, at) => {
        const holidays = withHoliday ? [new Date(at + 86_400_000).toISOString().slice(0, 10)] : [];
        const s = schedule(timeZone, weekly, holidays);
        const { open, nextChange } = describeScheduleAt(s, at);
        expect(open).toBe(isWithinBusinessHours(s, at));
        const horizon = Math.min(nextChange?.at ?? Infinity, at + 3 * 86_400_000);
        for (let t = Math.floor(at / 60_000 + 1) * 60_000; t < horizon; t += 60_000) {
          if (isWithinBusinessHours(s, t) !== open) throw new Error(`missed a change at ${new Date(t).toISOString()}`);
        }
        if (nextChange) expect(isWithinBusinessHours(s, nextChange.at)).toBe(!open);
      }),
      { numRuns: 60 },
    );
  });
});

const pad = (n: number) => String(n).padStart(2, "0");
