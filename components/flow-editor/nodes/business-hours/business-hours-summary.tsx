import type { NodeData } from "../registry";
import { Meta, Placeholder, SummaryLine } from "../summary-parts";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
// Week starting Monday reads the way most schedules are written ("Mon–Fri 09:00–18:00").
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function BusinessHoursSummary({ data }: { data: NodeData<"business_hours"> }) {
  const schedule = data.schedule;
  if (!schedule) {
    return <SummaryLine>{data.scheduleId ? `Workspace schedule "${data.scheduleId}"` : "Workspace business hours"}</SummaryLine>;
  }
  const lines = weeklyLines(schedule.weekly);
  return (
    <div className="space-y-0.5">
      {lines.length === 0 ? <Placeholder>No opening hours: always closed</Placeholder> : lines.slice(0, 3).map((line) => <SummaryLine key={line}>{line}</SummaryLine>)}
      {lines.length > 3 && <Meta>+{lines.length - 3} more</Meta>}
      <Meta>
        {schedule.timeZone}
        {schedule.holidays.length > 0 ? ` · ${schedule.holidays.length} holiday${schedule.holidays.length === 1 ? "" : "s"}` : ""}
      </Meta>
    </div>
  );
}

type Interval = NonNullable<NodeData<"business_hours">["schedule"]>["weekly"][number];

// Groups consecutive days with the same hours: "Mon–Fri 09:00–18:00", "Sat 10:00–14:00".
function weeklyLines(weekly: readonly Interval[]): string[] {
  const hoursByDay = WEEK_ORDER.map((day) =>
    weekly
      .filter((interval) => interval.day === day && interval.open !== interval.close)
      .map((interval) => `${interval.open}–${interval.close}`)
      .join(", "),
  );
  const lines: string[] = [];
  let start = 0;
  for (let index = 1; index <= WEEK_ORDER.length; index++) {
    if (index < WEEK_ORDER.length && hoursByDay[index] === hoursByDay[start]) continue;
    const hours = hoursByDay[start];
    if (hours) {
      const first = DAYS[WEEK_ORDER[start] ?? 0];
      const last = DAYS[WEEK_ORDER[index - 1] ?? 0];
      lines.push(`${first === last ? first : `${first}–${last}`} ${hours}`);
    }
    start = index;
  }
  return lines;
}
