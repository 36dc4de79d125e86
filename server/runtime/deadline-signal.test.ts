import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineSignal } from "./deadline-signal";
import { observedFetch } from "./observed-fetch";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collectTwice() {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await sleep(5);
  }
}

describe("deadlineSignal", () => {
  it("fires after its deadline even when nothing else holds it and the heap is collected", async () => {
    // The case AbortSignal.any([outer, AbortSignal.timeout(ms)]) gets wrong on Node: none of these fire.
    let fired = 0;
    for (let i = 0; i < 20; i++) deadlineSignal(40, new AbortController().signal).signal.addEventListener("abort", () => fired++);
    await collectTwice();
    await sleep(150);
    expect(fired).toBe(20);
  });

  it("names the timeout, follows the outer signal, and stays quiet once cleared", async () => {
    const timedOut = deadlineSignal(10);
    await sleep(40);
    expect((timedOut.signal.reason as DOMException).name).toBe("TimeoutError");

    const outer = new AbortController();
    const followed = deadlineSignal(10_000, outer.signal);
    outer.abort(new Error("caller gave up"));
    expect((followed.signal.reason as Error).message).toBe("caller gave up");
    expect(deadlineSignal(10_000, outer.signal).signal.aborted).toBe(true);

    const cleared = deadlineSignal(10);
    cleared.clear();
    await sleep(40);
    expect(cleared.signal.aborted).toBe(false);
  });
});

describe("observedFetch against a platform that never answers", () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("gives up at its deadline, after a garbage collection, and records the outcome as unknown", async () => {
    const observed = observedFetch(100);
    // The adapter's own, longer timeout rides along as the outer signal, as in every send.
    const pending = observed.fetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(30_000) }).then(
      () => "answered",
      (error: Error) => error.name,
    );
    await collectTwice();
    expect(await pending).toBe("TimeoutError");
    expect(observed.outcomeUnknown()).toBe(true);
    observed.release();
  });
});
