import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./lib/bench-result";
import { browserBench } from "./browser-bench";
import { contactsBench } from "./contacts-bench";
import { compileBench, engineBench, memoryBench } from "./engine-bench";
import { fanoutBench } from "./fanout-bench";
import { runtimeBench } from "./runtime-bench";

// npm run bench [-- <name> ...] [-- --smoke]: one JSON object per benchmark on stdout, all of them in
// bench/results/latest.json. --smoke runs each in seconds (CI does, so the harness cannot rot).
const benches: Record<string, (options: { smoke: boolean }) => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>> = {
  engine: engineBench,
  compile: compileBench,
  memory: memoryBench,
  runtime: runtimeBench,
  fanout: fanoutBench,
  contacts: contactsBench,
  browser: browserBench,
};

export async function runBenches(names: string[], smoke: boolean): Promise<BenchResult[]> {
  const unknown = names.filter((name) => !(name in benches));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}`);
  const results: BenchResult[] = [];
  for (const name of names.length > 0 ? names : Object.keys(benches)) {
    for (const result of [await benches[name]!({ smoke })].flat()) {
      console.log(JSON.stringify(result));
      results.push(result);
    }
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), "results", smoke ? "smoke.json" : "latest.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  runBenches(args.filter((arg) => !arg.startsWith("--")), args.includes("--smoke")).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`bench: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
