import { describe, expect, it } from "vitest";
import { nodeKinds } from "@/flows-runtime";
import { describeNode } from "./describe-node";
import { nodeKindUi } from "./registry";

describe("describeNode", () => {
  it("labels a question's choice handles with the choice labels, then invalid and timeout", () => {
    const data = {
      prompt: "What brings you here?",
      answerType: "choice",
      choices: [
        { id: "pricing", label: "Pricing and plans" },
        { id: "support", label: "" },
      ],
    };
    const description = describeNode("question", data);
    expect(description.ports).toEqual([
      { id: "pricing", label: "Pricing and plans" },
      // No label yet: the port's id still names it.
      { id: "support", label: "Support" },
      { id: "invalid", label: "Invalid" },
      { id: "timeout", label: "Timeout" },
    ]);
  });

  it("names unlabelled condition rules by position and keeps else last", () => {
    const data = { rules: [{ id: "r1", label: "VIP", all: [] }, { id: "r2", all: [] }] };
    expect(describeNode("condition", data).ports.map((port) => port.label)).toEqual(["VIP", "Rule 2", "Else"]);
  });

  it("reads port names as words", () => {
    expect(describeNode("faq", {}).ports.map((port) => port.label)).toEqual(["Answered", "No match"]);
  });

  it("flags data that does not parse, and unknown kinds, without throwing", () => {
    expect(describeNode("wait", { amount: "soon" })).toMatchObject({ known: true, parsed: false, ports: [] });
    expect(describeNode("teleport", {})).toMatchObject({ known: false, parsed: false });
  });

  it("has a canvas entry for every engine node kind", () => {
    expect(Object.keys(nodeKindUi).sort()).toEqual(nodeKinds.map((kind) => kind.kind).sort());
  });
});
