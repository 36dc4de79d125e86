import type { CompiledNode } from "./compiled-node";
import type { DiagnosticList } from "./diagnostic-list";

// Template syntax errors, and fields or variables that nothing in the workspace or flow defines.
// `knownFields` is undefined when the caller did not say which custom fields exist: then fields are
// not checked rather than flagged wholesale.
export function checkReferences(
  nodes: readonly CompiledNode[],
  knownFields: ReadonlySet<string> | undefined,
  knownVariables: ReadonlySet<string>,
  diagnostics: DiagnosticList,
): void {
  for (const node of nodes) {
    const { id, usage } = node;
    if (!diagnostics.nodeReported(id, "template_error")) {
      for (const problem of usage.templateErrors) {
        diagnostics.add({ code: "template_error", severity: "error", nodeId: id, message: `The text "${clip(problem.source)}" has a mistake: ${problem.message}.` });
      }
    }
    if (knownFields && !diagnostics.nodeReported(id, "unknown_field")) {
      for (const field of [...usage.readsFields, ...usage.writesFields]) {
        if (knownFields.has(field)) continue;
        diagnostics.add({
          code: "unknown_field",
          severity: "error",
          nodeId: id,
          message: `This step uses the contact field "${field}", which does not exist in this workspace: create the field or fix the name.`,
        });
      }
    }
    if (!diagnostics.nodeReported(id, "unknown_variable")) {
      for (const variable of usage.readsVariables) {
        if (knownVariables.has(variable)) continue;
        diagnostics.add({
          code: "unknown_variable",
          severity: "error",
          nodeId: id,
          message: `This step uses the variable "${variable}", which this flow never declares or sets: declare it, set it in an earlier step, or fix the name.`,
        });
      }
    }
  }
}

function clip(source: string): string {
  return source.length > 60 ? `${source.slice(0, 57)}...` : source;
}
