import { compareStrings } from "../graph/queries";
import { analysedObject, analyseNode } from "./analyse-node";
import type { CompiledNode } from "./compiled-node";
import { contentKey } from "./content-key";
import { RecentCache } from "./recent-cache";

// Past this many nodes not seen as objects before, the whole record is looked up by its content first.
const MANY_UNSEEN = 64;

// Every node of a document, analysed, in id order. The builder's store keeps unchanged nodes as the same
// objects, so most are found by identity (analyseNode). A document read again from the database has
// only new objects: then one content key for the whole record (one JSON.stringify of it) finds the
// analyses of the last few documents with exactly these nodes, instead of 5,000 keys and lookups.
export function analyseNodes(nodes: Readonly<Record<string, unknown>>): readonly CompiledNode[] {
  const ids = Object.keys(nodes).sort(compareStrings);
  let unseen = 0;
  for (const id of ids) if (!analysedObject(id, nodes[id]) && ++unseen >= MANY_UNSEEN) break;
  const key = unseen >= MANY_UNSEEN ? contentKey(nodes) : undefined;
  const known = key === undefined ? undefined : byRecord.get(key);
  if (known) return known;
  const compiled = ids.map((id) => analyseNode(id, nodes[id]));
  if (key !== undefined) byRecord.set(key, compiled);
  return compiled;
}

// The node records of the last 2 to 4 documents compiled in full.
const byRecord = new RecentCache<readonly CompiledNode[]>(2);
