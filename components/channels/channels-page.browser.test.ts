import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

const BOT_TOKEN = "123456789:AAHbrowserTestToken_secret42";

// The Channels page in a real browser against the built app: connect a Telegram bot through the form,
// get the webhook URL and secret token to paste, and never see the bot token again in full.
describe("Channels page (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let channelId = "";
  let secretToken = "";

  beforeAll(async () => {
    // Generous: the first browser test of a run may build the app.
    app = await startApp({ name: "channels-page" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("refuses a malformed bot token with a message naming the field", async () => {
    await page.goto("/channels");
    await page.getByTestId("connect-channel-button").click();
    await page.getByTestId("channel-type-telegram").click();
    const form = page.getByTestId("channel-form");
    await form.waitFor();
    await page.getByTestId("channel-field-name").fill("Shop bot");
    await page.getByTestId("channel-field-botToken").fill("my bot token");
    await page.getByTestId("save-channel-button").click();
    await expect.poll(() => page.getByTestId("channel-form-error").textContent()).toContain("Bot token");
    expect(page.url()).toMatch(/\/channels$/);
  });

  it("connects a Telegram bot and shows the webhook URL and secret token to paste", async () => {
    await page.getByTestId("channel-field-botToken").fill(BOT_TOKEN);
    // A secret token is suggested; the user keeps it.
    secretToken = await page.getByTestId("channel-field-secretToken").inputValue();
    expect(secretToken).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    await page.screenshot({ path: artifactPath("channels-telegram-form.png") });
    await page.getByTestId("save-channel-button").click();
    await page.waitForURL(/\/channels\/[0-9a-f-]{36}$/);
    channelId = new URL(page.url()).pathname.split("/").pop()!;
    await expect.poll(() => page.getByTestId("webhook-url").textContent()).toMatch(new RegExp(`/api/webhooks/telegram/${channelId}$`));
    expect(await page.getByTestId("verify-token").textContent()).toBe(secretToken);
    expect(await page.getByTestId("telegram-set-webhook").textContent()).toContain(`secret_token=${secretToken}`);
    expect(await page.getByTestId("channel-events").textContent()).toContain("No webhook received yet");
  });

  it("after a reload shows the bot token masked, never in full", async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId("channel-credential-botToken").textContent()).toBe(`••••${BOT_TOKEN.slice(-4)}`);
    expect(await page.content()).not.toContain(BOT_TOKEN);
    await page.screenshot({ path: artifactPath("channels-telegram-details.png"), fullPage: true });

    // Editing keeps the masked token: saving a new username leaves the bot token as it was.
    await page.getByTestId("edit-channel-button").click();
    expect(await page.getByTestId("channel-field-botToken").inputValue()).toBe(`••••${BOT_TOKEN.slice(-4)}`);
    await page.getByTestId("channel-field-botUsername").fill("kaiwa_shop_bot");
    await page.getByTestId("save-channel-button").click();
    await expect.poll(() => page.getByTestId("channel-credential-botUsername").textContent()).toBe("kaiwa_shop_bot");
    expect(await page.getByTestId("channel-credential-botToken").textContent()).toBe(`••••${BOT_TOKEN.slice(-4)}`);
  });

  it("lists the channel on the Channels page", async () => {
    await page.goto("/channels");
    const row = page.locator(`[data-testid="channel-row"][data-channel-id="${channelId}"]`);
    await expect.poll(() => row.getByTestId("channel-name").textContent()).toBe("Shop bot");
    expect(await row.textContent()).toContain("No webhook received yet");
    await page.screenshot({ path: artifactPath("channels-page.png") });
  });

  it("deletes the channel after a confirmation", async () => {
    await page.goto(`/channels/${channelId}`);
    await page.getByTestId("delete-channel-button").click();
    await expect.poll(() => page.getByTestId("delete-channel-dialog").textContent()).toContain("Delete “Shop bot”?");
    await page.getByTestId("confirm-delete-channel-button").click();
    await page.waitForURL(/\/channels$/);
    const row = page.locator(`[data-testid="channel-row"][data-channel-id="${channelId}"]`);
    await expect.poll(() => row.count()).toBe(0);
    await page.reload();
    await page.locator('[data-testid="channel-row"], [data-testid="channels-empty"]').first().waitFor();
    expect(await row.count()).toBe(0);
  });

  it("ran without uncaught errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
