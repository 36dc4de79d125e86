export type LocalTimeParts = {
  year: number;
  month: number;
  day: number;
  // 0 = Sunday ... 6 = Saturday, as in BusinessHoursSchedule.
  weekday: number;
  hour: number;
  minute: number;
  // "YYYY-MM-DD", for comparing with a schedule's holidays.
  isoDate: string;
};

// The wall-clock date and time at instant `at` (ms since the epoch) in an IANA time zone. Intl knows
// every zone's DST rules, so nothing here adds or subtracts offsets. Throws RangeError for an unknown
// zone: check with isValidTimeZone first.
export function localTimeParts(timeZone: string, at: number): LocalTimeParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const year = values.year ?? 0;
  const month = values.month ?? 1;
  const day = values.day ?? 1;
  // Some engines still print midnight as "24" even with h23.
  const hour = (values.hour ?? 0) % 24;
  // The weekday from the local date itself, rather than from a localised day name.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const isoDate = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  return { year, month, day, weekday, hour, minute: values.minute ?? 0, isoDate };
}

export function isValidTimeZone(tz: string): boolean {
  if (tz.trim() === "") return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

// Creating a DateTimeFormat costs far more than using one; business-hours checks run per message.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number) => String(n).padStart(2, "0");
