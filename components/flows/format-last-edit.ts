const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const steps: [limitSeconds: number, unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  [60, "second", 1],
  [3600, "minute", 60],
  [86_400, "hour", 3600],
  [7 * 86_400, "day", 86_400],
];

// "3 minutes ago" for the last week (what a marketer scanning the list cares about), a date after that.
export function formatLastEdit(value: string | Date, now: Date): { label: string; title: string } {
  const date = new Date(value);
  const title = absolute.format(date);
  const elapsed = (now.getTime() - date.getTime()) / 1000;
  if (elapsed < 45) return { label: "just now", title };
  for (const [limit, unit, seconds] of steps) {
    if (elapsed < limit) return { label: relative.format(-Math.round(elapsed / seconds), unit), title };
  }
  return { label: title, title };
}
