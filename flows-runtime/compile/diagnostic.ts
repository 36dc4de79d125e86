import { z } from "zod";

// A problem compile() found, on the node (and port) that causes it, worded for the marketer who drew
// the flow. Errors block publishing; warnings are shown but do not.
export const diagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  nodeId: z.string().optional(),
  port: z.string().optional(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}
