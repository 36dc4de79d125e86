import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@/flows-runtime";
import { nodeProblemsKey, readNodeProblems } from "./node-problems";

const diagnostics: Diagnostic[] = [
  { code: "unconnected_port", severity: "error", nodeId: "q", port: "pricing", message: "Connect pricing" },
  { code: "channel_limit", severity: "warning", nodeId: "q", message: "LINE shows 4 buttons" },
  { code: "empty_message", severity: "error", nodeId: "m", message: "Empty" },
  { code: "no_trigger", severity: "error", message: "No trigger" },
];

describe("node problems", () => {
  it("counts a node's errors and warnings and names the ports at fault", () => {
    expect(readNodeProblems(nodeProblemsKey(diagnostics, "q"))).toEqual({
      errors: 1,
      warnings: 1,
      messages: ["Connect pricing", "LINE shows 4 buttons"],
      ports: ["pricing"],
    });
  });

  it("gives an equal key for an unchanged node after a recompile, so its badge does not re-render", () => {
    const recompiled = diagnostics.map((diagnostic) => ({ ...diagnostic }));
    expect(nodeProblemsKey(recompiled, "q")).toBe(nodeProblemsKey(diagnostics, "q"));
  });

  it("reports nothing for a node without problems", () => {
    expect(readNodeProblems(nodeProblemsKey(diagnostics, "ok"))).toMatchObject({ errors: 0, warnings: 0 });
  });
});
