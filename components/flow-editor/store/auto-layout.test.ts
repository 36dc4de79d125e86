import { describe, expect, it } from "vitest";
import { computeAutoLayout, LAYOUT_NODE_WIDTH } from "./auto-layout";
import { testDocument } from "./test-document";

describe("computeAutoLayout", () => {
  it("lays the flow out left to right without overlaps, keeping choice order top to bottom", async () => {
    const doc = testDocument();
    const positions = await computeAutoLayout(doc);
    expect(Object.keys(positions).sort()).toEqual(Object.keys(doc.nodes).sort());
    const x = (id: string) => positions[id]!.x;
    const y = (id: string) => positions[id]!.y;
    // Every connection points rightwards, at least a node's width further.
    for (const edge of doc.edges) expect(x(edge.target)).toBeGreaterThanOrEqual(x(edge.source) + LAYOUT_NODE_WIDTH);
    // "pizza" is the question's first choice, so the step it leads to sits above the "pasta" one.
    expect(y("check")).toBeLessThan(y("ab"));
  });

  it("returns nothing for an empty flow", async () => {
    expect(await computeAutoLayout({ ...testDocument(), nodes: {}, edges: [] })).toEqual({});
  });
});
