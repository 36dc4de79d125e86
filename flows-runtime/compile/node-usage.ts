import type { AnyNodeKindDefinition } from "../nodes/find-node-kind";
import { parseTemplate } from "../template/template";

// What one node reads and writes, from its references() and the templates it renders.
export type NodeUsage = {
  readsVariables: Set<string>;
  readsFields: Set<string>;
  writesVariables: Set<string>;
  writesFields: Set<string>;
  templateErrors: { source: string; message: string }[];
};

export function nodeUsage(definition: AnyNodeKindDefinition, data: unknown): NodeUsage {
  const references = definition.references?.(data) ?? {};
  const usage: NodeUsage = {
    readsVariables: new Set(references.readsVariables ?? []),
    readsFields: new Set(references.readsFields ?? []),
    writesVariables: new Set(references.writesVariables ?? []),
    writesFields: new Set(references.writesFields ?? []),
    templateErrors: [],
  };
  for (const source of references.templates ?? []) {
    if (!source.includes("{{") && !source.includes("}}")) continue;
    const parsed = parseTemplate(source);
    if (!parsed.ok) {
      usage.templateErrors.push({ source, message: parsed.message });
      continue;
    }
    for (const reference of parsed.references) {
      if (reference.key === "") continue;
      if (reference.root === "vars") usage.readsVariables.add(reference.key);
      if (reference.root === "contact") usage.readsFields.add(reference.key);
    }
  }
  return usage;
}

export function emptyUsage(): NodeUsage {
  return { readsVariables: new Set(), readsFields: new Set(), writesVariables: new Set(), writesFields: new Set(), templateErrors: [] };
}
