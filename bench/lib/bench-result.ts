import { cpus, totalmem } from "node:os";

export type Figures = { median: number; min: number; max: number; runs: number; unit: string };
export type BenchResult = {
  name: string;
  workload: string;
  machine: Machine;
  figures: Record<string, Figures | Record<string, Figures | number> | number | string>;
  // Targets from the issue, each with whether this run met it (null when not measured here).
  targets?: { target: string; met: boolean | null; detail: string }[];
  smoke: boolean;
};
export type Machine = { cores: number; cpu: string; memoryGiB: number; node: string; postgres: string | null };

export function machineFacts(postgres: string | null): Machine {
  const list = cpus();
  return { cores: list.length, cpu: list[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, postgres };
}

// Median, min and max of several runs of the same measurement.
export function figures(values: number[], unit: string): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0] ?? 0), max: round(sorted.at(-1) ?? 0), runs: values.length, unit };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function target(label: string, measured: number, limit: number, better: "lower" | "higher", unit: string) {
  const met = better === "lower" ? measured <= limit : measured >= limit;
  const ratio = better === "lower" ? measured / limit : limit / measured;
  return { target: label, met, detail: met ? `${measured} ${unit}` : `${measured} ${unit}: missed by ${Math.round((ratio - 1) * 100)}%` };
}
