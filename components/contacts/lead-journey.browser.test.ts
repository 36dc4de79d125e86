import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";
import { trpcCall } from "@/server/testing/browser/trpc-call";

// A marketer's whole lead-gen loop in the built app: publish the lead-capture flow, make a poster's
// entry point and download its QR code, let visitors come through it (and through the plain demo page),
// then find them on the Contacts page by entry point and by a tag a flow set, save a segment and export.
describe("lead capture from a poster to a segment (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let posterLink = "";


  beforeAll(async () => {
    app = await startApp({ name: "lead-journey" });
    const flows = await trpcCall<{ id: string; name: string }[]>(app, "flows.list", undefined, "query");
    await trpcCall(app, "flows.publish", { id: flows.find((flow) => flow.name === "Lead capture")!.id });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  // One visitor in a browser of their own (fresh storage), talking to the demo page's widget.
  async function visitor(url: string, turns: (chat: Chat) => Promise<void>) {
    const { context, page: visitorPage, errors: visitorErrors } = await openApp(browser, app);
    const chat = new Chat(visitorPage);
    await visitorPage.goto(url);
    await visitorPage.getByTestId("kaiwa-launcher").click();
    await turns(chat);
    await context.close();
    expect(visitorErrors).toEqual([]);
  }

  it("creates the poster's entry point for the lead-capture flow and downloads its QR code", async () => {
    await page.goto("/entry-points");
    await page.getByTestId("new-entry-point-button").click();
    await page.getByTestId("entry-point-name").fill("Station poster");
    await page.getByTestId("entry-point-ref").fill("station_poster");
    await page.getByTestId("entry-point-flow").selectOption({ label: "Lead capture" });
    await page.getByTestId("create-entry-point-button").click();
    const card = page.getByTestId("entry-point").filter({ hasText: "Station poster" });
    await expect.poll(() => card.getByTestId("entry-point-link").textContent()).toMatch(/\/demo\?kaiwa_ref=station_poster$/);
    // The link is on KAIWA_PUBLIC_URL (what a poster prints); visit the same page on this test server.
    const link = new URL((await card.getByTestId("entry-point-link").textContent())!);
    posterLink = `${link.pathname}${link.search}`;
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByTestId("download-qr-svg").click()]);
    expect(await readFile((await download.path())!, "utf8")).toMatch(/^<\?xml|^<svg/);
  });

  it("a visitor who scans it gets the lead-capture questions, and their answers are stored", async () => {
    await visitor(posterLink, async (chat) => {
      await chat.say("hello");
      await chat.expectBot("What's your first name?");
      await chat.say("Aiko");
      await chat.expectBot("Thanks, Aiko! What's your work email?");
      await chat.say("aiko@example.com");
      await chat.expectBot("And a phone number we can reach you on?");
      await chat.say("+81 90 1234 5678");
      await chat.expectBot("What budget do you have in mind?");
      await chat.tap("Over $5,000");
      await chat.expectBot("Thanks, Aiko! A person from our sales team will follow up with you shortly.");
    });
    await visitor("/demo", async (chat) => {
      await chat.say("hi");
      await chat.expectBot("What brings you here?");
      await chat.tap("Pricing and plans");
      await chat.expectBot("How many people work at your company?");
    });
  });

  it("counts the contact on the entry point", async () => {
    await page.goto("/entry-points");
    const card = page.getByTestId("entry-point").filter({ hasText: "Station poster" });
    await expect.poll(() => card.getByTestId("entry-point-stats").textContent()).toMatch(/Contacts1Conversations1Reached the end of the flow1/);
  });

  it("finds the poster's contacts by entry point with their answers, and saves them as a segment", async () => {
    await page.goto("/contacts");
    await page.getByTestId("filter-entry-point").selectOption({ label: "Station poster" });
    const rows = page.getByTestId("contact-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("aiko@example.com");
    expect(await rows.first().textContent()).toContain("+819012345678");
    await page.getByTestId("segment-name-input").fill("Poster leads");
    await page.getByTestId("save-segment-button").click();
    await expect.poll(() => page.getByTestId("save-segment-message").textContent()).toMatch(/saved/i);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("contacts-export-link").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    expect(csv).toContain("aiko@example.com");
    expect(csv).toContain("Over $5,000");

    await page.goto("/contacts/segments");
    const segment = page.getByTestId("segment-row").filter({ has: page.getByLabel("Name of Poster leads") });
    await expect.poll(() => segment.getByTestId("segment-count").textContent()).toBe("1 contact");
    await page.screenshot({ path: artifactPath("lead-journey-segments.png"), fullPage: true });
  });

  it("filters by the tag the onboarding survey set", async () => {
    await page.goto("/contacts");
    await page.locator('[data-testid="filter-tag"][data-tag-name="interest-pricing"]').click();
    const rows = page.getByTestId("contact-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("interest-pricing");
    expect(await rows.first().textContent()).not.toContain("aiko@example.com");
    await page.screenshot({ path: artifactPath("lead-journey-tag-filter.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});

// The widget as a visitor uses it (Playwright's locators pierce its open shadow root).
class Chat {
  constructor(private readonly page: Page) {}

  async say(text: string) {
    await this.page.getByTestId("kaiwa-input").fill(text);
    await this.page.getByTestId("kaiwa-input").press("Enter");
  }

  async tap(label: string) {
    await this.page.getByTestId("kaiwa-button").filter({ hasText: label }).last().click();
  }

  async expectBot(text: string) {
    await expect.poll(() => this.page.locator('[data-testid="kaiwa-message"][data-from="bot"]').allTextContents(), { timeout: 20_000 }).toContain(text);
  }
}
