import { describe, expect, it } from "vitest";
import { buildDoc } from "../testing/build-doc";
import { compile } from "./compile";

const fields = [
  { key: "company_size", type: "number" },
  { key: "work_email", type: "email" },
  { key: "plan", type: "single_choice", options: ["Free", "Pro"] },
  { key: "company", type: "text" },
] as const;

function mismatches(nodes: Parameters<typeof buildDoc>[0]["nodes"], knownFields: Parameters<typeof compile>[1] = { knownFields: fields }) {
  const ids = Object.keys(nodes);
  const edges = ids.slice(1).map((id, index) => `${ids[index]}${index === 0 ? "" : ":answered"} -> ${id}`);
  const doc = buildDoc({ channels: ["webchat"], nodes: { t: ["trigger", { anyMessage: true }], ...nodes }, edges: [`t -> ${ids[0]}`, ...edges] });
  return compile(doc, knownFields).diagnostics.filter((diagnostic) => diagnostic.code === "field_type_mismatch");
}

describe("field type check", () => {
  it("warns when a question saves a text answer into a number field", () => {
    expect(mismatches({ q: ["question", { prompt: "How many people?", answerType: "text", saveTo: { target: "field", key: "company_size" } }] })).toEqual([
      { code: "field_type_mismatch", severity: "warning", nodeId: "q", message: expect.stringContaining('"company_size", a number field') },
    ]);
  });

  it("accepts answers that fit: number into number, email into email, anything into text", () => {
    expect(
      mismatches({
        a: ["question", { answerType: "number", saveTo: { target: "field", key: "company_size" } }],
        b: ["question", { answerType: "email", saveTo: { target: "field", key: "work_email" } }],
        c: ["question", { answerType: "date", saveTo: { target: "field", key: "company" } }],
      }),
    ).toEqual([]);
  });

  it("warns when a choice is not an option of the choice field it fills", () => {
    const choices = [{ id: "free", label: "Free" }, { id: "ent", label: "Enterprise" }];
    expect(mismatches({ q: ["question", { answerType: "choice", choices, saveTo: { target: "field", key: "plan" } }] })).toEqual([
      expect.objectContaining({ nodeId: "q", message: expect.stringContaining('"Enterprise" is not an option') }),
    ]);
  });

  it("checks set_field literals, but not values built from templates", () => {
    expect(mismatches({ s: ["set_field", { target: "field", key: "company_size", value: "many" }] })).toEqual([
      expect.objectContaining({ nodeId: "s", message: expect.stringContaining('"many" does not fit "company_size"') }),
    ]);
    expect(mismatches({ s: ["set_field", { target: "field", key: "company_size", value: "12" }] })).toEqual([]);
    expect(mismatches({ s: ["set_field", { target: "field", key: "plan", value: "Gold" }] })).toHaveLength(1);
    expect(mismatches({ s: ["set_field", { target: "field", key: "company_size", value: "{{vars.size}}" }], }).length).toBe(0);
  });

  it("keeps plain string keys working: unknown fields are still errors, types are not guessed", () => {
    const doc = buildDoc({
      channels: ["webchat"],
      nodes: { t: ["trigger", { anyMessage: true }], s: ["set_field", { target: "field", key: "company_size", value: "many" }] },
      edges: ["t -> s"],
    });
    const plain = compile(doc, { knownFields: ["company_size"] }).diagnostics;
    expect(plain.filter((diagnostic) => diagnostic.code === "field_type_mismatch")).toEqual([]);
    expect(plain.filter((diagnostic) => diagnostic.code === "unknown_field")).toEqual([]);
    const typed = compile(doc, { knownFields: fields }).diagnostics;
    expect(typed.filter((diagnostic) => diagnostic.code === "unknown_field")).toEqual([]);
  });
});
