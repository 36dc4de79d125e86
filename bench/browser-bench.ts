import type { Page } from "playwright-core";
import { launchBrowser, openApp } from "@/server/testing/browser/launch-browser";
import { startApp } from "@/server/testing/browser/start-app";
import { trpcCall } from "@/server/testing/browser/trpc-call";
import { figures, machineFacts, percentile, target, type BenchResult } from "./lib/bench-result";
import { generatedFlow } from "./lib/generated-flow";

type Options = { smoke: boolean };

// The production build in Debian's chromium with generated flows imported: the canvas benchmark (first
// render, frame times while panning, dragging a node and zooming out, from requestAnimationFrame) and
// the simulator one (a click on a reply button to the bot's next message on screen) each run alone.
async function withBrowserApp<T>(sizes: number[], run: (page: Page, flowIds: Record<number, string>) => Promise<T>): Promise<T> {
  const app = await startApp({ name: "bench" });
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser, app, { viewport: { width: 1680, height: 1050 } });
    const flowIds: Record<number, string> = {};
    for (const size of sizes) {
      flowIds[size] = (await trpcCall<{ id: string }>(app, "flows.import", { json: JSON.stringify(generatedFlow(size)) })).id;
    }
    return await run(page, flowIds);
  } finally {
    await browser.close();
    await app.stop();
  }
}

export function canvasBench({ smoke }: Options): Promise<BenchResult> {
  return withBrowserApp(smoke ? [100] : [500, 2_000], (page, flowIds) => canvasRuns(page, flowIds, smoke));
}

export function simulatorBench({ smoke }: Options): Promise<BenchResult> {
  const size = smoke ? 100 : 500;
  return withBrowserApp([size], (page, flowIds) => simulatorTaps(page, flowIds[size]!, smoke));
}

// Each size is opened and handled several times (the first run is the cold one: first page load of the
// browser and server); every figure is the median of the runs, with min and max.
async function canvasRuns(page: Page, flowIds: Record<number, string>, smoke: boolean): Promise<BenchResult> {
  const runs = smoke ? 1 : 5;
  const result: BenchResult["figures"] = {};
  const targets: NonNullable<BenchResult["targets"]> = [];
  for (const [size, flowId] of Object.entries(flowIds)) {
    const measured: CanvasRun[] = [];
    for (let run = 0; run < runs; run++) measured.push(await canvasRun(page, flowId, smoke));
    const of = (pick: (run: CanvasRun) => number) => figures(measured.map(pick), "ms");
    const mount = of((run) => run.mountMs);
    const pan = of((run) => percentile(run.pan, 95));
    const drag = of((run) => percentile(run.drag, 95));
    const dragToEdge = of((run) => percentile(run.dragToEdge, 95));
    const zoom = of((run) => percentile(run.zoom, 95));
    const worst = (pick: (run: CanvasRun) => number[]) => Math.round(Math.max(...measured.flatMap(pick)));
    const worstFrames = { worstPanFrame: worst((run) => run.pan), worstDragFrame: worst((run) => run.drag), worstDragToEdgeFrame: worst((run) => run.dragToEdge), worstZoomOutFrame: worst((run) => run.zoom) };
    const worstFrame = Math.max(...Object.values(worstFrames));
    result[`nodes${size}`] = { mount, firstMountMs: measured[0]!.mountMs, panP95: pan, dragP95: drag, dragToEdgeP95: dragToEdge, zoomOutP95: zoom, worstFrame, ...worstFrames };
    if (size === "500") {
      targets.push(
        target("500 nodes mount ≤ 1 s (median)", mount.median, 1_000, "lower", "ms"),
        target("500 nodes pan p95 ≤ 33 ms (median)", pan.median, 33, "lower", "ms"),
        target("500 nodes drag p95 ≤ 33 ms (median)", drag.median, 33, "lower", "ms"),
        target("500 nodes drag to the pane's edge, the canvas panning along, p95 ≤ 33 ms (median)", dragToEdge.median, 33, "lower", "ms"),
        target("500 nodes zoom-out p95 ≤ 33 ms (median)", zoom.median, 33, "lower", "ms"),
      );
    }
    if (size === "2000") {
      targets.push(
        target("2,000 nodes mount ≤ 2.5 s (median)", mount.median, 2_500, "lower", "ms"),
        target("2,000 nodes pan p95 ≤ 50 ms (median)", pan.median, 50, "lower", "ms"),
        target("2,000 nodes drag p95 ≤ 50 ms (median)", drag.median, 50, "lower", "ms"),
        target("2,000 nodes drag to the pane's edge, the canvas panning along, p95 ≤ 50 ms (median)", dragToEdge.median, 50, "lower", "ms"),
        target("2,000 nodes zoom-out p95 ≤ 100 ms (median)", zoom.median, 100, "lower", "ms"),
        target("2,000 nodes: no frame over 200 ms (any run)", worstFrame, 200, "lower", "ms"),
      );
    }
  }
  return {
    name: "canvas",
    workload: `open generated flows of ${Object.keys(flowIds).join(", ")} nodes ${runs} time(s) each (the first is the cold page load); pan, drag a node in view, carry one to the pane's edge and hold it there for ${holdAtEdgeMs(smoke)} ms (auto-pan), zoom out`,
    machine: machineFacts(null),
    figures: result,
    targets,
    smoke,
  };
}

type CanvasRun = { mountMs: number; pan: number[]; drag: number[]; dragToEdge: number[]; zoom: number[] };

