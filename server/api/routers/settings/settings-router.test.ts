import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWithinBusinessHours } from "@/flows-runtime";
import { seedDemoWorkspace } from "../../../db/seed";
import { loadWorkspaceSettings } from "../../../settings/workspace-settings";
import { createTestDatabase, testBackend, type TestDatabase } from "../../../testing/test-database";
import { createCaller } from "../../root";

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe(`settings router on ${testBackend()}`, () => {
  let database: TestDatabase;
  let caller: ReturnType<typeof createCaller>;
  let stranger: ReturnType<typeof createCaller>;
  let workspaceId: string;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemoWorkspace(database);
    workspaceId = demo.workspaceId;
    caller = createCaller({ database, queue: null, workspaceId, userId: demo.ownerId });
    const [other] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('other', 'Other') returning id");
    otherWorkspaceId = other!.id;
    stranger = createCaller({ database, queue: null, workspaceId: otherWorkspaceId, userId: demo.ownerId });
  });
  afterAll(async () => {
    await database.drop();
  });

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);

  it("gives a new workspace UTC and no calendars", async () => {
    expect(await loadWorkspaceSettings(database.db, otherWorkspaceId)).toEqual({ timeZone: "UTC", schedules: [] });
    expect(await stranger.settings.get()).toEqual({ name: "Other", timeZone: "UTC", schedules: [] });
  });

  it("updates the workspace name and time zone, storing the canonical zone name", async () => {
    const updated = await caller.settings.update({ name: "Kaiwa Coffee", timeZone: "asia/tokyo" });
    expect(updated).toMatchObject({ name: "Kaiwa Coffee", timeZone: "Asia/Tokyo" });
    expect((await loadWorkspaceSettings(database.db, workspaceId)).timeZone).toBe("Asia/Tokyo");
  });

  it("refuses an invalid time zone with a message naming it, and changes nothing", async () => {
    const error = await refusal(caller.settings.update({ name: "Renamed", timeZone: "Mars/Olympus_Mons" }));
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error?.message).toContain('"Mars/Olympus_Mons" is not a time zone');
    expect(await caller.settings.get()).toMatchObject({ name: "Kaiwa Coffee", timeZone: "Asia/Tokyo" });
    const onSchedule = await refusal(caller.settings.schedules.create({ name: "Moon desk", timeZone: "Moon/Base" }));
    expect(onSchedule?.message).toContain('"Moon/Base" is not a time zone');
    expect(await caller.settings.schedules.list()).toEqual([]);
  });

  it("offers a searchable list of zones with their offsets", async () => {
    const zones = await caller.settings.timeZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContainEqual({ id: "Asia/Tokyo", offset: "UTC+09:00" });
    expect(zones.some((zone) => zone.id === "UTC")).toBe(true);
  });

  let supportId = "";
  let salesId = "";

  it("creates calendars in the workspace's zone by default, keeping their order", async () => {
    const support = await caller.settings.schedules.create({ name: "Support desk", weekly: weekdays("09:00", "18:00") });
    expect(support).toMatchObject({ name: "Support desk", timeZone: "Asia/Tokyo", holidays: [] });
    expect(support.weekly).toHaveLength(5);
    const sales = await caller.settings.schedules.create({ name: "Sales", timeZone: "America/New_York" });
    expect(sales.weekly).toEqual(weekdays("09:00", "17:00"));
    supportId = support.id;
    salesId = sales.id;
    expect(await caller.settings.schedules.list()).toEqual([
      { id: supportId, name: "Support desk", timeZone: "Asia/Tokyo" },
      { id: salesId, name: "Sales", timeZone: "America/New_York" },
    ]);
  });

  it("refuses empty and overlapping intervals, naming them", async () => {
    const empty = await refusal(caller.settings.schedules.update({ id: supportId, weekly: [{ day: 1, open: "09:00", close: "09:00" }] }));
    expect(empty?.code).toBe("BAD_REQUEST");
    expect(empty?.message).toContain("Monday 09:00–09:00 is empty");
    const overlap = await refusal(
      caller.settings.schedules.update({ id: supportId, weekly: [{ day: 2, open: "09:00", close: "12:00" }, { day: 2, open: "11:30", close: "14:00" }] }),
    );
    expect(overlap?.message).toContain("Tuesday 09:00–12:00 overlaps Tuesday 11:30–14:00");
    // Saturday night's hours run into Sunday morning.
    const acrossWeekEnd = await refusal(
      caller.settings.schedules.update({ id: supportId, weekly: [{ day: 6, open: "22:00", close: "03:00" }, { day: 0, open: "02:00", close: "05:00" }] }),
    );
    expect(acrossWeekEnd?.message).toContain("overlaps");
    const badTime = await refusal(caller.settings.schedules.update({ id: supportId, weekly: [{ day: 3, open: "25:00", close: "26:00" }] }));
    expect(badTime?.message).toContain('"25:00" is not an opening time');
    expect((await caller.settings.get()).schedules[0]!.weekly).toEqual(weekdays("09:00", "18:00"));
  });

  it("accepts several intervals a day, back to back, and overnight hours", async () => {
    const weekly = [
      { day: 1, open: "13:00", close: "18:00" },
      { day: 1, open: "09:00", close: "13:00" },
      { day: 5, open: "22:00", close: "02:00" },
      { day: 0, open: "00:00", close: "24:00" },
    ];
    const updated = await caller.settings.schedules.update({ id: salesId, weekly });
    // Stored in week order.
    expect(updated.weekly.map((interval) => `${interval.day} ${interval.open}`)).toEqual(["0 00:00", "1 09:00", "1 13:00", "5 22:00"]);
  });

  it("stores holidays with optional labels, sorted, and refuses impossible dates", async () => {
    const updated = await caller.settings.schedules.update({
      id: supportId,
      holidays: [{ date: "2026-05-05", label: "こどもの日" }, { date: "2026-01-01", label: "" }, { date: "2026-05-05" }],
    });
    expect(updated.holidays).toEqual([{ date: "2026-01-01", label: "" }, { date: "2026-05-05", label: "こどもの日" }]);
    const labelled = await caller.settings.schedules.update({ id: supportId, holidays: [{ date: "2026-01-01", label: "元日" }, { date: "2026-05-05", label: "こどもの日" }] });
    expect(labelled.holidays).toEqual([{ date: "2026-01-01", label: "元日" }, { date: "2026-05-05", label: "こどもの日" }]);
    const impossible = await refusal(caller.settings.schedules.update({ id: supportId, holidays: [{ date: "2026-02-30" }] }));
    expect(impossible?.message).toContain('"2026-02-30" is not a date');

    // The engine sees the dates (labels dropped) and is closed on them.
    const settings = await loadWorkspaceSettings(database.db, workspaceId);
    const support = settings.schedules.find((schedule) => schedule.id === supportId)!;
    expect(support).toEqual({ id: supportId, name: "Support desk", timeZone: "Asia/Tokyo", weekly: weekdays("09:00", "18:00"), holidays: ["2026-01-01", "2026-05-05"] });
    expect(isWithinBusinessHours(support, utc(2026, 5, 5, 3))).toBe(false); // Tue 12:00 JST, a holiday
    expect(isWithinBusinessHours(support, utc(2026, 5, 7, 3))).toBe(true);
  });

  it("previews open or closed at an instant, and the next change", async () => {
    const sundayNight = await caller.settings.schedules.preview({ id: supportId, at: utc(2026, 3, 29, 14) }); // Sun 23:00 JST
    expect(sundayNight).toMatchObject({ open: false, localTime: "2026-03-29 23:00", weekday: "Sunday" });
    expect(sundayNight.nextChange).toMatchObject({ open: true, localTime: "2026-03-30 09:00", at: utc(2026, 3, 30, 0) });
    const now = await caller.settings.schedules.preview({ id: supportId });
    expect(typeof now.open).toBe("boolean");
  });

  it("reorders calendars (the first is the default) and refuses a stale order", async () => {
    expect(await caller.settings.schedules.reorder({ ids: [salesId, supportId] })).toEqual([
      { id: salesId, name: "Sales" },
      { id: supportId, name: "Support desk" },
    ]);
    expect((await loadWorkspaceSettings(database.db, workspaceId)).schedules.map((schedule) => schedule.name)).toEqual(["Sales", "Support desk"]);
    const stale = await refusal(caller.settings.schedules.reorder({ ids: [supportId] }));
    expect(stale?.code).toBe("CONFLICT");
  });

  it("does not let another workspace read or change them", async () => {
    expect(await stranger.settings.schedules.list()).toEqual([]);
    expect((await stranger.settings.get()).schedules).toEqual([]);
    const attempts = await Promise.all([
      refusal(stranger.settings.schedules.update({ id: supportId, name: "Hijacked" })),
      refusal(stranger.settings.schedules.delete({ id: supportId })),
      refusal(stranger.settings.schedules.preview({ id: supportId })),
    ]);
    expect(attempts.map((error) => error?.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect((await caller.settings.schedules.list()).map((schedule) => schedule.name)).toEqual(["Sales", "Support desk"]);
  });

  it("survives a hand-broken settings row: bad calendars are dropped, good ones kept", async () => {
    const [good] = await database.query<{ settings: { schedules: unknown[] } }>("select settings from workspaces where id = $1", [workspaceId]);
    const broken = { theme: "dark", schedules: [{ id: "x", name: 42 }, ...good!.settings.schedules] };
    await database.query("update workspaces set settings = $1::jsonb where id = $2", [JSON.stringify(broken), workspaceId]);
    expect((await loadWorkspaceSettings(database.db, workspaceId)).schedules.map((schedule) => schedule.name)).toEqual(["Sales", "Support desk"]);
    // Writing back keeps other keys of the settings object.
    await caller.settings.schedules.update({ id: salesId, name: "Sales team" });
    const [after] = await database.query<{ settings: { theme: string; schedules: { name: string }[] } }>("select settings from workspaces where id = $1", [workspaceId]);
    expect(after!.settings.theme).toBe("dark");
    expect(after!.settings.schedules.map((schedule) => schedule.name)).toEqual(["Sales team", "Support desk"]);
  });

  it("deletes a calendar", async () => {
    await caller.settings.schedules.delete({ id: salesId });
    expect((await caller.settings.schedules.list()).map((schedule) => schedule.id)).toEqual([supportId]);
    expect((await refusal(caller.settings.schedules.delete({ id: salesId })))?.code).toBe("NOT_FOUND");
  });

  it("lists a year's Japanese public holidays to add, and refuses unknown years", async () => {
    const holidays = await caller.settings.japaneseHolidays({ year: 2026 });
    expect(holidays).toContainEqual({ date: "2026-09-22", label: "国民の休日 (Citizens' holiday)" });
    expect(holidays).toHaveLength(18);
    expect((await refusal(caller.settings.japaneseHolidays({ year: 1999 })))?.message).toContain("1999");
  });
});
