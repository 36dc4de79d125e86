import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./lib/bench-result";
import { canvasBench, simulatorBench } from "./browser-bench";
import { contactsBench } from "./contacts-bench";
import { compileBench, engineBench, memoryBench } from "./engine-bench";
import { fanoutBench } from "./fanout-bench";
import { runtimeBench } from "./runtime-bench";

// npm run bench [-- <name> ...] [--smoke] [--contacts=100,10000]: one JSON object per benchmark on stdout, all of them in
// bench/results/latest.json. --smoke runs each in seconds (CI does, so the harness cannot rot).
export type BenchOptions = { smoke: boolean; contacts?: number[] };

const benches: Record<string, (options: BenchOptions) => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>> = {
  engine: engineBench,
  compile: compileBench,
  memory: memoryBench,
  runtime: runtimeBench,
  fanout: fanoutBench,
  contacts: contactsBench,
  canvas: canvasBench,
  simulator: simulatorBench,
};

export async function runBenches(names: string[], options: BenchOptions): Promise<BenchResult[]> {
  const { smoke } = options;
  const unknown = names.filter((name) => !(name in benches));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}`);
  const results: BenchResult[] = [];
  for (const name of names.length > 0 ? names : Object.keys(benches)) {
    for (const result of [await benches[name]!(options)].flat()) {
      console.log(JSON.stringify(result));
      results.push(result);
    }
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), "results", smoke ? "smoke.json" : "latest.json");
  mkdirSync(dirname(out), { recursive: true });
  // A run of some benchmarks replaces theirs and keeps the others' latest figures.
  const kept = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as BenchResult[]).filter((old) => !results.some((result) => result.name === old.name)) : [];
  writeFileSync(out, `${JSON.stringify([...kept, ...results], null, 2)}\n`);
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  // --contacts=100,1000 replaces the runtime benchmark's contact counts (100 and 10,000).
  const contacts = args.find((arg) => arg.startsWith("--contacts="))?.slice("--contacts=".length).split(",").map(Number).filter((n) => n > 0);
  runBenches(args.filter((arg) => !arg.startsWith("--")), { smoke: args.includes("--smoke"), ...(contacts?.length ? { contacts } : {}) }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`bench: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
