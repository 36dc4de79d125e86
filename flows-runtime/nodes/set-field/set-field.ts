import { z } from "zod";
import { defineNodeKind, type DiagnosticDraft, type NodeReferences } from "../define-node-kind";

export const setFieldDataSchema = z.object({
  // A contact field (kept on the contact, visible to agents) or a flow variable (this session only).
  target: z.enum(["field", "variable"]).default("variable"),
  // The field's or variable's stable key; empty until the marketer picks one (reported by diagnose).
  key: z.string().trim().default(""),
  // Template: "{{contact.first_name}} from {{vars.company}}".
  value: z.string().default(""),
});
export type SetFieldData = z.infer<typeof setFieldDataSchema>;

export const setFieldNode = defineNodeKind({
  kind: "set_field",
  data: setFieldDataSchema,
  ports: () => ["next"],
  waits: () => false,
  references: (data) => setFieldReferences(data),
  diagnose: (data) => diagnoseSetField(data),
  run: (data, ctx) => {
    if (data.key === "") return { outcome: "next", port: "next", note: "nothing set: no field or variable chosen" };
    const value = ctx.template(data.value);
    if (data.target === "field") {
      return {
        outcome: "next",
        port: "next",
        note: `contact.${data.key} = "${value}"`,
        actions: [{ type: "set_field", nodeId: ctx.nodeId, field: data.key, value }],
      };
    }
    return { outcome: "next", port: "next", note: `vars.${data.key} = "${value}"`, variables: { [data.key]: value } };
  },
});

function setFieldReferences(data: SetFieldData): NodeReferences {
  const writes = data.key === "" ? [] : [data.key];
  return {
    templates: [data.value],
    ...(data.target === "field" ? { writesFields: writes } : { writesVariables: writes }),
  };
}

function diagnoseSetField(data: SetFieldData): DiagnosticDraft[] {
  if (data.key !== "") return [];
  return [{
    code: "missing_target",
    severity: "error",
    message: `Choose which ${data.target === "field" ? "contact field" : "variable"} this step sets.`,
  }];
}
