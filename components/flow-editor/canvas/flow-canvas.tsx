"use client";

import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState, type CSSProperties, type DragEvent } from "react";
import { FLOW_NODE_WIDTH, FlowNode, type FlowCanvasNode } from "../nodes/flow-node";
import { isNodeKind, nodeKindUi } from "../nodes/registry";
import { NODE_KIND_MIME } from "../palette/node-kind-drag";
import { useFlowEditor, useFlowEditorStore } from "../store/flow-editor-context";
import type { Selection, XY } from "../store/flow-editor-types";
import { canvasEdges, canvasNodes, type MeasuredSizes } from "./canvas-elements";
import { useBatchedRemoval } from "./use-batched-removal";
import { useFollowSimulation } from "./use-follow-simulation";
import { useInitialViewport } from "./use-initial-viewport";
import { GRID, snap } from "./use-place-at-center";

// Defined once at module level: a new object per render would make React Flow re-create every node.
const nodeTypes: NodeTypes = { flow: FlowNode };
const defaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: "#94a3b8" },
  style: { strokeWidth: 1.5 },
};
const snapGrid: [number, number] = [GRID, GRID];
const multiSelectionKeys = ["Shift", "Meta", "Control"];
const deleteKeys = ["Delete", "Backspace"];
const fitViewOptions = { padding: 0.2, maxZoom: 1 };
const canvasStyle = {
  "--xy-edge-stroke": "#94a3b8",
  "--xy-edge-stroke-selected": "#6366f1",
  "--xy-selection-background-color": "rgba(99, 102, 241, 0.08)",
  "--xy-selection-border": "1px solid rgba(99, 102, 241, 0.6)",
} as CSSProperties;
const minimapStyle = { width: 168, height: 112 };
const connectionLineStyle = { stroke: "#6366f1", strokeWidth: 2 };

// Self-loops never make sense in a chat flow (a question answering itself); cycles through other
// nodes are allowed and checked by compile().
const isValidConnection: IsValidConnection = (connection) => connection.source !== connection.target;

export function FlowCanvas() {
  const store = useFlowEditorStore();
  const { documentNodes, documentEdges, selection, readOnly } = useFlowEditor((state) => ({
    documentNodes: state.document.nodes,
    documentEdges: state.document.edges,
    selection: state.selection,
    readOnly: state.readOnly,
  }));
  // React Flow measures nodes and reports sizes as changes; in controlled mode they must be handed back.
  const [measured, setMeasured] = useState<MeasuredSizes>({});
  const nodes = useMemo(() => canvasNodes(documentNodes, selection, measured), [documentNodes, selection, measured]);
  const edges = useMemo(() => canvasEdges(documentEdges, selection), [documentEdges, selection]);
  const { screenToFlowPosition } = useReactFlow();
  const queueRemoval = useBatchedRemoval(store);
  useInitialViewport();
  useFollowSimulation();

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowCanvasNode>[]) => {
      const moves: { id: string; position: XY }[] = [];
      let dragEnded = false;
      const selected = new Map<string, boolean>();
      const removed: string[] = [];
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === "position" && change.position) {
          moves.push({ id: change.id, position: change.position });
          if (!change.dragging) dragEnded = true;
        } else if (change.type === "select") selected.set(change.id, change.selected);
        else if (change.type === "remove") removed.push(change.id);
        else if (change.type === "dimensions" && change.dimensions) sizes[change.id] = change.dimensions;
      }
      const state = store.getState();
      if (moves.length > 0) state.moveNodes(moves, dragEnded);
      if (selected.size > 0) state.setSelection(applySelection(state.selection, "nodeIds", selected));
      if (removed.length > 0) queueRemoval("nodes", removed);
      if (Object.keys(sizes).length > 0) setMeasured((previous) => ({ ...previous, ...sizes }));
    },
    [store, queueRemoval],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<Edge>[]) => {
      const selected = new Map<string, boolean>();
      const removed: string[] = [];
      for (const change of changes) {
        if (change.type === "select") selected.set(change.id, change.selected);
        else if (change.type === "remove") removed.push(change.id);
      }
      const state = store.getState();
      if (selected.size > 0) state.setSelection(applySelection(state.selection, "edgeIds", selected));
      if (removed.length > 0) queueRemoval("edges", removed);
    },
    [store, queueRemoval],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.sourceHandle) store.getState().connect(connection.source, connection.sourceHandle, connection.target);
    },
    [store],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = readOnly ? "none" : "copy";
    },
    [readOnly],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!isNodeKind(kind) || store.getState().readOnly) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the node by its header, as it held the palette item.
      store.getState().addNode(kind, { x: snap(point.x - FLOW_NODE_WIDTH / 2), y: snap(point.y - 20) });
    },
    [store, screenToFlowPosition],
  );

  return (
    <ReactFlow<FlowCanvasNode, Edge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      connectionLineStyle={connectionLineStyle}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      elementsSelectable
      deleteKeyCode={readOnly ? null : deleteKeys}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={multiSelectionKeys}
      selectionMode={SelectionMode.Partial}
      snapToGrid
      snapGrid={snapGrid}
      onlyRenderVisibleElements
      minZoom={0.1}
      maxZoom={2}
      style={canvasStyle}
      data-testid="flow-canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="#cbd5e1" />
      <MiniMap
        pannable
        zoomable
        nodeColor={minimapColor}
        nodeStrokeWidth={0}
        nodeBorderRadius={4}
        style={minimapStyle}
        className="rounded-md! border! border-slate-200! shadow-sm!"
      />
      <Controls showInteractive={false} fitViewOptions={fitViewOptions} className="shadow-sm!" />
      {nodes.length === 0 && (
        <div className="pointer-events-none absolute inset-0 grid place-items-center" data-testid="canvas-empty">
          <div className="max-w-xs rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center">
            <p className="text-sm font-medium text-slate-800">Start with a trigger</p>
            <p className="mt-1 text-xs text-slate-500">Drag a step from the left onto the canvas, or click it to add it here.</p>
          </div>
        </div>
      )}
    </ReactFlow>
  );
}

function applySelection(current: Selection, key: keyof Selection, changes: ReadonlyMap<string, boolean>): Selection {
  const ids = new Set(current[key]);
  for (const [id, isSelected] of changes) {
    if (isSelected) ids.add(id);
    else ids.delete(id);
  }
  return { ...current, [key]: [...ids] };
}

function minimapColor(node: FlowCanvasNode): string {
  return isNodeKind(node.data.kind) ? nodeKindUi[node.data.kind].accent : "#94a3b8";
}
