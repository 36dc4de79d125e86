import type { BusinessHoursSchedule } from "../../engine/context";
import type { LocalTimeParts } from "../../schedule/business-hours";

export type NextOpening = {
  // "YYYY-MM-DD" in the schedule's time zone.
  date: string;
  // English day name ("Monday"): templates in other languages can use `date` or map it themselves.
  weekday: string;
  // "HH:MM" local time.
  time: string;
};

// When the business next opens after local time `now`, looking up to two weeks ahead (long enough to
// skip a holiday week). Undefined for a schedule with no opening hours at all.
export function nextOpening(schedule: BusinessHoursSchedule, now: LocalTimeParts): NextOpening | undefined {
  const minute = now.hour * 60 + now.minute;
  for (let offset = 0; offset < LOOKAHEAD_DAYS; offset++) {
    const date = new Date(Date.UTC(now.year, now.month - 1, now.day + offset));
    const isoDate = date.toISOString().slice(0, 10);
    if (schedule.holidays.includes(isoDate)) continue;
    const weekday = date.getUTCDay();
    const opens = schedule.weekly
      .filter((interval) => interval.day === weekday && interval.open !== interval.close)
      .map((interval) => interval.open)
      .filter((open) => offset > 0 || minutesOf(open) > minute)
      .sort();
    const first = opens[0];
    if (first !== undefined) return { date: isoDate, weekday: WEEKDAYS[weekday] ?? "", time: first };
  }
  return undefined;
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const LOOKAHEAD_DAYS = 15;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