async function canvasRun(page: Page, flowId: string, smoke: boolean): Promise<CanvasRun> {
  await page.goto("about:blank");
  const started = Date.now();
  await page.goto(`/flows/${flowId}`);
  await page.locator(".react-flow__node").first().waitFor();
  const mountMs = Date.now() - started;
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no canvas pane");
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  const panFrom = { x: cx + 200, y: cy + 200 };
  const panTo = { x: cx - 200, y: cy - 200 };
  const pan = await frameTimes(page, () => pointerDrag(page, panFrom, panTo, smoke ? 10 : 60));
  // Back where the flow opened (few nodes are in view after the pan, the flow running diagonally),
  // from the empty spot the pan held, unmeasured.
  await pointerDrag(page, panTo, panFrom, 10);
  // A node moved by (200, 100) towards the pane's centre, so it stays in view; then one carried to 10
  // px from the right edge and held there, while React Flow pans the canvas along every frame.
  const inView = grabPoint(await nodeOnScreen(page, pane));
  const towardsCentre = (from: number, centre: number, by: number) => from + (from < centre ? by : -by);
  const drag = await frameTimes(page, () => pointerDrag(page, inView, { x: towardsCentre(inView.x, cx, DRAG.x), y: towardsCentre(inView.y, cy, DRAG.y) }, smoke ? 10 : 60));
  const toEdge = grabPoint(await nodeOnScreen(page, pane));
  const dragToEdge = await frameTimes(page, () => pointerDrag(page, toEdge, { x: pane.x + pane.width - 10, y: toEdge.y }, smoke ? 5 : 20, holdAtEdgeMs(smoke)));
  const zoom = await frameTimes(page, async () => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < (smoke ? 3 : 12); i++) {
      await page.mouse.wheel(0, 240);
      await page.waitForTimeout(30);
    }
  });
  return { mountMs, pan, drag, dragToEdge, zoom };
}

const DRAG = { x: 200, y: 100 };
const holdAtEdgeMs = (smoke: boolean) => (smoke ? 200 : 1_000);
// React Flow pans the canvas while the pointer is within 40 px of the pane's edge (calcAutoPan): a
// grab this far inside starts no auto-pan.
const EDGE = 50;
type Point = { x: number; y: number };
type Box = Point & { width: number; height: number };

// Where a marketer grabs a node: its header.
const grabPoint = (box: Box): Point => ({ x: box.x + 40, y: box.y + 12 });

// The node whose grab point is nearest the pane's centre, clear of its edges.
async function nodeOnScreen(page: Page, pane: Box): Promise<Box> {
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  let nearest: { box: Box; distance: number } | null = null;
  const seen: string[] = [];
  for (const node of await page.locator(".react-flow__node").all()) {
    const box = await node.boundingBox();
    if (!box) continue;
    seen.push(`(${Math.round(box.x)}, ${Math.round(box.y)})`);
    const grab = grabPoint(box);
    const clear = grab.x > pane.x + EDGE && grab.y > pane.y + EDGE && grab.x < pane.x + pane.width - EDGE && grab.y < pane.y + pane.height - EDGE;
    const distance = Math.hypot(grab.x - centre.x, grab.y - centre.y);
    if (clear && (!nearest || distance < nearest.distance)) nearest = { box, distance };
  }
  if (!nearest) throw new Error(`no node on the canvas to drag: nodes at ${seen.join(" ") || "none"} in a pane at (${pane.x}, ${pane.y}), ${pane.width} x ${pane.height}`);
  return nearest.box;
}

// Press at `from`, move to `to` in `steps` pointer moves, hold still for `holdMs`, release.
async function pointerDrag(page: Page, from: Point, to: Point, steps: number, holdMs = 0): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  if (holdMs > 0) await page.waitForTimeout(holdMs);
  await page.mouse.up();
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

async function simulatorTaps(page: Page, flowId: string, smoke: boolean): Promise<BenchResult> {
  await page.goto(`/flows/${flowId}`);
  await page.locator(".react-flow__node").first().waitFor();
  await page.getByTestId("open-simulator").click();
  const drawer = page.getByTestId("simulator-drawer");
  await drawer.getByTestId("simulator-start").click();
  await drawer.getByTestId("simulator-choice").first().waitFor();
  const clicks = smoke ? 3 : 25;
  const latencies: number[] = [];
  // Where a tap's time goes: click to request sent, the request's round trip, response to lit step.
  const beforeRequest: number[] = [];
  const requests: number[] = [];
  const afterResponse: number[] = [];
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
        return [performance.now(), request ? [request.startTime, request.responseEnd] : null];
      })()`,
      undefined,
      { polling: "raf" },
    );
    const [at, request] = (await done.jsonValue()) as [number, [number, number] | null];
    latencies.push(at - started);
    if (request !== null) {
      const [requestStart, responseEnd] = request;
      beforeRequest.push(requestStart - started);
      requests.push(responseEnd - requestStart);
      afterResponse.push(at - responseEnd);
    }
  }
  return {
    name: "simulator",
    workload: `${clicks} taps on a reply button in the simulator on a ${smoke ? 100 : 500}-node flow, from the mouse click to the bot's next message rendered and its question lit on the canvas (which follows the contact)`,
    machine: machineFacts(null),
    figures: { clickToReply: figures(latencies, "ms"), p50: percentile(latencies, 50), p95: percentile(latencies, 95), beforeRequest: figures(beforeRequest, "ms"), request: figures(requests, "ms"), afterResponse: figures(afterResponse, "ms") },
    targets: smoke ? [] : [target("click to rendered reply and lit node ≤ 50 ms p95 (500 nodes)", percentile(latencies, 95), 50, "lower", "ms")],
    smoke,
  };
}
