import { describe, expect, it } from "vitest";
import { buildDoc, type DocDescription } from "../testing/build-doc";
import { compile } from "./compile";

// A long onboarding-style chain with questions that loop back: messages with buttons, set_field,
// tags and choice questions, on every channel. Guards against quadratic checks creeping in; the
// absolute budget is loose because CI machines vary (measured on 2 cores: ~25 ms / 1,000 nodes and
// ~100 ms / 5,000 nodes when recompiling an edited document, ~150 ms / 1,000 nodes cold).
function bigFlow(size: number): DocDescription {
  const nodes: Record<string, readonly [string, unknown]> = { t: ["trigger", { anyMessage: true }] };
  const edges: string[] = [];
  let previous = "t:next";
  for (let i = 0; i < size - 1; i++) {
    const id = `n${i}`;
    const kind = i % 4;
    nodes[id] =
      kind === 0 ? ["message", { text: `Hello {{contact.first_name}} (${i})`, choices: [{ id: "a", label: "Yes" }, { id: "b", label: "No" }] }]
      : kind === 1 ? ["set_field", { key: `v${i % 20}`, value: "{{vars.v1}} x" }]
      : kind === 2 ? ["tag", { add: ["vip"] }]
      : ["question", { prompt: "Pick {{vars.v1}}", answerType: "choice", choices: [{ id: "a", label: "A" }, { id: "b", label: "B" }] }];
    edges.push(`${previous} -> ${id}`);
    if (kind === 3) edges.push(`${id}:b -> t`);
    previous = kind === 3 ? `${id}:a` : `${id}:next`;
  }
  return { nodes, edges };
}

function timeRecompile(size: number): number {
  const doc = buildDoc(bigFlow(size));
  compile(doc, { knownFields: [] });
  const started = performance.now();
  for (let i = 0; i < 3; i++) compile(doc, { knownFields: [] });
  return (performance.now() - started) / 3;
}

describe("compile performance", () => {
  it("scales linearly with the number of nodes", () => {
    const small = timeRecompile(1000);
    const large = timeRecompile(5000);
    expect(large).toBeLessThan(1000);
    // Linear would be ~5x; a quadratic check would be ~25x.
    expect(large / Math.max(small, 1)).toBeLessThan(12);
  });

  it("reports on a 5,000-node flow without errors", () => {
    const { graph, diagnostics } = compile(buildDoc(bigFlow(5000)), { knownFields: [] });
    expect(Object.keys(graph?.nodes ?? {})).toHaveLength(5000);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
