import { compareStrings } from "../graph/queries";
import type { Diagnostic } from "./diagnostic";

// Collects diagnostics without duplicates and returns them in a stable order (document-level first,
// then by node, code, port), so the same document always reports the same list.
export class DiagnosticList {
  private readonly byKey = new Map<string, Diagnostic>();
  private readonly codesByNode = new Set<string>();

  // `fromNode`: reported by the node kind's own diagnose().
  add(diagnostic: Diagnostic, fromNode = false): void {
    const key = [diagnostic.code, diagnostic.nodeId ?? "", diagnostic.port ?? "", diagnostic.message].join("\u0000");
    if (this.byKey.has(key)) return;
    this.byKey.set(key, diagnostic);
    if (fromNode) this.codesByNode.add(`${diagnostic.nodeId ?? ""}\u0000${diagnostic.code}`);
  }

  // A node kind's own diagnose() knows its data best: generic checks defer to it for the same code.
  nodeReported(nodeId: string, code: string): boolean {
    return this.codesByNode.has(`${nodeId}\u0000${code}`);
  }

  sorted(): Diagnostic[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        compareStrings(a.nodeId ?? "", b.nodeId ?? "") ||
        compareStrings(a.code, b.code) ||
        compareStrings(a.port ?? "", b.port ?? "") ||
        compareStrings(a.message, b.message),
    );
  }
}
