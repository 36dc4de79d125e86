import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeScheduleAt } from "@/flows-runtime";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

// The Settings page in a real browser against the built app: a business-hours calendar is created,
// edited, saved, and still there after a reload, with its open/closed preview. Steps build on each other.
describe("Settings page (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const nextYear = new Date().getFullYear() + 1;

  const editor = () => page.getByTestId("schedule-editor");
  const day = (n: number) => editor().getByTestId(`day-${n}`);
  const intervalsOf = async (n: number) => {
    const opens = await day(n).getByTestId("interval-open").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const closes = await day(n).getByTestId("interval-close").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    return opens.map((open, i) => `${open}–${closes[i]}`);
  };

  async function openSettings() {
    await page.goto("/settings");
    await page.getByTestId("business-hours-section").waitFor();
  }

  beforeAll(async () => {
    app = await startApp({ name: "settings-page" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("starts without calendars and creates “Support desk”", async () => {
    await openSettings();
    await page.getByTestId("no-calendars").waitFor();
    await page.getByTestId("new-calendar-name").fill("Support desk");
    await page.getByTestId("create-calendar").click();
    await expect.poll(() => editor().getByTestId("schedule-name").inputValue()).toBe("Support desk");
    expect(await page.getByTestId("calendar-item").count()).toBe(1);
  });

  it("sets Asia/Tokyo and weekdays 09:00–18:00 by copying Monday", async () => {
    await editor().getByTestId("schedule-time-zone").fill("Asia/Tokyo");
    await day(1).getByTestId("interval-close").fill("18:00");
    await editor().getByTestId("copy-monday").click();
    for (const weekday of [1, 2, 3, 4, 5]) expect(await intervalsOf(weekday)).toEqual(["09:00–18:00"]);
    expect(await intervalsOf(6)).toEqual([]);
    expect(await intervalsOf(0)).toEqual([]);
  });

  it("adds a holiday with a name and next year's Japanese public holidays", async () => {
    await editor().getByTestId("holiday-date").fill("2026-12-29");
    await editor().getByTestId("holiday-label").fill("Year-end closing");
    await editor().getByTestId("add-holiday").click();
    await editor().getByTestId("japanese-holidays-year").selectOption(String(nextYear));
    await editor().getByTestId("add-japanese-holidays").click();
    await expect.poll(() => editor().getByTestId("holiday").count()).toBeGreaterThan(15);
    expect(await editor().locator(`[data-testid="holiday"][data-date="${nextYear}-01-01"]`).count()).toBe(1);
  });

  it("refuses an empty interval with a message naming it", async () => {
    await day(3).getByTestId("add-interval").click();
    await day(3).getByTestId("interval-open").nth(1).fill("20:00");
    await day(3).getByTestId("interval-close").nth(1).fill("20:00");
    await editor().getByTestId("save-schedule").click();
    await expect.poll(() => editor().getByTestId("schedule-error").textContent()).toContain("Wednesday 20:00–20:00 is empty");
    await day(3).getByTestId("remove-interval").nth(1).click();
  });

  it("saves, and after a reload the calendar is kept with its open/closed preview", async () => {
    await editor().getByTestId("save-schedule").click();
    await expect.poll(() => editor().getByTestId("schedule-save-status").textContent()).toBe("Saved.");

    await openSettings();
    await page.getByTestId("calendar-item").filter({ hasText: "Support desk" }).click();
    expect(await editor().getByTestId("schedule-time-zone").inputValue()).toBe("Asia/Tokyo");
    for (const weekday of [1, 2, 3, 4, 5]) expect(await intervalsOf(weekday)).toEqual(["09:00–18:00"]);
    const custom = editor().locator('[data-testid="holiday"][data-date="2026-12-29"]');
    expect(await custom.locator("input").inputValue()).toBe("Year-end closing");
    expect(await editor().locator(`[data-testid="holiday"][data-date="${nextYear}-01-01"] input`).inputValue()).toContain("元日");

    // The preview says what the engine would decide now, in Tokyo time.
    const holidays = await editor().getByTestId("holiday").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-date") ?? ""));
    const schedule = {
      id: "x",
      name: "Support desk",
      timeZone: "Asia/Tokyo",
      weekly: [1, 2, 3, 4, 5].map((d) => ({ day: d, open: "09:00", close: "18:00" })),
      holidays,
    };
    const before = describeScheduleAt(schedule, Date.now());
    const state = await editor().getByTestId("preview-state").textContent();
    const after = describeScheduleAt(schedule, Date.now());
    expect([before.open, after.open].map((open) => (open ? "Open now" : "Closed now"))).toContain(state);
    expect(await editor().getByTestId("preview-local-time").textContent()).toContain("in Asia/Tokyo");
    expect(await editor().getByTestId("preview-next-change").textContent()).toMatch(/^(Opens|Closes) \w+day \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await page.getByTestId("calendar-item").textContent()).toContain(before.open ? "Open" : "Closed");
    await page.screenshot({ path: artifactPath("settings-page.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
