import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";
import { trpcCall } from "@/server/testing/browser/trpc-call";

// A WhatsApp channel's page: what bot messages do once the 24-hour window has closed.
describe("Outside the messaging window (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let channelId = "";

  beforeAll(async () => {
    app = await startApp({ name: "outside-window" });
    const credentials = { phoneNumberId: "1065401234", accessToken: "EAAwindow", appSecret: "window-app-secret", verifyToken: "window-verify-token" };
    channelId = (await trpcCall<{ id: string }>(app, "channels.create", { type: "whatsapp", name: "Shop number", credentials })).id;
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("fails visibly by default, offers WhatsApp templates and no message tags", async () => {
    await page.goto(`/channels/${channelId}`);
    const settings = page.getByTestId("outside-window-settings");
    await settings.waitFor();
    expect(await settings.getByTestId("outside-window-fail").isChecked()).toBe(true);
    expect(await settings.getByTestId("outside-window-tag").count()).toBe(0);
    expect(await settings.textContent()).toContain("within 24 hours of their last message");
  });

  it("saves an approved template and keeps it after a reload; refuses a malformed name", async () => {
    const settings = page.getByTestId("outside-window-settings");
    await settings.getByTestId("outside-window-template").check();
    await settings.getByTestId("outside-window-template-name").fill("Follow Up!");
    await settings.getByTestId("outside-window-save").click();
    await expect.poll(() => settings.getByRole("alert").textContent()).toMatch(/lower case letters, digits and underscores/);
    await settings.getByTestId("outside-window-template-name").fill("follow_up");
    await settings.getByTestId("outside-window-language").fill("ja");
    await settings.getByTestId("outside-window-save").click();
    await expect.poll(() => settings.textContent()).toContain("Saved");
    await page.reload();
    const reloaded = page.getByTestId("outside-window-settings");
    await reloaded.waitFor();
    expect(await reloaded.getByTestId("outside-window-template").isChecked()).toBe(true);
    expect(await reloaded.getByTestId("outside-window-template-name").inputValue()).toBe("follow_up");
    expect(await reloaded.getByTestId("outside-window-language").inputValue()).toBe("ja");
    await page.screenshot({ path: artifactPath("outside-window.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
