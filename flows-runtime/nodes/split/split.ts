import { z } from "zod";
import { normaliseText } from "../../text/normalise";
import { defineNodeKind, type DiagnosticDraft } from "../define-node-kind";

const branchSchema = z.object({
  id: z.string().min(1),
  label: z.string().default(""),
  weight: z.number().min(0).default(1),
});

export const splitDataSchema = z.object({
  branches: z.array(branchSchema).default([
    { id: "a", label: "A", weight: 50 },
    { id: "b", label: "B", weight: 50 },
  ]),
  // Sticky: a contact who passes this node again (or re-enters the flow) lands in the same branch, so an
  // A/B test never shows one person both variants.
  sticky: z.boolean().default(false),
});
export type SplitData = z.infer<typeof splitDataSchema>;

export const splitNode = defineNodeKind({
  kind: "split",
  data: splitDataSchema,
  ports: (data) => data.branches.map((branch) => branch.id),
  requiredPorts: (data) => data.branches.filter((branch) => branch.weight > 0).map((branch) => branch.id),
  waits: () => false,
  diagnose: (data) => diagnoseSplit(data),
  run: (data, ctx) => {
    const roll = data.sticky ? stableUnitHash(`${ctx.contact.id}\u0000${ctx.nodeId}`) : ctx.random();
    const branch = pickBranch(data.branches, roll);
    if (!branch) {
      return {
        outcome: "end",
        actions: [{ type: "error", nodeId: ctx.nodeId, code: "split_no_branch", message: "This split has no branch with a weight above 0." }],
      };
    }
    const total = totalWeight(data.branches);
    const share = Math.round((branch.weight / total) * 100);
    return {
      outcome: "next",
      port: branch.id,
      note: `${data.sticky ? "sticky " : ""}split: branch "${branch.label || branch.id}" (${share}% of traffic)`,
    };
  },
});

// Walks the cumulative weights; `roll` is in [0, 1). Zero-weight branches are never picked.
export function pickBranch<B extends { weight: number }>(branches: readonly B[], roll: number): B | undefined {
  const total = totalWeight(branches);
  if (total <= 0) return undefined;
  let threshold = roll * total;
  for (const branch of branches) {
    if (branch.weight <= 0) continue;
    if (threshold < branch.weight) return branch;
    threshold -= branch.weight;
  }
  // Floating-point rounding can leave a sliver past the last branch.
  return [...branches].reverse().find((branch) => branch.weight > 0);
}

// FNV-1a (32 bit) mapped to [0, 1): cheap, stable across runtimes and replays, and spreads contact ids
// evenly enough for traffic splitting. Not ctx.random(), which differs per event.
export function stableUnitHash(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche so ids differing only in their last character do not land next to each other.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) / 0x1_0000_0000;
}

function totalWeight(branches: readonly { weight: number }[]): number {
  return branches.reduce((sum, branch) => sum + Math.max(0, branch.weight), 0);
}

function diagnoseSplit(data: SplitData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  if (data.branches.length === 0) {
    problems.push({ code: "no_branches", severity: "error", message: "Add at least one branch to this split." });
    return problems;
  }
  if (totalWeight(data.branches) <= 0) {
    problems.push({
      code: "zero_total_weight",
      severity: "error",
      message: "Every branch has weight 0, so no contact could go anywhere. Give at least one branch a weight above 0.",
    });
  }
  const ids = new Set<string>();
  const labels = new Map<string, string>();
  for (const branch of data.branches) {
    if (ids.has(branch.id)) {
      problems.push({ code: "duplicate_branch_id", severity: "error", port: branch.id, message: `Two branches share the id "${branch.id}".` });
    }
    ids.add(branch.id);
    const label = normaliseText(branch.label);
    if (label === "") continue;
    if (labels.has(label)) {
      problems.push({
        code: "duplicate_branch_label",
        severity: "warning",
        port: branch.id,
        message: `Two branches are both called "${branch.label}": rename one so the results are easy to tell apart.`,
      });
    }
    labels.set(label, branch.id);
  }
  return problems;
}
