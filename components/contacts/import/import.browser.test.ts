import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

const CSV = [
  "氏名,電話番号,Email,Store branch,tags",
  "山田 太郎,０９０－１２３４－５６７８,taro@example.jp,Shibuya,vip",
  "Broken Phone,12345,broken@example.jp,Nowhere,",
  '"Sato, Hanako",+81 80 2222 3333,hanako@example.jp,"Multi',
  'line Inc.",newsletter',
].join("\n");

// The import wizard and the entry-points page against the built app: upload a CSV with a broken row,
// map a column to a new field, check the preview, import and watch it finish, read the rejected row,
// then make an entry point and download its QR code.
describe("CSV import and entry points (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp({ name: "contacts-import" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("refuses a file without a header row, with the reason", async () => {
    await page.goto("/contacts/import");
    await page.getByTestId("import-file-input").setInputFiles({ name: "no-header.csv", mimeType: "text/csv", buffer: Buffer.from("山田,09012345678,taro@example.jp\n") });
    await expect.poll(() => page.getByTestId("import-upload-error").textContent()).toMatch(/not column names/);
  });

  it("uploads, suggests the mapping, and previews normalised rows and the broken one", async () => {
    await page.getByTestId("import-file-input").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${CSV}`) });
    await expect.poll(() => page.getByTestId("import-file-summary").textContent()).toContain("3 rows, 5 columns");
    // Japanese headers map themselves; "Store branch" becomes a new field.
    expect(await page.getByTestId("mapping-select-0").inputValue()).toBe("builtin:name");
    expect(await page.getByTestId("mapping-select-1").inputValue()).toBe("builtin:phone");
    expect(await page.getByTestId("mapping-select-2").inputValue()).toBe("builtin:email");
    expect(await page.getByTestId("mapping-select-3").inputValue()).toBe("ignore");
    await page.getByTestId("mapping-select-3").selectOption("new_field");
    const first = page.locator('[data-testid="preview-row"][data-line="2"]');
    await expect.poll(() => first.textContent()).toContain("+819012345678");
    // The preview refreshes after the mapping change: wait for the new field's value to appear.
    await expect.poll(() => first.textContent()).toContain("Shibuya");
    const broken = page.locator('[data-testid="preview-row"][data-line="3"]');
    expect(await broken.getAttribute("data-action")).toBe("reject");
    expect(await broken.textContent()).toContain('"12345" is not a valid phone number');
    // The quoted multi-line cell keeps the next row on line 4.
    expect(await page.locator('[data-testid="preview-row"][data-line="4"]').textContent()).toContain("Sato, Hanako");
    await page.screenshot({ path: artifactPath("contacts-import-preview.png"), fullPage: true });
  });

  it("imports with progress to done, and reports the rejected row with its line", async () => {
    await page.getByTestId("start-import-button").click();
    await expect.poll(() => page.getByTestId("import-status").getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
    expect(await page.getByTestId("import-processed").textContent()).toContain("3 / 3");
    expect(await page.getByTestId("import-created").textContent()).toBe("2");
    expect(await page.getByTestId("import-rejected").textContent()).toBe("1");
    const rejected = page.getByTestId("rejected-row");
    await expect.poll(() => rejected.count()).toBe(1);
    expect(await rejected.getAttribute("data-line")).toBe("3");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-rejected").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toMatch(/^\ufeffline,reason,氏名,電話番号,Email,Store branch,tags\r\n3,/);
    expect(csv).toContain("Broken Phone,12345,broken@example.jp");
    await page.screenshot({ path: artifactPath("contacts-import-done.png"), fullPage: true });
  });

  it("creates an entry point on the demo web chat and downloads its QR code as PNG", async () => {
    await page.goto("/entry-points");
    await page.getByTestId("new-entry-point-button").click();
    await page.getByTestId("entry-point-form").waitFor();
    await page.getByTestId("entry-point-name").fill("Shop poster");
    await page.getByTestId("entry-point-ref").fill("poster_2025");
    await page.getByTestId("create-entry-point-button").click();
    const card = page.getByTestId("entry-point").filter({ hasText: "Shop poster" });
    await expect.poll(() => card.getByTestId("entry-point-link").textContent()).toMatch(/\/demo\?kaiwa_ref=poster_2025$/);
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByTestId("download-qr-png").click()]);
    const png = await readFile((await download.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await page.screenshot({ path: artifactPath("entry-points.png"), fullPage: true });
  });

  it("ran without uncaught errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
