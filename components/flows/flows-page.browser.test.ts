import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

// The Flows page in a real browser against the built app: create from a template, then everything a
// row can do, and import with its validation. Steps build on each other, in order.
describe("Flows page (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let flowId = "";
  let exported: { fileName: string; text: string } | null = null;

  const rows = () => page.getByTestId("flow-row");
  const row = (id: string) => page.locator(`[data-testid="flow-row"][data-flow-id="${id}"]`);
  const rowsNamed = (name: string) => rows().filter({ has: page.getByTestId("flow-name").getByText(name, { exact: true }) });

  async function openFlowsPage() {
    await page.goto("/flows");
    await page.locator('[data-testid="flow-row"], [data-testid="flows-empty"]').first().waitFor();
  }

  beforeAll(async () => {
    // Generous: the first browser test of a run may build the app.
    app = await startApp({ name: "flows-page" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("creates a flow from the onboarding template in the gallery and opens it", async () => {
    await openFlowsPage();
    await page.getByTestId("new-flow-button").click();
    const card = page.getByTestId("template-card-onboarding-survey");
    await expect.poll(() => card.textContent()).toContain("Onboarding survey");
    // Each template shows a preview of its steps.
    expect(await card.locator('[data-testid="flow-preview"] rect').count()).toBeGreaterThan(5);
    await card.click();
    await page.getByTestId("new-flow-name").fill("Spring onboarding");
    await page.screenshot({ path: artifactPath("flows-new-flow-dialog.png") });
    await page.getByTestId("create-flow-button").click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    flowId = new URL(page.url()).pathname.split("/").pop()!;
  });

  it("lists the new flow as a draft with its steps and channels", async () => {
    await openFlowsPage();
    const created = row(flowId);
    await expect.poll(() => created.getByTestId("flow-name").textContent()).toBe("Spring onboarding");
    expect(await created.getByTestId("flow-status").textContent()).toBe("Draft");
    const text = await created.textContent();
    expect(text).toContain("10 steps");
    expect(text).toContain("All channels");
    expect(text).toContain("just now");
    await page.screenshot({ path: artifactPath("flows-page.png"), fullPage: true });
  });

  it("renames a flow in place, and the new name persists", async () => {
    await row(flowId).getByTestId("rename-button").click();
    await row(flowId).getByTestId("rename-input").fill("Spring onboarding (EU)");
    await row(flowId).getByTestId("rename-input").press("Enter");
    await expect.poll(() => row(flowId).getByTestId("flow-name").textContent()).toBe("Spring onboarding (EU)");
    await openFlowsPage();
    expect(await row(flowId).getByTestId("flow-name").textContent()).toBe("Spring onboarding (EU)");
  });

  it("duplicates a flow as a new draft", async () => {
    const before = await rows().count();
    await row(flowId).getByTestId("duplicate-button").click();
    await expect.poll(() => rows().count()).toBe(before + 1);
    const copy = rowsNamed("Copy of Spring onboarding (EU)");
    expect(await copy.count()).toBe(1);
    expect(await copy.getByTestId("flow-status").textContent()).toBe("Draft");
  });

  it("exports a flow as a JSON file holding its steps", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), row(flowId).getByTestId("export-button").click()]);
    expect(download.suggestedFilename()).toBe("spring-onboarding-eu.kaiwa.json");
    const text = readFileSync((await download.path())!, "utf8");
    const document = JSON.parse(text) as { nodes: Record<string, { kind: string }>; settings: { name: string } };
    expect(document.settings.name).toBe("Spring onboarding (EU)");
    expect(Object.keys(document.nodes)).toEqual(expect.arrayContaining(["start", "welcome", "ask_interest", "ask_email", "thanks", "done"]));
    expect(document.nodes.ask_interest?.kind).toBe("question");
    exported = { fileName: download.suggestedFilename(), text };
  });

  it("imports an exported file as a new flow", async () => {
    expect(exported).not.toBeNull();
    const before = await rows().count();
    await page.getByTestId("import-input").setInputFiles({ name: exported!.fileName, mimeType: "application/json", buffer: Buffer.from(exported!.text) });
    await expect.poll(() => rows().count()).toBe(before + 1);
    expect(await page.getByTestId("import-success").textContent()).toContain("Spring onboarding (EU)");
    // The original and the imported copy (a new id) now share the name.
    expect(await rowsNamed("Spring onboarding (EU)").count()).toBe(2);
  });

  it("refuses a broken file with an error naming the problem, and creates nothing", async () => {
    const before = await rows().count();
    const broken = JSON.parse(exported!.text) as Record<string, unknown>;
    delete broken.nodes;
    await page.getByTestId("import-input").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByRole("alert").filter({ hasText: "broken.json" });
    await expect.poll(() => alert.textContent()).toContain("nodes: missing");
    expect(await alert.textContent()).toContain("not a valid Kaiwa flow");

    await page.getByTestId("import-input").setInputFiles({ name: "truncated.json", mimeType: "application/json", buffer: Buffer.from(exported!.text.slice(0, 200)) });
    await expect.poll(() => page.getByTestId("import-error").textContent()).toContain("not valid JSON");

    await openFlowsPage();
    expect(await rows().count()).toBe(before);
  });

  it("deletes a flow only after a confirmation naming it", async () => {
    const before = await rows().count();
    const copy = rowsNamed("Copy of Spring onboarding (EU)");
    await copy.getByTestId("delete-button").click();
    const dialog = page.getByTestId("delete-flow-dialog");
    await expect.poll(() => dialog.textContent()).toContain("Delete “Copy of Spring onboarding (EU)”?");
    // Cancel keeps it.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await rows().count()).toBe(before);

    await copy.getByTestId("delete-button").click();
    await page.getByTestId("confirm-delete-button").click();
    await expect.poll(() => rows().count()).toBe(before - 1);
    expect(await copy.count()).toBe(0);
    await openFlowsPage();
    expect(await rows().count()).toBe(before - 1);
    expect(await row(flowId).count()).toBe(1);
  });

  it("ran without uncaught errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
