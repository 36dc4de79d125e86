import type { Diagnostic } from "@/flows-runtime";

// "2 errors, 1 warning"; "No problems" when clean.
export function problemSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return "No problems";
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}

// Errors before warnings, otherwise in the compiler's (stable) order.
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => rank(a.diagnostic) - rank(b.diagnostic) || a.index - b.index)
    .map(({ diagnostic }) => diagnostic);
}

function rank(diagnostic: Diagnostic): number {
  return diagnostic.severity === "error" ? 0 : 1;
}
