import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";
import { trpcCall } from "@/server/testing/browser/trpc-call";

// The Contacts page in a real browser against the built app: contacts created through the contacts
// procedures, then searched, filtered by a tag, opened, and a field edited with type checking.
describe("Contacts page (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let yamadaId = "";


  beforeAll(async () => {
    app = await startApp({ name: "contacts-page" });
    const tags = await trpcCall<{ id: string; name: string }[]>(app, "tags.list", undefined, "query");
    const vip = tags.find((tag) => tag.name === "vip")!.id;
    yamadaId = (await trpcCall<{ id: string }>(app, "contacts.create", { displayName: "Yamada Taro", fields: { email: "taro@example.jp", phone: "+819012345678" }, tagIds: [vip] })).id;
    await trpcCall(app, "contacts.create", { displayName: "佐藤 花子", fields: { email: "hanako@example.jp", company_size: 12 } });
    await trpcCall(app, "contacts.create", { fields: { first_name: "Anna", last_name: "Smith", email: "anna@smith.io" }, tagIds: [vip] });
    await trpcCall(app, "contacts.create", { displayName: "Bob Jones", fields: { email: "bob@example.com" } });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const rowNames = () => page.getByTestId("contact-name").allTextContents().then((names) => [...names].sort());

  it("lists the contacts with their count", async () => {
    await page.goto("/contacts");
    // The first visit renders the page and its first query (seconds on a loaded machine); then the rows.
    await page.getByTestId("contact-name").first().waitFor();
    await expect.poll(rowNames).toEqual(["Anna Smith", "Bob Jones", "Yamada Taro", "佐藤 花子"]);
    await expect.poll(() => page.getByTestId("contacts-count").textContent()).toBe("4 contacts");
  });

  it("searches on the server, full-width and Japanese alike", async () => {
    await page.getByTestId("contacts-search").fill("ｙａｍａｄａ");
    await expect.poll(rowNames).toEqual(["Yamada Taro"]);
    await page.getByTestId("contacts-search").fill("佐藤");
    await expect.poll(rowNames).toEqual(["佐藤 花子"]);
    await page.getByTestId("contacts-search").fill("");
    await expect.poll(rowNames).toHaveLength(4);
  });

  it("filters by a tag", async () => {
    await page.locator('[data-testid="filter-tag"][data-tag-name="vip"]').click();
    await expect.poll(rowNames).toEqual(["Anna Smith", "Yamada Taro"]);
    await expect.poll(() => page.getByTestId("contacts-count").textContent()).toBe("2 contacts");
    await page.screenshot({ path: artifactPath("contacts-page-filtered.png") });
  });

  it("opens a profile and edits a field, refusing a value that does not fit its type", async () => {
    await page.locator(`[data-testid="contact-row"][data-contact-id="${yamadaId}"]`).getByTestId("contact-name").click();
    await page.waitForURL(new RegExp(`/contacts/${yamadaId}$`));
    await expect.poll(() => page.getByTestId("profile-name").textContent()).toBe("Yamada Taro");
    expect(await page.getByTestId("profile-tags").textContent()).toContain("vip");

    await page.getByTestId("field-input-company_size").fill("lots");
    await page.getByTestId("field-save-company_size").click();
    await expect.poll(() => page.getByTestId("field-error-company_size").textContent()).toContain("is not a number");

    await page.getByTestId("field-input-company_size").fill("1,200");
    await page.getByTestId("field-save-company_size").click();
    await expect.poll(() => page.getByTestId("field-input-company_size").inputValue()).toBe("1200");
    await expect(page.getByTestId("field-error-company_size").count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath("contacts-profile.png"), fullPage: true });

    await page.reload();
    await expect.poll(() => page.getByTestId("field-input-company_size").inputValue()).toBe("1200");
  });

  it("ran without uncaught errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
