import type { BusinessHoursSchedule } from "../engine/context";
import { isValidTimeZone, localTimeParts, type LocalTimeParts } from "./local-time";

export { isValidTimeZone, localTimeParts, type LocalTimeParts } from "./local-time";

// Is the business open at instant `at`, by its weekly hours in its own time zone?
// - An interval is open from `open` (inclusive) to `close` (exclusive).
// - `close` "24:00" means until midnight; a `close` earlier than `open` (22:00–02:00) runs past
//   midnight into the next day. `open` equal to `close` is an empty interval: use 00:00–24:00 for all day.
// - A holiday closes its whole local day, including the early-morning tail of the previous night's
//   interval, and cancels an overnight interval that starts on it.
// - An unknown time zone is read as UTC rather than failing the conversation; the compiler reports it.
export function isWithinBusinessHours(schedule: BusinessHoursSchedule, at: number): boolean {
  const timeZone = isValidTimeZone(schedule.timeZone) ? schedule.timeZone : "UTC";
  const now = localTimeParts(timeZone, at);
  if (schedule.holidays.includes(now.isoDate)) return false;
  const minute = now.hour * 60 + now.minute;
  const yesterday = (now.weekday + 6) % 7;
  let yesterdayIsHoliday: boolean | undefined;

  for (const interval of schedule.weekly) {
    const open = minutesOf(interval.open, false);
    const close = minutesOf(interval.close, true);
    if (open === undefined || close === undefined || open === close) continue;
    const overnight = close < open;
    if (interval.day === now.weekday && minute >= open && (overnight || minute < close)) return true;
    if (overnight && interval.day === yesterday && minute < close) {
      yesterdayIsHoliday ??= schedule.holidays.includes(previousIsoDate(now));
      if (!yesterdayIsHoliday) return true;
    }
  }
  return false;
}

// Calendar arithmetic, not `at - 24h`: the day after a DST change is 23 or 25 hours from midnight.
function previousIsoDate({ year, month, day }: LocalTimeParts): string {
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

// "HH:MM" to minutes after midnight; "24:00" only as a closing time. Undefined for anything else.
function minutesOf(time: string, isClose: boolean): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0 && isClose) return 24 * 60;
  return hours < 24 ? hours * 60 + minutes : undefined;
}
