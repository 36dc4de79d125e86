"use client";

import { Handle, Position, useStore, useUpdateNodeInternals, type Node, type NodeProps, type ReactFlowState } from "@xyflow/react";
import { memo, useEffect, useRef, type ComponentType, type CSSProperties } from "react";
import { useSimulatorHighlight } from "@/components/simulator/simulator-highlight";
import { useFlowEditor } from "../store/flow-editor-context";
import { describeNode, type NodePort } from "./describe-node";
import { nodeIcons } from "./node-icons";
import { nodeProblemsKey, readNodeProblems, type NodeProblems } from "./node-problems";

// What a canvas node carries: the document's kind and data, nothing run-time (see DESIGN.md §4).
export type FlowNodeData = { kind: string; data: unknown };
export type FlowCanvasNode = Node<FlowNodeData, "flow">;

export const FLOW_NODE_WIDTH = 240;
// Level of detail: on big flows, zoomed out, nodes draw as plain boxes so zooming stays smooth.
export const LOD_NODE_COUNT = 1000;
export const LOD_MAX_ZOOM = 0.45;
const lodSelector = (state: ReactFlowState) => state.transform[2] < LOD_MAX_ZOOM && state.nodeLookup.size > LOD_NODE_COUNT;

// The one node type of the canvas: every kind renders through here, its content from the UI registry.
export const FlowNode = memo(function FlowNode({ id, data, selected }: NodeProps<FlowCanvasNode>) {
  const description = describeNode(data.kind, data.data);
  const lod = useStore(lodSelector);
  // A primitive key, so a node re-renders only when its own problems change, not on every compile.
  const problems = readNodeProblems(useFlowEditor((state) => nodeProblemsKey(state.diagnostics, id)));
  const simulated = useSimulatorHighlight(id);
  useRefreshHandles(id, description.ports);

  const accent = description.known ? description.ui.accent : "#94a3b8";
  const hasTarget = description.kind !== "trigger";
  if (lod) return <NodePlaceholder id={id} accent={accent} ports={description.ports} hasTarget={hasTarget} simulated={simulated} />;

  const Icon = description.known ? description.ui.Icon : nodeIcons.unknown;
  const label = description.known ? description.ui.label : `Unknown step (${description.kind})`;
  const Summary = description.known && description.parsed ? (description.ui.Summary as ComponentType<{ data: unknown }>) : null;
  const border = problems.errors > 0 ? "border-rose-300" : problems.warnings > 0 ? "border-amber-300" : "border-slate-200";

  return (
    <div
      data-testid="flow-node"
      data-kind={description.kind}
      data-simulator={simulated ?? undefined}
      className={`relative rounded-lg border bg-white shadow-sm transition-shadow ${border} ${
        selected ? "shadow-md ring-2 ring-indigo-500 ring-offset-1" : simulated === "active" ? "shadow-md ring-4 ring-emerald-400" : simulated === "visited" ? "ring-2 ring-emerald-200" : "hover:shadow-md"
      }`}
      style={{ width: FLOW_NODE_WIDTH }}
    >
      <div className="h-1 rounded-t-lg" style={{ backgroundColor: accent }} />
      {hasTarget && <Handle type="target" position={Position.Left} style={targetHandleStyle} data-port="in" />}
      <header className="flex items-center gap-2 px-3 pt-2 pb-1">
        <span className="grid size-6 shrink-0 place-items-center rounded-md" style={{ backgroundColor: `${accent}1a`, color: accent }}>
          <Icon className="size-3.5" />
        </span>
        <span className="min-w-0 flex-1 truncate text-[13px] font-semibold text-slate-900">{label}</span>
        <ProblemBadge problems={problems} />
      </header>
      <div className="px-3 pb-2">
        {Summary ? (
          <Summary data={description.parsed ? description.data : undefined} />
        ) : (
          <div className="rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-800" data-testid="needs-attention">
            <p className="font-medium">Needs attention</p>
            <p className="text-[11px] text-amber-700">
              {description.known ? "This step's settings are incomplete. Select it to fix them." : "This builder doesn't know this kind of step."}
            </p>
          </div>
        )}
      </div>
      {description.ports.length > 0 && (
        <ul className="border-t border-slate-100 py-1">
          {description.ports.map((port) => (
            <li key={port.id} className="relative flex h-6 items-center justify-end pr-3 pl-3">
              <span
                className={`truncate text-[11px] ${problems.ports.includes(port.id) ? "font-medium text-rose-600" : "text-slate-500"}`}
                title={port.label}
              >
                {port.label}
              </span>
              <Handle type="source" position={Position.Right} id={port.id} data-port={port.id} style={sourceHandleStyle(accent)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

function ProblemBadge({ problems }: { problems: NodeProblems }) {
  if (problems.errors === 0 && problems.warnings === 0) return null;
  return (
    <span
      className="flex shrink-0 gap-1"
      data-testid="node-problem-badge"
      data-severity={problems.errors > 0 ? "error" : "warning"}
      title={problems.messages.join("\n")}
    >
      {problems.errors > 0 && (
        <span data-severity="error" className="grid h-5 min-w-5 place-items-center rounded-full bg-rose-600 px-1.5 text-[11px] font-semibold text-white">
          {problems.errors}
        </span>
      )}
      {problems.warnings > 0 && (
        <span data-severity="warning" className="grid h-5 min-w-5 place-items-center rounded-full bg-amber-400 px-1.5 text-[11px] font-semibold text-amber-950">
          {problems.warnings}
        </span>
      )}
    </span>
  );
}

// The same footprint and handles as the full node, drawn as a plain box: at this zoom text is unreadable
// anyway, and keeping the size means React Flow need not re-measure anything.
function NodePlaceholder({ id, accent, ports, hasTarget, simulated }: { id: string; accent: string; ports: NodePort[]; hasTarget: boolean; simulated: "active" | "visited" | null }) {
  const height = useStore((state) => state.nodeLookup.get(id)?.measured.height) ?? 80;
  const ring = simulated === "active" ? "ring-8 ring-emerald-400" : simulated === "visited" ? "ring-4 ring-emerald-200" : "";
  return (
    <div data-simulator={simulated ?? undefined} className={`relative rounded-lg border-2 bg-white ${ring}`} style={{ width: FLOW_NODE_WIDTH, height, borderColor: accent }}>
      <div className="h-5" style={{ backgroundColor: accent }} />
      {hasTarget && <Handle type="target" position={Position.Left} style={{ ...targetHandleStyle, opacity: 0 }} />}
      {ports.map((port, index) => (
        <Handle
          key={port.id}
          type="source"
          position={Position.Right}
          id={port.id}
          style={{ ...sourceHandleStyle(accent), opacity: 0, top: `${((index + 1) / (ports.length + 1)) * 100}%` }}
        />
      ))}
    </div>
  );
}

// Ports come and go with the data (a choice added in the inspector): React Flow must re-read handles.
function useRefreshHandles(id: string, ports: readonly NodePort[]) {
  const updateNodeInternals = useUpdateNodeInternals();
  const key = ports.map((port) => port.id).join("\u0000");
  // Compared with the last key rather than "skip the first run": the first measure happens anyway when
  // the node mounts, and effects run twice in development.
  const measuredKey = useRef(key);
  useEffect(() => {
    if (measuredKey.current === key) return;
    measuredKey.current = key;
    updateNodeInternals(id);
  }, [id, key, updateNodeInternals]);
}

const targetHandleStyle: CSSProperties = {
  width: 10,
  height: 10,
  top: 22,
  background: "#fff",
  border: "2px solid #94a3b8",
};

function sourceHandleStyle(accent: string): CSSProperties {
  return { width: 10, height: 10, background: "#fff", border: `2px solid ${accent}` };
}
