import type { BusinessHoursSchedule } from "../engine/context";
import { isValidTimeZone, isWithinBusinessHours, localTimeParts, type LocalTimeParts } from "./business-hours";

export type ScheduleDescription = {
  open: boolean;
  // The zone actually used: an unknown one is read as UTC, as isWithinBusinessHours does.
  timeZone: string;
  // Wall-clock time in that zone, "YYYY-MM-DD HH:MM".
  localTime: string;
  // English day name of the local date ("Sunday").
  weekday: string;
  // The local date is one of the schedule's holidays.
  holiday: boolean;
  // The first instant after `at` when open/closed flips, or null if it does not within a year
  // (always open, or no opening hours at all).
  nextChange: { at: number; open: boolean; localTime: string; weekday: string } | null;
};

// "What does this schedule mean at instant `at`?" for the settings preview and the simulator's clock
// ("pretend it is Sunday 23:00 in Asia/Tokyo"). The answer agrees with isWithinBusinessHours by
// construction: it only asks that function, at the instants where its answer can change.
export function describeScheduleAt(schedule: BusinessHoursSchedule, at: number): ScheduleDescription {
  const timeZone = isValidTimeZone(schedule.timeZone) ? schedule.timeZone : "UTC";
  const zoned = { ...schedule, timeZone };
  const local = localTimeParts(timeZone, at);
  const open = isWithinBusinessHours(zoned, at);
  const change = nextChange(zoned, at, local, open);
  return {
    open,
    timeZone,
    localTime: formatLocal(local),
    weekday: WEEKDAY_NAMES[local.weekday] ?? "",
    holiday: schedule.holidays.includes(local.isoDate),
    nextChange: change === undefined ? null : { at: change, open: !open, ...describeInstant(timeZone, change) },
  };
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Far enough to step over a long closure (a month of holidays); the search stops at the first change.
const LOOKAHEAD_DAYS = 370;
// Candidates are gathered a few local days at a time, so a nearby change costs a few dozen lookups.
const BATCH_DAYS = 8;
// No zone is more than 14 hours ahead of UTC or 12 behind.
const MAX_AHEAD = 14 * 60 * MINUTE;
const MAX_BEHIND = 12 * 60 * MINUTE;

// The answer of isWithinBusinessHours depends only on the local date and minute, so it can change only
// where the local clock reaches an opening or closing time or midnight, or jumps (a DST change). We
// list those instants for each local day, all occurrences of a repeated hour included, and ask at each
// in order. Between two consecutive candidates the answer is constant, so the first candidate with the
// other answer is the change.
function nextChange(schedule: BusinessHoursSchedule, at: number, local: LocalTimeParts, open: boolean): number | undefined {
  const boundaries = boundaryMinutes(schedule);
  if (boundaries === undefined) return undefined; // no opening hours: closed for good
  const pending = new Set<number>();
  for (let first = -1; first < LOOKAHEAD_DAYS; first += BATCH_DAYS) {
    for (let offset = first; offset < first + BATCH_DAYS; offset++) {
      for (const candidate of candidatesOnDay(schedule.timeZone, wallDay(local, offset), boundaries)) {
        if (candidate > at) pending.add(candidate);
      }
    }
    // Later days only yield instants from (their local midnight - 14 h) on: anything earlier is final.
    const settledBefore = wallDay(local, first + BATCH_DAYS) - MAX_AHEAD;
    for (const candidate of [...pending].sort((a, b) => a - b)) {
      if (candidate >= settledBefore) break;
      pending.delete(candidate);
      if (isWithinBusinessHours(schedule, candidate) !== open) return candidate;
    }
  }
  return undefined;
}

// Minutes after local midnight at which some interval opens or closes, plus midnight itself (a holiday
// starts and ends there). Every time is used on every day: extra candidates only cost a lookup.
// Undefined when no interval has any opening time.
function boundaryMinutes(schedule: BusinessHoursSchedule): number[] | undefined {
  const minutes = new Set<number>([0]);
  let opens = false;
  for (const interval of schedule.weekly) {
    const open = minutesOf(interval.open);
    const close = minutesOf(interval.close);
    if (open === undefined || open === 24 * 60 || close === undefined || open === close) continue;
    opens = true;
    minutes.add(open);
    minutes.add(close % (24 * 60));
  }
  return opens ? [...minutes] : undefined;
}

// The instants of local day `dayStart` (its midnight as a UTC wall value) at which the clock shows a
// boundary, plus the DST change of that day if there is one.
function candidatesOnDay(timeZone: string, dayStart: number, boundaries: number[]): number[] {
  const instants: number[] = [];
  const before = dayStart - MAX_AHEAD;
  const after = dayStart + DAY + MAX_BEHIND;
  const offsets = new Set([offsetAt(timeZone, before), offsetAt(timeZone, after)]);
  for (const minute of boundaries) {
    const wall = dayStart + minute * MINUTE;
    // A wall time occurs once, twice (the repeated hour) or never (the skipped hour, which the DST
    // change below covers).
    for (const offset of offsets) {
      if (wallAt(timeZone, wall - offset) === wall) instants.push(wall - offset);
    }
  }
  if (offsets.size > 1) instants.push(offsetChangeBetween(timeZone, before, after));
  return instants;
}

// The first minute in (from, to] with the offset `to` has; assumes one change in between.
function offsetChangeBetween(timeZone: string, from: number, to: number): number {
  const target = offsetAt(timeZone, to);
  let low = Math.floor(from / MINUTE);
  let high = Math.floor(to / MINUTE);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(timeZone, middle * MINUTE) === target) high = middle;
    else low = middle;
  }
  return high * MINUTE;
}

// Local wall-clock time at `at`, as if it were UTC (minute precision).
function wallAt(timeZone: string, at: number): number {
  const p = localTimeParts(timeZone, at);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

function offsetAt(timeZone: string, at: number): number {
  const minute = Math.floor(at / MINUTE) * MINUTE;
  return wallAt(timeZone, minute) - minute;
}

// Midnight of the local date `days` after `local`'s, as a UTC wall value.
function wallDay(local: LocalTimeParts, days: number): number {
  return Date.UTC(local.year, local.month - 1, local.day + days);
}

function describeInstant(timeZone: string, at: number) {
  const local = localTimeParts(timeZone, at);
  return { localTime: formatLocal(local), weekday: WEEKDAY_NAMES[local.weekday] ?? "" };
}

function formatLocal(local: LocalTimeParts): string {
  return `${local.isoDate} ${pad(local.hour)}:${pad(local.minute)}`;
}

// Same reading as isWithinBusinessHours: "HH:MM", with "24:00" allowed (as a closing time).
function minutesOf(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

const pad = (n: number) => String(n).padStart(2, "0");
