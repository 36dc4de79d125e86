import type { Page } from "playwright-core";
import { launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp } from "@/server/testing/browser/start-app";
import { trpcCall } from "@/server/testing/browser/trpc-call";
import { figures, machineFacts, percentile, target, type BenchResult } from "./lib/bench-result";
import { generatedFlow } from "./lib/generated-flow";

type Options = { smoke: boolean };

// The production build in Debian's chromium: the canvas with large generated flows (first render,
// frame times while panning, dragging a node and zooming out, from requestAnimationFrame), and the
// simulator (a click on a reply button to the bot's next message on screen).
export async function browserBench({ smoke }: Options): Promise<BenchResult[]> {
  const app = await startApp({ name: "bench" });
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser, app, { viewport: { width: 1680, height: 1050 } });
    const flowIds: Record<number, string> = {};
    for (const size of smoke ? [100] : [500, 2_000]) {
      flowIds[size] = (await trpcCall<{ id: string }>(app, "flows.import", { json: JSON.stringify(generatedFlow(size)) })).id;
    }
    const canvas = await canvasBench(page, flowIds, smoke);
    const simulator = await simulatorBench(page, flowIds[smoke ? 100 : 500]!, smoke);
    return [canvas, simulator];
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function canvasBench(page: Page, flowIds: Record<number, string>, smoke: boolean): Promise<BenchResult> {
  const result: BenchResult["figures"] = {};
  const targets: NonNullable<BenchResult["targets"]> = [];
  for (const [size, flowId] of Object.entries(flowIds)) {
    const started = Date.now();
    await page.goto(`/flows/${flowId}`);
    await page.locator(".react-flow__node").first().waitFor();
    const mountMs = Date.now() - started;
    const pane = await page.locator(".react-flow__pane").boundingBox();
    if (!pane) throw new Error("no canvas pane");
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    const pan = await frameTimes(page, async () => {
      await page.mouse.move(cx + 200, cy + 200);
      await page.mouse.down();
      await page.mouse.move(cx - 200, cy - 200, { steps: smoke ? 10 : 60 });
      await page.mouse.up();
    });
    const node = await page.locator(".react-flow__node").first().boundingBox();
    const drag = await frameTimes(page, async () => {
      if (!node) return;
      await page.mouse.move(node.x + 40, node.y + 12);
      await page.mouse.down();
      await page.mouse.move(node.x + 240, node.y + 112, { steps: smoke ? 10 : 60 });
      await page.mouse.up();
    });
    const zoom = await frameTimes(page, async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < (smoke ? 3 : 12); i++) {
        await page.mouse.wheel(0, 240);
        await page.waitForTimeout(30);
      }
    });
    result[`nodes${size}`] = { mountMs, panP95: percentile(pan, 95), dragP95: percentile(drag, 95), zoomOutP95: percentile(zoom, 95), worstFrame: Math.round(Math.max(...pan, ...drag, ...zoom)) };
    if (size === "500") {
      targets.push(
        target("500 nodes mount ≤ 1 s", mountMs, 1_000, "lower", "ms"),
        target("500 nodes pan p95 ≤ 33 ms", percentile(pan, 95), 33, "lower", "ms"),
        target("500 nodes drag p95 ≤ 33 ms", percentile(drag, 95), 33, "lower", "ms"),
        target("500 nodes zoom-out p95 ≤ 33 ms", percentile(zoom, 95), 33, "lower", "ms"),
      );
    }
    if (size === "2000") {
      targets.push(
        target("2,000 nodes mount ≤ 2.5 s", mountMs, 2_500, "lower", "ms"),
        target("2,000 nodes pan p95 ≤ 50 ms", percentile(pan, 95), 50, "lower", "ms"),
        target("2,000 nodes drag p95 ≤ 50 ms", percentile(drag, 95), 50, "lower", "ms"),
        target("2,000 nodes zoom-out p95 ≤ 100 ms", percentile(zoom, 95), 100, "lower", "ms"),
        target("2,000 nodes: no frame over 200 ms", Math.round(Math.max(...pan, ...drag, ...zoom)), 200, "lower", "ms"),
      );
    }
  }
  return { name: "canvas", workload: `open generated flows of ${Object.keys(flowIds).join(", ")} nodes; pan, drag a node, zoom out`, machine: machineFacts(null), figures: result, targets, smoke };
}

