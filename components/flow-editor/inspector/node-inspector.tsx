"use client";

import { useCallback, useMemo } from "react";
import { findNodeKind } from "@/flows-runtime";
import { isNodeKind, nodeKindUi } from "../nodes/registry";
import { ChannelPreview } from "../preview/channel-preview";
import { useFlowEditor } from "../store/flow-editor-context";
import { overridesFor } from "./field-overrides";
import { NodeDiagnostics } from "./node-diagnostics";
import { withDefaults } from "./schema-form/initial-value";
import { SchemaForm } from "./schema-form/schema-form";
import { variableOptions } from "./variable-options";

// The form for one node. Every keystroke is written to the store even when it does not parse yet, so
// nothing typed is lost; zod's issues show beside their fields and the compiler's at the top.
export function NodeInspector({ nodeId }: { nodeId: string }) {
  // `committed`, not `document`: dragging the node must not rebuild its form and every node's variables each frame.
  const node = useFlowEditor((state) => state.committed.nodes[nodeId]);
  const readOnly = useFlowEditor((state) => state.readOnly);
  const updateNodeData = useFlowEditor((state) => state.updateNodeData);
  const { nodes, variables, fields } = useFlowEditor((state) => ({ nodes: state.committed.nodes, variables: state.committed.variables, fields: state.committed.fields }),
  );
  const options = useMemo(() => variableOptions({ nodes, variables, fields } as Parameters<typeof variableOptions>[0]), [nodes, variables, fields]);
  const definition = node ? findNodeKind(node.kind) : undefined;
  const value = useMemo(() => (definition && node ? withDefaults(definition.data, node.data ?? {}) : undefined), [definition, node]);
  const issues = useMemo(() => (definition ? (definition.data.safeParse(value).error?.issues ?? []) : []), [definition, value]);
  const onChange = useCallback((next: unknown) => updateNodeData(nodeId, next), [nodeId, updateNodeData]);

  if (!node) return <p className="p-4 text-sm text-slate-500">This step no longer exists.</p>;
  const ui = isNodeKind(node.kind) ? nodeKindUi[node.kind] : undefined;
  const Icon = ui?.Icon;

  return (
    <div className="space-y-4 p-4" data-testid={`inspector-node-${node.kind}`}>
      <header className="flex items-center gap-2">
        {Icon ? (
          <span className="flex h-7 w-7 items-center justify-center rounded text-white" style={{ background: ui.accent }}>
            <Icon className="h-4 w-4" />
          </span>
        ) : null}
        <div className="min-w-0">
          <h2 className="text-sm font-semibold">{ui?.label ?? node.kind}</h2>
          <p className="truncate font-mono text-[11px] text-slate-400">{nodeId}</p>
        </div>
        {readOnly ? <span className="ml-auto rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">Read-only</span> : null}
      </header>
      <NodeDiagnostics nodeId={nodeId} />
      {definition ? (
        <SchemaForm
          schema={definition.data}
          value={value}
          onChange={onChange}
          issues={issues}
          overrides={overridesFor(node.kind)}
          variables={options}
          readOnly={readOnly}
        />
      ) : (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          This builder does not know steps of kind “{node.kind}”. It is kept as it is; delete it or open the flow in a newer version.
        </p>
      )}
      {definition?.messages ? <ChannelPreview nodeId={nodeId} /> : null}
    </div>
  );
}
