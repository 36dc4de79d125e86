import type { Diagnostic } from "@/flows-runtime";

export type NodeProblems = { errors: number; warnings: number; messages: string[]; ports: string[] };

const NONE = "";
const byDiagnostics = new WeakMap<readonly Diagnostic[], Map<string, string>>();

// One pass over the diagnostics per compile, shared by every node: each node's selector is then a
// lookup. The result is a string so an unchanged node compares equal and does not re-render.
export function nodeProblemsKey(diagnostics: readonly Diagnostic[], nodeId: string): string {
  let index = byDiagnostics.get(diagnostics);
  if (!index) {
    const grouped = new Map<string, NodeProblems>();
    for (const diagnostic of diagnostics) {
      if (!diagnostic.nodeId) continue;
      let problems = grouped.get(diagnostic.nodeId);
      if (!problems) {
        problems = { errors: 0, warnings: 0, messages: [], ports: [] };
        grouped.set(diagnostic.nodeId, problems);
      }
      if (diagnostic.severity === "error") problems.errors++;
      else problems.warnings++;
      problems.messages.push(diagnostic.message);
      if (diagnostic.port && diagnostic.severity === "error") problems.ports.push(diagnostic.port);
    }
    index = new Map([...grouped].map(([id, problems]) => [id, JSON.stringify(problems)]));
    byDiagnostics.set(diagnostics, index);
  }
  return index.get(nodeId) ?? NONE;
}

const EMPTY: NodeProblems = { errors: 0, warnings: 0, messages: [], ports: [] };

export function readNodeProblems(key: string): NodeProblems {
  return key === NONE ? EMPTY : (JSON.parse(key) as NodeProblems);
}
