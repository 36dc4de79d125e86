import { Position, type Node } from "@xyflow/react";
import { describeNode } from "../nodes/describe-node";
import { FLOW_NODE_WIDTH } from "../nodes/flow-node";
import { layoutNodeHeight } from "../store/auto-layout";

type Estimate = { measured: { width: number; height: number }; handles: NonNullable<Node["handles"]> };

// React Flow draws every node it has no handle positions for, to measure it: at mount that is the
// whole flow (500 or 2,000 full nodes rendered and laid out once), though onlyRenderVisibleElements
// then keeps only the few on screen. A node handed over with an estimated size and handles counts as
// measured, so only the nodes in view are drawn; React Flow measures each one when it first draws it,
// and canvasNodes then passes the real size (and no handles: React Flow keeps those it measured). An
// edge to a node still off screen ends at the estimated handle, where nobody sees it. A size, not
// initialWidth/initialHeight: fitView() waits until every node has a measured size.
const HANDLE = 10;
// FlowNode's port rows: 24 px each, in a list with 4 px of padding below, the handle centred on its row.
const PORT_ROW = 24;
const PORT_LIST_PADDING = 4;
// FlowNode's input handle sits at top: 22 px on its left edge.
const TARGET_TOP = 22;

const cache = new WeakMap<object, Map<string, Estimate>>();

export function unmeasuredNode(kind: string, data: unknown): Estimate {
  if (typeof data !== "object" || data === null) return estimate(kind, data);
  let byKind = cache.get(data);
  if (!byKind) cache.set(data, (byKind = new Map()));
  let value = byKind.get(kind);
  if (!value) byKind.set(kind, (value = estimate(kind, data)));
  return value;
}

function estimate(kind: string, data: unknown): Estimate {
  const { ports } = describeNode(kind, data);
  const height = layoutNodeHeight(ports.length);
  const target = kind === "trigger" ? [] : [{ type: "target" as const, position: Position.Left, x: -HANDLE / 2, y: TARGET_TOP - HANDLE / 2, width: HANDLE, height: HANDLE }];
  const sources = ports.map((port, index) => ({
    id: port.id,
    type: "source" as const,
    position: Position.Right,
    x: FLOW_NODE_WIDTH - HANDLE / 2,
    y: height - PORT_LIST_PADDING - (ports.length - index - 0.5) * PORT_ROW - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  }));
  return { measured: { width: FLOW_NODE_WIDTH, height }, handles: [...target, ...sources] };
}
