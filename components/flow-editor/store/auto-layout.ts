import type ELK from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { EditorDocument } from "@/flows-runtime";
import type { XY } from "./flow-editor-types";
import { nodePorts } from "./edits/node-ports";

// Roughly the size a canvas node draws at: a header plus one row per output port.
export const LAYOUT_NODE_WIDTH = 240;
export function layoutNodeHeight(portCount: number): number {
  return 80 + 24 * portCount;
}

// Loaded on the first auto-layout: ELK is 1.6 MB of JavaScript that every opening of the editor
// would otherwise download and compile before the canvas could draw.
let elk: Promise<InstanceType<typeof ELK>> | undefined;
const loadElk = () =>
  (elk ??= import("elkjs/lib/elk.bundled.js").then(
    ({ default: Elk }) => new Elk(),
    (error: unknown) => {
      // A failed download is tried again on the next auto-layout.
      elk = undefined;
      throw error;
    },
  ));

// Left-to-right layered positions for every node. Output ports keep their display order on the right
// side, so a question's first choice stays above its second and edges do not cross needlessly.
export async function computeAutoLayout(doc: EditorDocument): Promise<Record<string, XY>> {
  const ids = Object.keys(doc.nodes);
  if (ids.length === 0) return {};
  const portsById = new Map(ids.map((id) => [id, nodePorts(doc.nodes[id] as EditorDocument["nodes"][string]) ?? []]));
  const children: ElkNode[] = ids.map((id) => {
    const ports = portsById.get(id) ?? [];
    return {
      id,
      width: LAYOUT_NODE_WIDTH,
      height: layoutNodeHeight(ports.length),
      ...(ports.length > 0 ? { layoutOptions: { "elk.portConstraints": "FIXED_ORDER" } } : {}),
      ports: ports.map((port, index) => ({
        id: elkPortId(id, port),
        width: 8,
        height: 8,
        // On the east side, FIXED_ORDER counts clockwise from the top: index 0 is the topmost port.
        layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(index) },
      })),
    };
  });
  const edges: ElkExtendedEdge[] = doc.edges.flatMap((edge) => {
    if (!doc.nodes[edge.source] || !doc.nodes[edge.target]) return [];
    // An edge from a port the node no longer has (data mid-edit) still pulls its nodes together.
    const known = portsById.get(edge.source)?.includes(edge.sourcePort);
    return [{ id: edge.id, sources: [known ? elkPortId(edge.source, edge.sourcePort) : edge.source], targets: [edge.target] }];
  });
  const laidOut = await (await loadElk()).layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "48",
      "elk.layered.spacing.nodeNodeBetweenLayers": "96",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.padding": "[top=40,left=40,bottom=40,right=40]",
    },
    children,
    edges,
  });
  const positions: Record<string, XY> = {};
  for (const child of laidOut.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}

function elkPortId(nodeId: string, port: string): string {
  return `${nodeId}::${port}`;
}
