import type { ChannelType } from "../channels/channel-type";
import { editorDocumentSchema, type EditorDocument } from "../graph/editor-doc";
import type { NodeKind } from "../nodes/registry";

export type DocDescription = {
  id?: string;
  name?: string;
  // Channels the flow runs on (default: all).
  channels?: readonly ChannelType[];
  // Declared variables, as keys or { key, label }.
  variables?: readonly (string | { key: string; label: string })[];
  fields?: readonly string[];
  // nodeId -> [kind, data]; data may be anything (tests of invalid data pass it as is).
  nodes: Readonly<Record<string, readonly [NodeKind | (string & {}), unknown?]>>;
  // "a -> b" follows a's "next" port; "q:yes -> b" follows port "yes".
  edges?: readonly string[];
};

// Builds an EditorDocument from a compact description, for tests (and the simulator's fixtures):
//   buildDoc({ nodes: { t: ["trigger", { anyMessage: true }], hi: ["message", { text: "Hi" }] }, edges: ["t -> hi"] })
// Nodes are placed on a diagonal; edge ids are "source:port->target".
export function buildDoc(description: DocDescription): EditorDocument {
  const nodes: Record<string, unknown> = {};
  Object.entries(description.nodes).forEach(([id, [kind, data]], index) => {
    nodes[id] = { id, kind, data: data ?? {}, position: { x: index * 280, y: index * 120 } };
  });
  const edges = (description.edges ?? []).map(parseEdge);
  return editorDocumentSchema.parse({
    schemaVersion: 1,
    id: description.id ?? "flow-test",
    nodes,
    edges,
    variables: (description.variables ?? []).map((variable) =>
      typeof variable === "string" ? { key: variable, label: variable } : variable,
    ),
    fields: description.fields ?? [],
    settings: {
      name: description.name ?? "Test flow",
      ...(description.channels ? { channels: description.channels } : {}),
    },
  });
}

function parseEdge(spec: string): { id: string; source: string; sourcePort: string; target: string } {
  const match = /^\s*([^\s:]+)(?::(\S+))?\s*->\s*(\S+)\s*$/u.exec(spec);
  if (!match) throw new Error(`buildDoc: cannot read edge "${spec}" (expected "a -> b" or "a:port -> b")`);
  const [, source = "", sourcePort = "next", target = ""] = match;
  return { id: `${source}:${sourcePort}->${target}`, source, sourcePort, target };
}
