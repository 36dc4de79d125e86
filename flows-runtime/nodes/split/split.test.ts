import { describe, expect, it } from "vitest";
import { fakeRunContext } from "../../testing/fake-run-context";
import { splitNode } from "./split";

const diagnoseCtx = { nodeId: "split-1", knownFields: new Set<string>(), knownVariables: new Set<string>(), channels: [] as const };

function data(input: unknown) {
  return splitNode.data.parse(input);
}

describe("split node", () => {
  it("defaults to a 50/50 A/B split with one port per branch", () => {
    const d = data({});
    expect(splitNode.ports(d)).toEqual(["a", "b"]);
    expect(splitNode.diagnose?.(d, diagnoseCtx)).toEqual([]);
  });

  it("sends traffic by weight using ctx.random", () => {
    const d = data({ branches: [{ id: "x", label: "X", weight: 1 }, { id: "y", label: "Y", weight: 3 }] });
    const port = (roll: number) => {
      const result = splitNode.run(d, fakeRunContext({ random: () => roll }));
      return result.outcome === "next" ? result.port : result.outcome;
    };
    expect(port(0)).toBe("x");
    expect(port(0.2499)).toBe("x");
    expect(port(0.25)).toBe("y");
    expect(port(0.9999)).toBe("y");
  });

  it("never picks a branch with weight 0", () => {
    const d = data({ branches: [{ id: "off", weight: 0 }, { id: "on", weight: 2 }] });
    for (const roll of [0, 0.3, 0.99]) {
      const result = splitNode.run(d, fakeRunContext({ random: () => roll }));
      expect(result).toMatchObject({ outcome: "next", port: "on" });
    }
    expect(splitNode.requiredPorts?.(d)).toEqual(["on"]);
  });

  it("sticky: the same contact always lands in the same branch whatever ctx.random says", () => {
    const d = data({ sticky: true });
    const portFor = (contactId: string, roll: number, nodeId = "split-1") => {
      const result = splitNode.run(d, fakeRunContext({ nodeId, contact: { id: contactId }, random: () => roll }));
      return result.outcome === "next" ? result.port : "none";
    };
    for (const id of ["c1", "c2", "c3", "contact-42"]) {
      expect(portFor(id, 0)).toBe(portFor(id, 0.99));
    }
    // Across many contacts the 50/50 split is roughly honoured.
    const counts = { a: 0, b: 0 } as Record<string, number>;
    for (let i = 0; i < 2000; i++) counts[portFor(`contact-${i}`, 0)]! += 1;
    expect(counts.a).toBeGreaterThan(850);
    expect(counts.b).toBeGreaterThan(850);
  });

  it("reports zero total weight, duplicate labels and an empty split", () => {
    const zero = data({ branches: [{ id: "a", label: "Same", weight: 0 }, { id: "b", label: " same ", weight: 0 }] });
    const codes = splitNode.diagnose?.(zero, diagnoseCtx).map((d) => d.code);
    expect(codes).toEqual(["zero_total_weight", "duplicate_branch_label"]);
    expect(splitNode.diagnose?.(data({ branches: [] }), diagnoseCtx)).toMatchObject([{ code: "no_branches", severity: "error" }]);
    expect(splitNode.run(zero, fakeRunContext())).toMatchObject({ outcome: "end", actions: [{ type: "error", code: "split_no_branch" }] });
  });

  it("rejects negative weights in the data schema", () => {
    expect(splitNode.data.safeParse({ branches: [{ id: "a", weight: -1 }] }).success).toBe(false);
  });
});
