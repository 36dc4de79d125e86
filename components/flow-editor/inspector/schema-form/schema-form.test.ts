import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nodeKinds } from "@/flows-runtime";
import { conditionClauseSchema } from "@/flows-runtime/nodes/condition/condition-rule";
import { questionDataSchema } from "@/flows-runtime/nodes/question/question-data";
import { initialValue, withDefaults } from "./initial-value";
import { issuesByPath } from "./issues-by-path";
import { labelForKey } from "./label-for-key";
import { newItem } from "./new-item";
import { setAt } from "./path-value";
import { defOf, unwrap } from "./schema-info";
import { switchVariant } from "./switch-variant";
import { widgetFor, type Widget } from "./widget-for";

// Every widget the form would render for a schema, walking into objects, lists and union variants.
function widgets(schema: z.ZodType, path: string, out: Map<string, Widget>): Map<string, Widget> {
  const widget = widgetFor(schema);
  out.set(path, widget);
  const { def, schema: inner } = unwrap(schema);
  if (widget === "object" || widget === "optional-object") {
    for (const [key, field] of Object.entries(defOf(inner).shape ?? {})) widgets(field, path ? `${path}.${key}` : key, out);
  }
  if (widget === "list" && def.element) widgets(def.element, `${path}.*`, out);
  if (widget === "union") def.options?.forEach((option, index) => widgets(option, `${path}|${index}`, out));
  return out;
}

describe("the generated inspector form", () => {
  it.each(nodeKinds.map((kind) => [kind.kind, kind] as const))("has a real input for every field of %s (no JSON fallback)", (_, kind) => {
    const all = widgets(kind.data, "", new Map());
    const fallbacks = [...all].filter(([, widget]) => widget === "json").map(([path]) => path);
    expect(fallbacks).toEqual([]);
  });

  it.each(nodeKinds.map((kind) => [kind.kind, kind] as const))("starts a new %s from data its schema accepts", (_, kind) => {
    expect(kind.data.safeParse(withDefaults(kind.data, initialValue(kind.data))).success).toBe(true);
  });

  it("picks inputs by type: text, select, number, tags, optional toggle", () => {
    const all = widgets(questionDataSchema, "", new Map());
    expect(all.get("prompt")).toBe("text");
    expect(all.get("answerType")).toBe("select");
    expect(all.get("maxAttempts")).toBe("number");
    expect(all.get("timeout")).toBe("optional-object");
    expect(all.get("choices")).toBe("list");
  });

  it("fills defaults in without rewriting what the marketer typed", () => {
    const filled = withDefaults(questionDataSchema, { prompt: "Your name? ", choices: [{ id: "c1" }] }) as Record<string, unknown>;
    expect(filled.prompt).toBe("Your name? ");
    expect(filled.maxAttempts).toBe(3);
    expect(filled.choices).toEqual([{ id: "c1", label: "" }]);
    expect(filled.timeout).toBeUndefined();
  });

  it("gives new choices fresh hidden ids so each is its own output port", () => {
    const element = unwrap(questionDataSchema.shape.choices).def.element as z.ZodType;
    const first = newItem(element, "choices", []);
    const second = newItem(element, "choices", [first]);
    expect(first).toEqual({ id: "choice_1", label: "" });
    expect(second).toEqual({ id: "choice_2", label: "" });
  });

  it("switches a condition's operator keeping the subject, with the value the new operator needs", () => {
    const options = defOf(conditionClauseSchema).options ?? [];
    const clause = { subject: { kind: "field", key: "plan" }, operator: "equals", value: "pro" };
    expect(switchVariant(options, "operator", "in", clause)).toEqual({ subject: { kind: "field", key: "plan" }, operator: "in", value: [] });
    expect(switchVariant(options, "operator", "is_set", clause)).toEqual({ subject: { kind: "field", key: "plan" }, operator: "is_set" });
    expect(switchVariant(options, "operator", "contains", clause)).toEqual(clause && { ...clause, operator: "contains" });
  });

  it("reports zod issues by field path in words a marketer understands", () => {
    const result = questionDataSchema.safeParse({ maxAttempts: 20, defaultCountry: "japan", min: "x" });
    const byPath = issuesByPath(result.error?.issues ?? []);
    expect(byPath.get("maxAttempts")).toEqual(["Must be at most 10."]);
    expect(byPath.get("defaultCountry")).toEqual(["Not in the expected format."]);
    expect(byPath.get("min")).toEqual(["Must be a number."]);
  });

  it("sets values by path immutably and removes cleared optional keys", () => {
    const data = { saveTo: { target: "variable", key: "" }, choices: [{ id: "a", label: "A" }] };
    const next = setAt(data, ["choices", 0, "label"], "B") as typeof data;
    expect(next.choices[0]?.label).toBe("B");
    expect(data.choices[0]?.label).toBe("A");
    expect(setAt(data, ["saveTo"], undefined)).toEqual({ choices: data.choices });
  });

  it("derives labels from keys", () => {
    expect(labelForKey("maxAttempts")).toBe("Max attempts");
    expect(labelForKey("timeoutMs")).toBe("Timeout (ms)");
    expect(labelForKey("url")).toBe("URL");
    expect(labelForKey("yes_no")).toBe("Yes no");
  });
});
