import { describe, expect, it } from "vitest";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

function graphFor(sticky: boolean) {
  return buildGraph({
    nodes: {
      t: ["trigger", { anyMessage: true }],
      ab: ["split", { sticky, branches: [{ id: "a", label: "Short", weight: 1 }, { id: "b", label: "Long", weight: 1 }] }],
      short: ["message", { text: "A" }],
      long: ["message", { text: "B" }],
    },
    edges: ["t -> ab", "ab:a -> short", "ab:b -> long"],
  });
}

describe("split node through step()", () => {
  it("spreads contacts over both branches with ctx.random", () => {
    const graph = graphFor(false);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) seen.add(sentTexts(conversation(graph, { seed }).start({ text: "hi" }))[0] ?? "");
    expect(seen).toEqual(new Set(["A", "B"]));
  });

  it("sticky: a contact gets the same variant every time, whatever the random seed", () => {
    const graph = graphFor(true);
    for (const id of ["c-1", "c-2", "c-3"]) {
      const variants = new Set<string>();
      for (let seed = 1; seed <= 10; seed++) variants.add(sentTexts(conversation(graph, { seed, contact: { id } }).start({ text: "hi" }))[0] ?? "");
      expect(variants.size).toBe(1);
    }
  });
});
