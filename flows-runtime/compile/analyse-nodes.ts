import { compareStrings } from "../graph/queries";
import { analysedObject, analyseNode } from "./analyse-node";
import type { CompiledNode } from "./compiled-node";
import { RecentByContent } from "./recent-by-content";

// Past this many nodes not seen as objects before, the whole record is looked up by its content first.
const MANY_UNSEEN = 64;

// Every node of a document, analysed, in id order. The builder's store keeps unchanged nodes as the same
// objects, so most are found by identity (analyseNode). A document read again from the database has
// only new objects: then the whole record, compared with those of the last documents, finds the analyses
// of a document with exactly these nodes, instead of 5,000 keys and lookups.
export function analyseNodes(nodes: Readonly<Record<string, unknown>>): readonly CompiledNode[] {
  const ids = Object.keys(nodes).sort(compareStrings);
  let unseen = 0;
  for (const id of ids) if (!analysedObject(id, nodes[id]) && ++unseen >= MANY_UNSEEN) break;
  const known = unseen >= MANY_UNSEEN ? byRecord.find(nodes) : undefined;
  if (known) return known;
  const compiled = ids.map((id) => analyseNode(id, nodes[id]));
  if (unseen >= MANY_UNSEEN) byRecord.remember(nodes, compiled);
  return compiled;
}

// The node records of the last 2 documents compiled in full.
const byRecord = new RecentByContent<readonly CompiledNode[]>(2);
