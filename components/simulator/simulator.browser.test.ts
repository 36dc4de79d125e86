import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { artifactPath, launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";
import { trpcCall } from "@/server/testing/browser/trpc-call";

// The builder's simulator in a real browser against the built app and its runtime: the onboarding
// template as WhatsApp and as SMS, a wait fired on demand, a simulated clock, and a saved test case
// that catches a change to the draft. Steps build on each other, in order.
describe("Simulator (browser)", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const flows: Record<string, string> = {};


  const botTexts = () => page.locator('[data-testid="simulator-message"][data-from="bot"]').allTextContents();
  const drawer = () => page.getByTestId("simulator-drawer");

  async function openSimulator(flowName: string, setup: { channel: string; start?: { kind: string; value?: string } }) {
    await page.goto(`/flows/${flows[flowName]}`);
    await page.getByTestId("flow-canvas").waitFor();
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-status")).toBe("saved");
    await page.getByTestId("open-simulator").click();
    await drawer().getByTestId("simulator-channel").selectOption(setup.channel);
    await drawer().getByTestId("simulator-start-kind").selectOption(setup.start?.kind ?? "none");
    if (setup.start?.value !== undefined) await drawer().getByTestId("simulator-start-value").fill(setup.start.value);
    await drawer().getByTestId("simulator-start").click();
    await drawer().getByTestId("simulator-tab-chat").waitFor();
  }

  async function say(text: string) {
    await drawer().getByTestId("simulator-input").fill(text);
    await drawer().getByTestId("simulator-send").click();
  }

  beforeAll(async () => {
    app = await startApp({ name: "simulator" });
    for (const flow of await trpcCall<{ id: string; name: string }[]>(app, "flows.list", undefined, "query")) flows[flow.name] = flow.id;
    const reminder = buildDoc({
      name: "Reminder",
      nodes: { t: ["trigger", { keywords: [{ match: "exact", value: "remind" }] }], ok: ["message", { text: "I'll remind you in an hour." }], w: ["wait", { amount: 1, unit: "hours" }], later: ["message", { text: "Your reminder!" }] },
      edges: ["t -> ok", "ok -> w", "w -> later"],
    });
    flows.Reminder = (await trpcCall<{ id: string }>(app, "flows.import", { json: JSON.stringify(reminder) })).id;
    flows["Long survey"] = (await trpcCall<{ id: string }>(app, "flows.import", { json: JSON.stringify(longSurvey(LONG_SURVEY_QUESTIONS)) })).id;
    await trpcCall(app, "settings.schedules.create", { name: "Support desk", timeZone: "Asia/Tokyo" });
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, app, { viewport: { width: 1680, height: 1050 } }));
  }, 15 * 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("runs the onboarding draft as WhatsApp: reply buttons, and the active step lit on the canvas", async () => {
    await openSimulator("Onboarding survey", { channel: "whatsapp", start: { kind: "message", value: "hi" } });
    await expect.poll(botTexts).toEqual(["Hi Test! Welcome! Three quick questions so we can help you better.", "What brings you here?Pricing and plansHelp with my accountJust looking around"]);
    expect(await drawer().getByTestId("simulator-choice").allTextContents()).toEqual(["Pricing and plans", "Help with my account", "Just looking around"]);
    await expect.poll(() => page.locator('.react-flow__node[data-id="ask_interest"] [data-testid="flow-node"]').getAttribute("data-simulator")).toBe("active");
    expect(await page.locator('.react-flow__node[data-id="welcome"] [data-testid="flow-node"]').getAttribute("data-simulator")).toBe("visited");
  });

  it("answers one question with a button and one with text, and the debug panel shows the tag and field", async () => {
    await drawer().getByTestId("simulator-choice").filter({ hasText: "Pricing and plans" }).click();
    await expect.poll(botTexts).toContain("How many people work at your company?");
    // The light moves on with the contact: the new question is lit, the one just answered is visited.
    const lit = (nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"] [data-testid="flow-node"]`).getAttribute("data-simulator");
    await expect.poll(() => lit("ask_company_size")).toBe("active");
    // The canvas followed the contact; the whole flow in view shows the path it took.
    await page.getByTestId("fit-view-button").click();
    await expect.poll(() => lit("ask_interest")).toBe("visited");
    expect(await page.locator('[data-testid="flow-node"][data-simulator="active"]').count()).toBe(1);
    await say("25");
    await expect.poll(botTexts).toContain("Last one: what's your email address?");
    await drawer().getByTestId("simulator-tab-debug").click();
    await expect.poll(() => drawer().getByTestId("simulator-tags").textContent()).toBe("Tags: interest-pricing");
    expect(await drawer().getByTestId("simulator-fields").textContent()).toContain("company_size = 25");
    expect(await drawer().getByTestId("simulator-step-changes").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("+ tag interest-pricing")]));
    expect(await drawer().getByTestId("simulator-active-node").textContent()).toContain("ask_email");
    await page.screenshot({ path: artifactPath("simulator-debug.png") });
  });

  it("exports the transcript", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), drawer().getByTestId("simulator-export").click()]);
    const transcript = await readFile((await download.path())!, "utf8");
    expect(transcript).toMatch(/^Kaiwa simulator transcript · WhatsApp/);
    expect(transcript).toContain("Bot: What brings you here? [Pricing and plans | Help with my account | Just looking around]");
    expect(transcript).toContain("Contact: Pricing and plans\nBot: How many people work at your company?\nContact: 25\n");
  });

  it("saves the run as a test case", async () => {
    await drawer().getByTestId("simulator-tab-cases").click();
    await drawer().getByTestId("simulator-case-name").fill("Pricing path");
    await drawer().getByTestId("simulator-case-save").click();
    await expect.poll(() => drawer().getByTestId("simulator-case").allTextContents()).toEqual([expect.stringContaining("Pricing path")]);
  });

  it("runs the same draft as SMS, with numbered options answered by number", async () => {
    await drawer().getByTestId("simulator-new").click();
    await drawer().getByTestId("simulator-channel").selectOption("sms");
    await drawer().getByTestId("simulator-start-value").fill("hello");
    await drawer().getByTestId("simulator-start").click();
    await expect.poll(botTexts).toEqual(expect.arrayContaining([expect.stringMatching(/What brings you here\?[\s\S]*1[.)] Pricing and plans/)]));
    expect(await drawer().getByTestId("simulator-choice").count()).toBe(0);
    await say("2");
    await expect.poll(botTexts).toContain("How many people work at your company?");
    await drawer().getByTestId("simulator-tab-debug").click();
    await expect.poll(() => drawer().getByTestId("simulator-tags").textContent()).toBe("Tags: interest-support");
  });

  it("re-runs the saved case after a draft change and reports the reply that differs", async () => {
    await drawer().getByTestId("simulator-close").click();
    await page.getByTestId("fit-view-button").click();
    await page.locator('.react-flow__node[data-id="ask_company_size"]').click();
    await page.getByTestId("inspector").getByTestId("inspector-field-prompt").fill("How big is your team?");
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-status"), { timeout: 30_000 }).toBe("saved");
    await page.getByTestId("open-simulator").click();
    await drawer().getByTestId("simulator-case-run").click();
    const report = drawer().getByTestId("simulator-case-report");
    await expect.poll(() => report.getAttribute("data-passed")).toBe("false");
    const changed = report.locator('[data-testid="simulator-case-step"][data-same="false"]');
    expect(await changed.count()).toBe(1);
    expect(await changed.textContent()).toContain("Tap “Pricing and plans”");
    expect(await changed.getByTestId("simulator-case-expected").allTextContents()).toEqual(["How many people work at your company?"]);
    expect(await changed.getByTestId("simulator-case-actual").allTextContents()).toEqual(["How big is your team?"]);
    await page.screenshot({ path: artifactPath("simulator-case-report.png") });
  });

  it("follows the contact along a flow wider than the screen, left of the drawer, until Follow is switched off", async () => {
    await openSimulator("Long survey", { channel: "whatsapp", start: { kind: "message", value: "hi" } });
    const pane = (await page.locator(".react-flow__pane").boundingBox())!;
    const drawerBox = (await drawer().boundingBox())!;
    // Lit and wholly on the canvas left of the drawer.
    const litInView = async (nodeId: string) => {
      const lit = page.locator(`.react-flow__node[data-id="${nodeId}"] [data-testid="flow-node"][data-simulator="active"]`);
      if ((await lit.count()) === 0) return false;
      const box = (await lit.boundingBox())!;
      return box.x >= pane.x && box.y >= pane.y && box.x + box.width <= drawerBox.x && box.y + box.height <= pane.y + pane.height;
    };
    const answer = async (question: number) => {
      await expect.poll(() => drawer().getByTestId("simulator-choice").last().textContent()).toBe(`Next ${question}`);
      await drawer().getByTestId("simulator-choice").last().click();
      await expect.poll(() => drawer().getByTestId("simulator-choice").last().textContent()).toBe(`Next ${question + 1}`);
    };
    for (let question = 0; question < LONG_SURVEY_QUESTIONS - 2; question++) {
      await answer(question);
      await expect.poll(() => litInView(`q${question + 1}`)).toBe(true);
    }
    // The chat, longer than its box by now, shows its newest message without being scrolled.
    const scroll = (await drawer().getByTestId("simulator-scroll").boundingBox())!;
    const newest = (await drawer().getByTestId("simulator-message").last().boundingBox())!;
    expect(await drawer().getByTestId("simulator-scroll").evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
    expect(newest.y + newest.height).toBeLessThanOrEqual(scroll.y + scroll.height + 1);
    expect(newest.y).toBeGreaterThanOrEqual(scroll.y);
    // Off, the canvas stays where the marketer put it, though the contact walks out of view.
    await drawer().getByTestId("simulator-restart").click();
    await expect.poll(() => litInView("q0")).toBe(true);
    await drawer().getByTestId("simulator-follow").click();
    expect(await drawer().getByTestId("simulator-follow").getAttribute("aria-pressed")).toBe("false");
    const viewport = () => page.locator(".react-flow__viewport").getAttribute("style");
    const before = await viewport();
    for (let question = 0; question < 6; question++) await answer(question);
    expect(await viewport()).toBe(before);
    expect(await litInView("q6")).toBe(false);
    await drawer().getByTestId("simulator-follow").click();
  });

  it("fires a one-hour wait now", async () => {
    await openSimulator("Reminder", { channel: "telegram", start: { kind: "message", value: "remind" } });
    await expect.poll(botTexts).toEqual(["I'll remind you in an hour."]);
    await drawer().getByTestId("simulator-tab-debug").click();
    await drawer().getByTestId("simulator-fire-now").click();
    await drawer().getByTestId("simulator-tab-chat").click();
    await expect.poll(botTexts).toEqual(["I'll remind you in an hour.", "Your reminder!"]);
  });

  it("pretends it is Sunday 23:00 in Tokyo, and the greeting flow answers with its away message", async () => {
    await openSimulator("Greeting and away message", { channel: "line" });
    await drawer().getByTestId("simulator-tab-debug").click();
    await drawer().getByTestId("simulator-clock-input").fill("2026-12-06T23:00");
    await drawer().getByTestId("simulator-clock-zone").fill("Asia/Tokyo");
    await drawer().getByTestId("simulator-clock-set").click();
    await expect.poll(() => drawer().getByTestId("simulator-clock").textContent()).toContain("Sun");
    await drawer().getByTestId("simulator-tab-chat").click();
    await say("こんにちは");
    await expect.poll(() => botTexts().then((texts) => texts[0] ?? "")).toMatch(/^Thanks for your message! We're closed right now and back on Monday/);
    await page.screenshot({ path: artifactPath("simulator-away.png") });
    expect(errors).toEqual([]);
  });
});

// Questions chained left to right, each answered by its one button: wider than any screen.
const LONG_SURVEY_QUESTIONS = 10;
function longSurvey(questions: number) {
  const nodes: Record<string, readonly [string, unknown]> = { t: ["trigger", { anyMessage: true }] };
  const edges: string[] = [];
  let previous = "t";
  for (let index = 0; index < questions; index++) {
    const question = `q${index}`;
    nodes[question] = ["question", { prompt: `Question ${index}?`, answerType: "choice", choices: [{ id: "a", label: `Next ${index}` }] }];
    edges.push(`${previous} -> ${question}`, `${question}:invalid -> ${index + 1 < questions ? `q${index + 1}` : "done"}`);
    previous = `${question}:a`;
  }
  nodes.done = ["message", { text: "All done" }];
  edges.push(`${previous} -> done`);
  return buildDoc({ name: "Long survey", nodes, edges });
}
