import { compile, step, type Session } from "@/flows-runtime";
import { onboardingSurvey } from "@/flows-runtime/templates/onboarding-survey";
import { testContext } from "@/flows-runtime/testing/test-context";
import { figures, machineFacts, percentile, target, type BenchResult } from "./lib/bench-result";
import { generatedFlow } from "./lib/generated-flow";

type Options = { smoke: boolean };

// step() alone on the onboarding survey: each simulated contact goes through the whole survey
// (start, a tap, a number, an email), so one "message" is one step() call.
export function engineBench({ smoke }: Options): BenchResult {
  const { graph } = compile(onboardingSurvey());
  if (!graph) throw new Error("the onboarding survey does not compile");
  const contacts = smoke ? 200 : 20_000;
  const runs = smoke ? 2 : 5;
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    let steps = 0;
    for (let i = 0; i < contacts; i++) {
      const ctx = testContext({ seed: i });
      let session: Session | null = step(graph, null, { type: "start", reason: "first_message", message: { text: "hi" } }, ctx).session;
      for (const message of [{ text: "Pricing and plans", payload: "pricing" }, { text: "25" }, { text: "a@example.com" }]) {
        session = step(graph, session, { type: "message", message }, ctx).session;
      }
      steps += 4;
    }
    rates.push(steps / ((performance.now() - started) / 1000));
  }
  return {
    name: "engine-step",
    workload: `step() through the onboarding survey, ${contacts} contacts × 4 messages, ${runs} runs`,
    machine: machineFacts(null),
    figures: { stepsPerSecond: figures(rates, "steps/s"), microsecondsPerStep: figures(rates.map((rate) => 1e6 / rate), "µs") },
    smoke,
  };
}

// compile() on generated flows, as the builder does after every edit.
const WARM_UP_COPIES = 5;

export function compileBench({ smoke }: Options): BenchResult {
  const sizes = smoke ? [100] : [100, 1_000, 5_000];
  const repeats = smoke ? 3 : 30;
  const result: BenchResult["figures"] = {};
  const targets: NonNullable<BenchResult["targets"]> = [];
  for (const size of sizes) {
    const doc = generatedFlow(size);
    compile(doc); // the first call pays for the caches
    // The path measured below (a copy answered from those caches) is warmed up on its own: its first
    // few calls in a process run before the JIT has compiled it (10-18 ms against ~4 ms at 1,000 nodes).
    // The first of them is reported as `firstCopyMs`.
    const warmUp: number[] = [];
    for (let i = 0; i < WARM_UP_COPIES; i++) {
      const copy = structuredClone(doc);
      const started = performance.now();
      compile(copy);
      warmUp.push(performance.now() - started);
    }
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      // Copied before the clock starts: the copy stands for a document just read from the database,
      // and copying it is not part of compiling it.
      const copy = structuredClone(doc);
      const started = performance.now();
      const { graph } = compile(copy);
      times.push(performance.now() - started);
      if (!graph) throw new Error(`generated flow of ${size} does not compile`);
    }
    // What the builder does after each edit: the same document with one step changed (unchanged
    // nodes keep their identity, so their analysis is reused).
    const edits: number[] = [];
    let current = doc;
    compile(current);
    for (let i = 0; i < repeats; i++) {
      const id = `m${i % Math.max(1, Math.floor(size / 5))}`;
      const node = current.nodes[id];
      if (node) current = { ...current, nodes: { ...current.nodes, [id]: { ...node, data: { ...(node.data as object), text: `Edited ${i}` } } } };
      const started = performance.now();
      compile(current);
      edits.push(performance.now() - started);
    }
    // Cold above reuses what compile() cached by content (a document read again); this is the first
    // compile of content never seen in this process: every step parsed and rendered on every channel.
    const unseen: number[] = [];
    for (let i = 0; i < Math.min(repeats, 10); i++) {
      const fresh = generatedFlow(size, ` (variant ${i})`);
      const started = performance.now();
      compile(fresh);
      unseen.push(performance.now() - started);
    }
    result[`nodes${size}`] = {
      cold: { ...figures(times, "ms"), p95: percentile(times, 95), firstCopyMs: Math.round(warmUp[0]! * 100) / 100 },
      afterOneEdit: { ...figures(edits, "ms"), p95: percentile(edits, 95) },
      unseenContent: { ...figures(unseen, "ms"), p95: percentile(unseen, 95) },
    } as never;
    if (size === 1_000) {
      targets.push(target("compile 1,000 nodes p95 ≤ 10 ms (cold)", percentile(times, 95), 10, "lower", "ms"), target("compile 1,000 nodes p95 ≤ 10 ms (after one edit)", percentile(edits, 95), 10, "lower", "ms"));
    }
    if (size === 5_000) {
      targets.push(target("compile 5,000 nodes p95 ≤ 50 ms (cold)", percentile(times, 95), 50, "lower", "ms"), target("compile 5,000 nodes p95 ≤ 50 ms (after one edit)", percentile(edits, 95), 50, "lower", "ms"));
    }
  }
  return { name: "compile", workload: `compile() of generated flows of ${sizes.join(", ")} nodes, ${repeats} runs each (after ${WARM_UP_COPIES} warm-up runs): cold (a fresh copy) and after a one-step edit; ${Math.min(repeats, 10)} of content never compiled before`, machine: machineFacts(null), figures: result, targets, smoke };
}

// Heap held per session waiting on a question: the state a host keeps for each active contact.
export function memoryBench({ smoke }: Options): BenchResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (npm run bench does)");
  const { graph } = compile(onboardingSurvey());
  if (!graph) throw new Error("the onboarding survey does not compile");
  const counts = smoke ? [1_000] : [10_000, 100_000];
  const result: BenchResult["figures"] = {};
  const targets: NonNullable<BenchResult["targets"]> = [];
  for (const count of counts) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const sessions = new Map<string, Session>();
    for (let i = 0; i < count; i++) {
      const ctx = testContext({ seed: i, contact: { id: `contact-${i}` } });
      sessions.set(ctx.contact.id, step(graph, null, { type: "start", reason: "first_message", message: { text: "hi" } }, ctx).session);
    }
    gc();
    const bytes = (process.memoryUsage().heapUsed - before) / count;
    if (sessions.size !== count) throw new Error("sessions lost");
    result[`sessions${count}`] = { bytesPerSession: Math.round(bytes), mibPer10k: Math.round(((bytes * 10_000) / 2 ** 20) * 100) / 100 };
    if (count === 10_000) targets.push(target("≤ 10 MiB heap per 10,000 waiting sessions", Math.round(((bytes * 10_000) / 2 ** 20) * 100) / 100, 10, "lower", "MiB"));
  }
  return { name: "memory", workload: `heap held by ${counts.join(" and ")} engine sessions waiting on the survey's first question`, machine: machineFacts(null), figures: result, targets, smoke };
}
