import { compareStrings } from "../graph/queries";
import type { Diagnostic } from "./diagnostic";

// Collects diagnostics without duplicates (same code, node, port and message: the first one added is
// kept) and returns them in a stable order (document-level first, then by node, code, port), so the
// same document always reports the same list. Kept per node: a node has a few diagnostics, so a
// duplicate is found by looking through them, with no key string built per diagnostic (a 5,000-step
// flow reports thousands of channel warnings on every compile).
export class DiagnosticList {
  private readonly byNode = new Map<string, Diagnostic[]>();
  private readonly codesByNode = new Map<string, Set<string>>();
  private readonly keysByNode = new Map<string, Set<string>>();

  // `fromNode`: reported by the node kind's own diagnose().
  add(diagnostic: Diagnostic, fromNode = false): void {
    const nodeId = diagnostic.nodeId ?? "";
    let list = this.byNode.get(nodeId);
    if (!list) this.byNode.set(nodeId, (list = []));
    if (list.length < MANY) {
      const port = diagnostic.port ?? "";
      for (const other of list) {
        if (other.code === diagnostic.code && other.message === diagnostic.message && (other.port ?? "") === port) return;
      }
    } else {
      // A node with many problems (a long FAQ, a question with dozens of choices): keys, not a scan.
      let keys = this.keysByNode.get(nodeId);
      if (!keys) this.keysByNode.set(nodeId, (keys = new Set(list.map(keyOf))));
      const key = keyOf(diagnostic);
      if (keys.has(key)) return;
      keys.add(key);
    }
    list.push(diagnostic);
    if (!fromNode) return;
    let codes = this.codesByNode.get(nodeId);
    if (!codes) this.codesByNode.set(nodeId, (codes = new Set()));
    codes.add(diagnostic.code);
  }

  // A node kind's own diagnose() knows its data best: generic checks defer to it for the same code.
  nodeReported(nodeId: string, code: string): boolean {
    return this.codesByNode.get(nodeId)?.has(code) ?? false;
  }

  sorted(): Diagnostic[] {
    return [...this.byNode.values()].flat().sort(
      (a, b) =>
        compareStrings(a.nodeId ?? "", b.nodeId ?? "") ||
        compareStrings(a.code, b.code) ||
        compareStrings(a.port ?? "", b.port ?? "") ||
        compareStrings(a.message, b.message),
    );
  }
}

const MANY = 16;

function keyOf(diagnostic: Diagnostic): string {
  return `${diagnostic.code}\u0000${diagnostic.port ?? ""}\u0000${diagnostic.message}`;
}
