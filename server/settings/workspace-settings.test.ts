import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { changeStoredSettings, loadStoredSettings, loadWorkspaceSettings, saveWorkspaceSettings } from "./workspace-settings";

const office = { id: "office", name: "Office", timeZone: "Asia/Tokyo", weekly: [{ day: 1, open: "09:00", close: "18:00" }], holidays: ["2026-01-01"] };

describe(`workspace settings on ${testBackend()}`, () => {
  let database: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const [row] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('ws', 'WS') returning id");
    workspaceId = row!.id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("defaults a new workspace to UTC with no calendars", async () => {
    expect(await loadWorkspaceSettings(database.db, workspaceId)).toEqual({ timeZone: "UTC", schedules: [] });
  });

  it("saves and loads the engine's settings, keeping labels only when given", async () => {
    const saved = await saveWorkspaceSettings(database.db, workspaceId, {
      timeZone: "Europe/London",
      schedules: [{ ...office, holidayLabels: { "2026-01-01": "元日" } }],
    });
    expect(saved).toEqual({ timeZone: "Europe/London", schedules: [office] });
    expect(await loadWorkspaceSettings(database.db, workspaceId)).toEqual(saved);
    expect((await loadStoredSettings(database.db, workspaceId)).schedules[0]!.holidayLabels).toEqual({ "2026-01-01": "元日" });
  });

  it("refuses an invalid calendar and writes nothing", async () => {
    const attempt = saveWorkspaceSettings(database.db, workspaceId, {
      timeZone: "Europe/London",
      schedules: [{ ...office, timeZone: "Atlantis/Capital" }],
    });
    await expect(attempt).rejects.toThrow('"Atlantis/Capital" is not a time zone');
    expect((await loadWorkspaceSettings(database.db, workspaceId)).schedules).toEqual([office]);
  });

  it("does not lose a change when two editors save at once", async () => {
    await Promise.all(
      ["A", "B", "C", "D"].map((name) =>
        changeStoredSettings(database.db, workspaceId, (current) => ({
          ...current,
          schedules: [...current.schedules, { ...office, id: name, name, holidayLabels: {} }],
        })),
      ),
    );
    const names = (await loadWorkspaceSettings(database.db, workspaceId)).schedules.map((schedule) => schedule.name).sort();
    expect(names).toEqual(["A", "B", "C", "D", "Office"]);
  });
});