// Frame-to-frame intervals (ms) from requestAnimationFrame while `action` runs. The page scripts are
// strings: tsx would wrap named functions in a helper the page does not have.
async function frameTimes(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    const frames = [];
    window.__benchFrames = frames;
    const tick = (time) => { frames.push(time); if (window.__benchFrames === frames) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await action();
  await page.waitForTimeout(100);
  const frames = (await page.evaluate(`(() => { const list = window.__benchFrames; window.__benchFrames = null; return list; })()`)) as number[];
  return frames.slice(1).map((time, index) => time - frames[index]!);
}

async function simulatorBench(page: Page, flowId: string, smoke: boolean): Promise<BenchResult> {
  await page.goto(`/flows/${flowId}`);
  await page.locator(".react-flow__node").first().waitFor();
  await page.getByTestId("open-simulator").click();
  const drawer = page.getByTestId("simulator-drawer");
  await drawer.getByTestId("simulator-start").click();
  await drawer.getByTestId("simulator-choice").first().waitFor();
  const clicks = smoke ? 3 : 25;
  const latencies: number[] = [];
  const requests: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const bots = drawer.locator('[data-testid="simulator-message"][data-from="bot"]');
    const before = await bots.count();
    // Found, scrolled to and checked before the clock starts: locator.click() polls for a stable, visible,
    // enabled target over two or more animation frames (~30 ms), which is Playwright's time, not the app's.
    const choice = drawer.getByTestId("simulator-choice").filter({ hasText: "A" }).last();
    await choice.click({ trial: true });
    const box = await choice.boundingBox();
    if (!box) throw new Error("no reply button on screen");
    const started = (await page.evaluate("performance.clearResourceTimings(), performance.now()")) as number;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // Done when the reply is on screen and the question it asks (q<i+1> in generatedFlow) is lit on the
    // canvas, which follows the contact (use-follow-simulation.ts). The tap's request (its round trip to
    // the server, from the browser's resource timing) says how much of that is the server's.
    const done = await page.waitForFunction(
      `(() => {
        const drawer = document.querySelector('[data-testid="simulator-drawer"]');
        if ((drawer?.querySelectorAll('[data-testid="simulator-message"][data-from="bot"]').length ?? 0) <= ${before}) return false;
        const lit = document.querySelector('.react-flow__node[data-id="q${i + 1}"] [data-testid="flow-node"]');
        if (lit?.getAttribute("data-simulator") !== "active") return false;
        const request = performance.getEntriesByType("resource").find((entry) => entry.name.includes("simulator.send"));
        return [performance.now(), request ? request.duration : null];
      })()`,
      undefined,
      { polling: "raf" },
    );
    const [at, request] = (await done.jsonValue()) as [number, number | null];
    latencies.push(at - started);
    if (request !== null) requests.push(request);
  }
  return {
    name: "simulator",
    workload: `${clicks} taps on a reply button in the simulator on a ${smoke ? 100 : 500}-node flow, from the mouse click to the bot's next message rendered and its question lit on the canvas (which follows the contact)`,
    machine: machineFacts(null),
    figures: { clickToReply: figures(latencies, "ms"), p50: percentile(latencies, 50), p95: percentile(latencies, 95), request: figures(requests, "ms") },
    targets: smoke ? [] : [target("click to rendered reply and lit node ≤ 50 ms p95 (500 nodes)", percentile(latencies, 95), 50, "lower", "ms")],
    smoke,
  };
}
