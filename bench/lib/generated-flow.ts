import { buildDoc } from "@/flows-runtime/testing/build-doc";
import type { EditorDocument } from "@/flows-runtime";

// A flow of `size` steps shaped like real ones: a trigger, then rounds of a question with three
// choices, a tag per choice and a message, chained; every port connected, so it compiles clean.
// `variant` marks every text, so the flow's content is one compile() has not seen (its caches cannot
// answer); without it the flow is always the same.
export function generatedFlow(size: number, variant = ""): EditorDocument {
  const nodes: Record<string, readonly [string, unknown]> = { t: ["trigger", { anyMessage: true }] };
  const edges: string[] = [];
  let previous = "t";
  let count = 1;
  for (let round = 0; count < size; round++) {
    const q = `q${round}`;
    nodes[q] = ["question", { prompt: `Question ${round}?${variant}`, answerType: "choice", choices: [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }] }];
    edges.push(`${previous} -> ${q}`);
    const m = `m${round}`;
    nodes[m] = ["message", { text: `Thanks for answer ${round}${variant}` }];
    for (const choice of ["a", "b", "c"]) {
      const tag = `tag${round}${choice}`;
      nodes[tag] = ["tag", { add: [`r${round}-${choice}`] }];
      edges.push(`${q}:${choice} -> ${tag}`, `${tag} -> ${m}`);
    }
    edges.push(`${q}:invalid -> ${m}`);
    previous = m;
    count += 5;
  }
  return buildDoc({ name: `Generated ${size}`, nodes, edges });
}
