import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

// The demo page's embedded widget against the built app and its runtime: a visitor talks to the
// demo workspace's published onboarding survey, and the conversation survives a reload.
describe("demo page web chat (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  // Playwright's CSS and test-id locators pierce the widget's open shadow root.
  const messages = (from: "bot" | "visitor") => page.locator(`[data-testid="kaiwa-message"][data-from="${from}"]`);
  const botTexts = () => messages("bot").allTextContents();

  async function openWidget() {
    await page.getByTestId("kaiwa-launcher").click();
    await page.getByTestId("kaiwa-panel").waitFor({ state: "visible" });
  }

  beforeAll(async () => {
    // Generous: the first browser test of a run may build the app.
    app = await startApp({ name: "demo-webchat" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows a landing page that embeds the widget, with an accessible launcher", async () => {
    await page.goto("/demo");
    expect(await page.getByTestId("demo-note").textContent()).toContain("This page embeds Kaiwa's web chat");
    const launcher = page.getByTestId("kaiwa-launcher");
    await launcher.waitFor();
    expect(await launcher.getAttribute("aria-label")).toBe("Open chat");
    expect(await launcher.getAttribute("aria-expanded")).toBe("false");
  });

  it("answers 'hi' with the onboarding survey's welcome and first question, with buttons", async () => {
    await openWidget();
    // Focus moves into the chat.
    await expect.poll(() => page.evaluate(() => document.querySelector("[data-kaiwa-widget]")?.shadowRoot?.activeElement?.getAttribute("data-testid"))).toBe("kaiwa-input");
    await page.getByTestId("kaiwa-input").fill("hi");
    await page.getByTestId("kaiwa-input").press("Enter");
    // The visitor's own message shows at once.
    await expect.poll(() => messages("visitor").allTextContents()).toEqual(["hi"]);
    await expect.poll(botTexts, { timeout: 20_000 }).toEqual([
      "Hi there! Welcome! Three quick questions so we can help you better.",
      "What brings you here?",
    ]);
    expect(await page.getByTestId("kaiwa-button").allTextContents()).toEqual(["Pricing and plans", "Help with my account", "Just looking around"]);
    await page.screenshot({ path: artifactPath("demo-webchat-first-question.png") });
  });

  it("taps a button, gets the next question, and answers it by typing", async () => {
    await page.getByTestId("kaiwa-button").filter({ hasText: "Pricing and plans" }).click();
    // The tapped group is spent.
    await expect.poll(() => page.getByTestId("kaiwa-button").evaluateAll((buttons) => buttons.map((b) => (b as HTMLButtonElement).disabled))).toEqual([true, true, true]);
    await expect.poll(botTexts, { timeout: 20_000 }).toContain("How many people work at your company?");
    await page.getByTestId("kaiwa-input").fill("25");
    await page.getByTestId("kaiwa-send").click();
    await expect.poll(botTexts, { timeout: 20_000 }).toContain("Last one: what's your email address?");
    expect(await messages("visitor").allTextContents()).toEqual(["hi", "Pricing and plans", "25"]);
  });

  it("keeps the conversation across a page reload", async () => {
    await page.reload();
    await openWidget();
    await expect.poll(() => messages("visitor").allTextContents()).toEqual(["hi", "Pricing and plans", "25"]);
    expect(await botTexts()).toEqual([
      "Hi there! Welcome! Three quick questions so we can help you better.",
      "What brings you here?",
      "How many people work at your company?",
      "Last one: what's your email address?",
    ]);
    // Answered options stay disabled; the conversation carries on from where it was.
    expect(await page.getByTestId("kaiwa-button").evaluateAll((buttons) => buttons.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    await page.getByTestId("kaiwa-input").fill("aiko@example.com");
    await page.getByTestId("kaiwa-input").press("Enter");
    await expect.poll(botTexts, { timeout: 20_000 }).toContain("Thanks, there! You're all set. Reply anytime if you have a question.");
    await page.screenshot({ path: artifactPath("demo-webchat-after-reload.png") });
    expect(errors).toEqual([]);
  });

  it("works when embedded on a customer's site on another origin (CORS), as a new visitor there", async () => {
    // The customer's page, from its own little server: another origin (another port) than Kaiwa's.
    const html = `<!doctype html><title>Shop</title><h1>Another shop</h1><script src="${app.url}/kaiwa-widget.js" data-kaiwa-key="demo-webchat" data-kaiwa-title="Another shop" async></script>`;
    const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void server.close());
    const shop = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const streams: string[] = [];
    page.on("request", (request) => void (request.url().includes("/stream?") && streams.push(request.url())));
    await page.goto(`${shop}/`);
    await openWidget();
    expect(await page.locator("[data-kaiwa-widget] >> header").textContent()).toContain("Another shop");
    await page.getByTestId("kaiwa-input").fill("start");
    await page.getByTestId("kaiwa-input").press("Enter");
    await expect.poll(botTexts, { timeout: 20_000 }).toEqual([
      "Hi there! Welcome! Three quick questions so we can help you better.",
      "What brings you here?",
    ]);
    expect(await messages("visitor").allTextContents()).toEqual(["start"]);
    // The replies came over one live event stream (a broken stream would show as reconnects).
    expect(streams).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
