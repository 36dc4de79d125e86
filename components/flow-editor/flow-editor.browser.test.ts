import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

// The flow builder in a real browser against the built app: add a step by drag and drop, watch the
// problems follow the wiring, undo and redo from the keyboard, autosave, publish, reload, publish
// again and roll back. Steps build on each other, in order.
describe("Flow editor (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let flowId = "";
  let addedId = "";

  const canvasNode = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const canvasNodeIds = () => page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id") ?? ""));
  const problemsOf = (id: string) => page.locator(`[data-testid="problem-item"][data-node-id="${id}"]`);
  const saveStatus = () => page.getByTestId("save-status").getAttribute("data-status");
  const publishStatus = () => page.getByTestId("publish-status").textContent();

  const edgesOf = (id: string) => page.locator(`.react-flow__edge[data-id*="${id}"]`);
  const zoom = () => page.locator(".react-flow__viewport").evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).a);

  // The canvas draws only what is in view: zoom to fit, then every node of the flow is on screen.
  async function showWholeFlow(nodeCount: number) {
    await page.getByTestId("flow-canvas").waitFor();
    await page.getByTestId("fit-view-button").click();
    await expect.poll(() => page.locator(".react-flow__node").count(), { timeout: 30_000 }).toBe(nodeCount);
  }

  // Zooms in around a point with the mouse wheel, as a marketer would before wiring small handles.
  async function zoomInAround(point: { x: number; y: number }, atLeast: number) {
    await page.mouse.move(point.x, point.y);
    for (let turn = 0; turn < 12 && (await zoom()) < atLeast; turn++) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(100);
    }
    expect(await zoom()).toBeGreaterThanOrEqual(atLeast);
  }

  // A connection as a marketer makes it: press on an output handle, move onto an input handle, let go.
  async function connect(from: Locator, to: Locator) {
    const start = await centre(from);
    const end = await centre(to);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
    await page.mouse.move(end.x, end.y, { steps: 5 });
    await page.mouse.up();
  }

  beforeAll(async () => {
    // Generous: the first browser test of a run may build the app.
    app = await startApp({ name: "flow-editor" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app, { viewport: { width: 1680, height: 1050 } }));
  }, 15 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("opens a flow created from the onboarding template on the canvas", async () => {
    await page.goto("/flows");
    await page.getByTestId("new-flow-button").click();
    await page.getByTestId("template-card-onboarding-survey").click();
    await page.getByTestId("create-flow-button").click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    flowId = new URL(page.url()).pathname.split("/").pop()!;
    await showWholeFlow(10);
    expect(await canvasNode("ask_interest").textContent()).toContain("What brings you here?");
    expect(await publishStatus()).toBe("Draft");
  });

  it("adds a question dragged from the palette, with problems until it is connected", async () => {
    const before = new Set(await canvasNodeIds());
    // Close in on the end of the survey, between the email question and the thank-you.
    const email = await centre(canvasNode("ask_email"));
    const thanks = await centre(canvasNode("thanks"));
    await zoomInAround({ x: (email.x + thanks.x) / 2, y: email.y }, 0.55);
    // Drop it below the email question, where the template leaves room.
    const anchor = (await canvasNode("ask_email").boundingBox())!;
    const pane = page.locator(".react-flow__pane");
    const paneBox = (await pane.boundingBox())!;
    await page.getByTestId("palette-item-question").dragTo(pane, {
      targetPosition: { x: anchor.x + anchor.width / 2 - paneBox.x, y: anchor.y + anchor.height * 1.4 - paneBox.y },
    });
    await expect.poll(() => canvasNodeIds().then((ids) => ids.filter((id) => !before.has(id)).length)).toBe(1);
    addedId = (await canvasNodeIds()).find((id) => !before.has(id))!;
    expect(await canvasNode(addedId).getByTestId("flow-node").getAttribute("data-kind")).toBe("question");

    // Nothing leads to it and its answer goes nowhere: both show in Problems and on the node.
    await expect.poll(() => problemsOf(addedId).count()).toBeGreaterThanOrEqual(2);
    const problems = (await problemsOf(addedId).allTextContents()).join("\n");
    expect(problems).toMatch(/No trigger leads to this step/);
    expect(problems).toMatch(/Connect the "answered" output/);
    expect(await canvasNode(addedId).getByTestId("node-problem-badge").count()).toBe(1);

    // Wire it in: the email question's unused timeout output into it, its answer on to the thank-you.
    await connect(canvasNode("ask_email").locator('[data-port="timeout"]'), canvasNode(addedId).locator('[data-port="in"]'));
    await expect.poll(() => problemsOf(addedId).allTextContents().then((texts) => texts.join("\n"))).not.toMatch(/No trigger leads/);
    await connect(canvasNode(addedId).locator('[data-port="answered"]'), canvasNode("thanks").locator('[data-port="in"]'));
    await expect.poll(() => problemsOf(addedId).count()).toBe(0);
    expect(await canvasNode(addedId).getByTestId("node-problem-badge").count()).toBe(0);
    expect(await edgesOf(addedId).count()).toBe(2);
  });

  it("undoes and redoes from the keyboard", async () => {
    // Two connections and the drop: three steps back removes the node, three forward restores it all.
    for (let step = 0; step < 3; step++) await page.keyboard.press("Control+z");
    await expect.poll(() => canvasNode(addedId).count()).toBe(0);
    expect(await edgesOf(addedId).count()).toBe(0);
    for (let step = 0; step < 3; step++) await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => canvasNode(addedId).count()).toBe(1);
    await expect.poll(() => edgesOf(addedId).count()).toBe(2);
    expect(await problemsOf(addedId).count()).toBe(0);
  });

  it("saves by itself, publishes version 1 and still shows it after a reload", async () => {
    await expect.poll(saveStatus, { timeout: 30_000 }).toBe("saved");
    expect(await page.getByTestId("save-status").textContent()).toBe("Saved");
    await page.getByTestId("publish-button").click();
    await expect.poll(publishStatus).toBe("Published v1");

    await page.reload();
    await showWholeFlow(11);
    await expect.poll(publishStatus).toBe("Published v1");
    expect(await page.getByTestId("publish-status").getAttribute("data-status")).toBe("published");
    expect(await problemsOf(addedId).count()).toBe(0);
  });

  it("publishes an edit as version 2", async () => {
    await canvasNode(addedId).click();
    const prompt = page.getByTestId("inspector").getByTestId("inspector-field-prompt");
    await prompt.fill("Anything else we should know?");
    await expect.poll(() => canvasNode(addedId).textContent()).toContain("Anything else we should know?");
    await expect.poll(publishStatus).toBe("Unpublished changes");
    await expect.poll(saveStatus, { timeout: 30_000 }).toBe("saved");
    await page.getByTestId("publish-button").click();
    await expect.poll(publishStatus).toBe("Published v2");
  });

  it("rolls back to version 1 from the version history, as a new live version", async () => {
    await page.getByTestId("side-tab-versions").click();
    const rows = page.getByTestId("version-row");
    await expect.poll(() => rows.count()).toBe(2);
    const v1 = page.locator('[data-testid="version-row"][data-version="1"]');
    await v1.getByTestId("rollback-button").click();
    await page.getByTestId("rollback-confirm").click();
    await expect.poll(() => page.getByTestId("rollback-result").textContent()).toBe("v1 is live again, as v3.");
    await expect.poll(() => rows.count()).toBe(3);
    const live = page.locator('[data-testid="version-row"]:has([data-testid="version-live"])');
    expect(await live.getAttribute("data-version")).toBe("3");
    // The draft (with the v2 edit) now differs from what is live.
    await expect.poll(() => page.getByTestId("publish-status").getAttribute("data-status")).toBe("changed");

    await page.getByTestId("side-tab-inspector").click();
    await showWholeFlow(11);
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath("flow-editor.png") });
  });

  it("shows the rollback on the Flows page", async () => {
    await page.goto("/flows");
    const row = page.locator(`[data-testid="flow-row"][data-flow-id="${flowId}"]`);
    await expect.poll(() => row.getByTestId("flow-status").textContent()).toBe("Unpublished changes");
    expect(await row.textContent()).toContain("Live: v3");
    expect(await row.textContent()).toContain("11 steps");
  });

  it("ran without uncaught errors in the page", () => {
    expect(errors).toEqual([]);
  });
});

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not on screen: ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
