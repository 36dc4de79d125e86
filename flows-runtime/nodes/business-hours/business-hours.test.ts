import { describe, expect, it } from "vitest";
import type { WorkspaceSettings } from "../../engine/context";
import { fakeRunContext } from "../../testing/fake-run-context";
import { businessHoursNode } from "./business-hours";

const diagnoseCtx = { nodeId: "bh", knownFields: new Set<string>(), knownVariables: new Set<string>(), channels: [] as const };

const weekdays9to18 = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" }));
const tokyo = { id: "tokyo", name: "Tokyo office", timeZone: "Asia/Tokyo", weekly: weekdays9to18, holidays: ["2026-04-29"] };
const newYork = { id: "ny", name: "New York", timeZone: "America/New_York", weekly: weekdays9to18, holidays: [] };
const settings: WorkspaceSettings = { timeZone: "Asia/Tokyo", schedules: [tokyo, newYork] };

// Tuesday 2026-03-31 10:30 in Tokyo (01:30 UTC), which is Monday 21:30 in New York.
const tuesdayMorningTokyo = Date.UTC(2026, 2, 31, 1, 30);

function run(data: unknown, now: number, workspace: WorkspaceSettings = settings) {
  return businessHoursNode.run(businessHoursNode.data.parse(data), fakeRunContext({ nodeId: "bh", now, settings: workspace }));
}

describe("business_hours node", () => {
  it("uses the workspace's first schedule by default and explains the local time in the trace", () => {
    expect(run({}, tuesdayMorningTokyo)).toEqual({
      outcome: "next",
      port: "open",
      variables: { next_open: null },
      note: "Tue 2026-03-31 10:30 Asia/Tokyo: open (09:00–18:00)",
    });
  });

  it("picks a schedule by id, in that schedule's time zone", () => {
    const result = run({ scheduleId: "ny" }, tuesdayMorningTokyo);
    expect(result).toMatchObject({ port: "closed", note: "Mon 2026-03-30 21:30 America/New_York: closed (outside 09:00–18:00)" });
    // So an away message can say when the team is back.
    expect(result).toMatchObject({ variables: { next_open: { date: "2026-03-31", weekday: "Tuesday", time: "09:00" } } });
  });

  it("is closed at weekends and on holidays, and finds the next opening after them", () => {
    const saturdayNoon = Date.UTC(2026, 3, 4, 3, 0);
    expect(run({}, saturdayNoon)).toMatchObject({ port: "closed", note: expect.stringContaining("closed on Saturdays"), variables: { next_open: { date: "2026-04-06", weekday: "Monday" } } });
    const showaDay = Date.UTC(2026, 3, 29, 2, 0);
    expect(run({}, showaDay)).toMatchObject({ port: "closed", note: expect.stringContaining("holiday"), variables: { next_open: { date: "2026-04-30", time: "09:00" } } });
  });

  it("prefers an inline schedule", () => {
    const inline = { schedule: { timeZone: "Europe/London", weekly: [{ day: 2, open: "02:00", close: "03:00" }] } };
    expect(run(inline, tuesdayMorningTokyo)).toMatchObject({ port: "open", note: "Tue 2026-03-31 02:30 Europe/London: open (02:00–03:00)" });
  });

  it("treats a workspace without any schedule as open, and says so", () => {
    expect(run({}, tuesdayMorningTokyo, { timeZone: "UTC", schedules: [] })).toMatchObject({ port: "open", note: "no business hours schedule set up: treated as open" });
    expect(run({ scheduleId: "gone" }, tuesdayMorningTokyo)).toMatchObject({ port: "open", note: expect.stringContaining('schedule "gone" not found') });
  });

  it("reports an inline schedule with an unknown time zone or no hours", () => {
    const codes = (data: unknown) => businessHoursNode.diagnose?.(businessHoursNode.data.parse(data), diagnoseCtx).map((d) => d.code);
    expect(codes({})).toEqual([]);
    expect(codes({ schedule: { timeZone: "Tokyo/Japan", weekly: weekdays9to18 } })).toEqual(["invalid_time_zone"]);
    expect(codes({ schedule: { timeZone: "Asia/Tokyo" } })).toEqual(["always_closed"]);
    expect(codes({ scheduleId: "ny", schedule: { timeZone: "Asia/Tokyo", weekly: [{ day: 1, open: "09:00", close: "09:00" }, { day: 2, open: "09:00", close: "17:00" }] } })).toEqual([
      "empty_interval",
      "schedule_id_ignored",
    ]);
  });
});
