import { isNodeKind, nodeKindUi } from "@/components/flow-editor/nodes/registry";

// Canvas units of a node box in the preview: the canvas draws nodes 240 wide and roughly this tall.
const NODE_WIDTH = 240;
const NODE_HEIGHT = 96;
const PADDING = 48;
const UNKNOWN_ACCENT = "#94a3b8";

// Only what the preview draws, so a document as it arrives over the wire (JSON, not parsed) fits.
export type PreviewDocument = {
  nodes: Record<string, { id: string; kind: string; position: { x: number; y: number } }>;
  edges: { id: string; source: string; target: string }[];
};

// A flow at a glance: each node as a box in its kind's colour at its canvas position, edges as lines
// from the right of the source to the left of the target. Scales to whatever box it is drawn in.
export function FlowPreview({ document, className = "" }: { document: PreviewDocument; className?: string }) {
  const nodes = Object.values(document.nodes);
  if (nodes.length === 0) {
    return (
      <div className={`grid place-items-center text-xs text-slate-400 ${className}`} data-testid="flow-preview">
        Empty canvas
      </div>
    );
  }
  const xs = nodes.map((node) => node.position.x);
  const ys = nodes.map((node) => node.position.y);
  const minX = Math.min(...xs) - PADDING;
  const minY = Math.min(...ys) - PADDING;
  const width = Math.max(...xs) + NODE_WIDTH + PADDING - minX;
  // Never flatter than 2.5:1, so a one-row flow still reads as boxes, not hairlines.
  const height = Math.max(Math.max(...ys) + NODE_HEIGHT + PADDING - minY, width / 2.5);

  return (
    <svg
      viewBox={`${minX} ${minY} ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      className={className}
      role="img"
      aria-label={`Preview: ${nodes.length} step${nodes.length === 1 ? "" : "s"}`}
      data-testid="flow-preview"
    >
      <g stroke="#cbd5e1" strokeWidth={6} fill="none">
        {document.edges.map((edge) => {
          const source = document.nodes[edge.source];
          const target = document.nodes[edge.target];
          if (!source || !target) return null;
          const x1 = source.position.x + NODE_WIDTH;
          const y1 = source.position.y + NODE_HEIGHT / 2;
          const x2 = target.position.x;
          const y2 = target.position.y + NODE_HEIGHT / 2;
          const bend = Math.max(40, Math.abs(x2 - x1) / 2);
          return <path key={edge.id} d={`M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`} />;
        })}
      </g>
      {nodes.map((node) => {
        const accent = isNodeKind(node.kind) ? nodeKindUi[node.kind].accent : UNKNOWN_ACCENT;
        return (
          <g key={node.id} transform={`translate(${node.position.x} ${node.position.y})`}>
            <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={16} fill="#ffffff" stroke={accent} strokeWidth={6} />
            <rect width={NODE_WIDTH} height={22} rx={10} fill={accent} />
            <rect x={24} y={44} width={NODE_WIDTH * 0.6} height={14} rx={7} fill="#e2e8f0" />
          </g>
        );
      })}
    </svg>
  );
}
