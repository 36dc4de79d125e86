import type { BusinessHoursSchedule } from "@/flows-runtime";
import { canonicalTimeZone, timeZoneProblem } from "./time-zones";

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const DAY = 24 * 60;
const WEEK = 7 * DAY;

// What is wrong with a schedule, in words a marketer can act on; empty when it can be saved.
// The runtime tolerates all of these (isWithinBusinessHours skips bad intervals), so the settings page is
// where they are refused: an empty or overlapping interval is always a typo.
export function scheduleProblems(schedule: Pick<BusinessHoursSchedule, "timeZone" | "weekly" | "holidays">): string[] {
  const problems: string[] = [];
  if (!canonicalTimeZone(schedule.timeZone)) problems.push(timeZoneProblem(schedule.timeZone));

  const ranges: { start: number; end: number; text: string }[] = [];
  for (const interval of schedule.weekly) {
    const day = DAY_NAMES[interval.day] ?? `Day ${interval.day}`;
    const open = minutesOf(interval.open, false);
    const close = minutesOf(interval.close, true);
    if (open === undefined) problems.push(`${day}: "${interval.open}" is not an opening time (use HH:MM from 00:00 to 23:59).`);
    if (close === undefined) problems.push(`${day}: "${interval.close}" is not a closing time (use HH:MM from 00:00 to 24:00).`);
    if (open === undefined || close === undefined) continue;
    const text = `${day} ${interval.open}–${interval.close}`;
    if (open === close) {
      problems.push(`${text} is empty: it opens and closes at the same time. For all day use 00:00–24:00.`);
      continue;
    }
    // A close before the open runs past midnight into the next day.
    const start = interval.day * DAY + open;
    ranges.push({ start, end: interval.day * DAY + (close > open ? close : close + DAY), text });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      // Saturday night's hours run into Sunday morning: compare across the week's end too.
      if (overlaps(a, b) || overlaps({ start: a.start + WEEK, end: a.end + WEEK }, b) || overlaps(a, { start: b.start + WEEK, end: b.end + WEEK })) {
        problems.push(`${a.text} overlaps ${b.text}.`);
      }
    }
  }

  for (const date of schedule.holidays) {
    if (!isCalendarDate(date)) problems.push(`"${date}" is not a date (use YYYY-MM-DD).`);
  }
  return problems;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const parsed = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

// Same reading as flows-runtime's isWithinBusinessHours: "24:00" only as a closing time.
function minutesOf(time: string, isClose: boolean): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0 && isClose) return DAY;
  return hours < 24 ? hours * 60 + minutes : undefined;
}
