"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { editorDocumentSchema } from "@/flows-runtime";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { SimulatorDrawer } from "@/components/simulator/simulator-drawer";
import { FlowCanvas } from "./canvas/flow-canvas";
import { useEditorShortcuts } from "./canvas/use-editor-shortcuts";
import { Inspector } from "./inspector/inspector";
import { Palette } from "./palette/palette";
import { ProblemsPanel } from "./problems/problems-panel";
import { FlowEditorProvider, useFlowEditorStore } from "./store/flow-editor-context";
import { createFlowEditorStore } from "./store/flow-editor-store";
import { useAutosave } from "./store/use-autosave";
import { ConflictBanner } from "./toolbar/save-status";
import { EditorToolbar } from "./toolbar/editor-toolbar";
import { VersionHistory } from "./versions/version-history";
import { ViewingBanner } from "./versions/viewing-banner";

// The flow builder: loads the draft, gives it a store of its own, autosaves it, and lays out toolbar,
// palette, canvas, side panel and problems.
export function FlowEditor({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const flow = useQuery(trpc.flows.get.queryOptions({ id: flowId }));
  if (flow.isPending) return <EditorMessage>Loading flow…</EditorMessage>;
  if (flow.isError) {
    return (
      <EditorMessage>
        <span className="text-rose-700">Could not open this flow: {flow.error.message}</span>
        <Link href="/flows" className="mt-3 block text-sm font-medium text-indigo-600 hover:underline">
          Back to flows
        </Link>
      </EditorMessage>
    );
  }
  return <LoadedFlowEditor key={flowId} flowId={flowId} document={flow.data.document} revision={flow.data.revision} />;
}

function LoadedFlowEditor({ flowId, document, revision }: { flowId: string; document: unknown; revision: number }) {
  const trpc = useTRPC();
  // Created once per opened flow; later refetches of the query do not replace the marketer's edits.
  // JSON over the wire loses the parsed types: parse again at this boundary (it also fills defaults).
  const [store] = useState(() => createFlowEditorStore({ flowId, document: editorDocumentSchema.parse(document), revision }));
  const saveMutation = useMutation(trpc.flows.save.mutationOptions());
  useCompileContext(store);
  useAutosave(store, (doc, baseRevision) => saveMutation.mutateAsync({ id: flowId, document: doc, baseRevision }));
  return (
    <FlowEditorProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout flowId={flowId} />
      </ReactFlowProvider>
    </FlowEditorProvider>
  );
}

// The workspace's fields and flows, as publishing compiles against them: typed fields for the
// field_type_mismatch check, flow ids for jumps.
function useCompileContext(store: ReturnType<typeof createFlowEditorStore>) {
  const trpc = useTRPC();
  const fields = useQuery(trpc.fields.list.queryOptions());
  const flows = useQuery(trpc.flows.list.queryOptions());
  useEffect(() => {
    if (!fields.data || !flows.data) return;
    store.getState().setCompileContext({
      knownFields: fields.data.map((field) => ({ key: field.key, type: field.type, options: field.options })),
      knownFlowIds: flows.data.map((flow) => flow.id),
    });
  }, [store, fields.data, flows.data]);
}

function EditorLayout({ flowId }: { flowId: string }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  useEditorShortcuts({ onToggleHelp: toggleHelp });
  const { reload, reloading } = useReload(flowId);
  const [simulatorOpen, setSimulatorOpen] = useState(false);

  return (
    <div className="flex h-screen flex-col bg-slate-50" data-testid="flow-editor">
      <EditorToolbar flowId={flowId} helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} onToggleSimulator={() => setSimulatorOpen((open) => !open)} />
      <ConflictBanner onReload={() => void reload()} reloading={reloading} />
      <ViewingBanner />
      <div className="flex min-h-0 flex-1">
        <aside className="w-56 shrink-0 border-r border-slate-200 bg-white">
          <Palette />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <FlowCanvas />
            {simulatorOpen && <SimulatorDrawer flowId={flowId} onClose={() => setSimulatorOpen(false)} />}
          </div>
          <ProblemsPanel />
        </div>
        <SidePanel flowId={flowId} />
      </div>
    </div>
  );
}

const tabs = [
  { id: "inspector", label: "Inspector" },
  { id: "versions", label: "Versions" },
] as const;
type TabId = (typeof tabs)[number]["id"];

function SidePanel({ flowId }: { flowId: string }) {
  const store = useFlowEditorStore();
  const [tab, setTab] = useState<TabId>("inspector");
  const [collapsed, setCollapsed] = useState(false);
  // Selecting a node means "show me this step": bring the inspector forward.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection.nodeIds !== previous.selection.nodeIds && state.selection.nodeIds.length > 0) setTab("inspector");
      }),
    [store],
  );

  if (collapsed) {
    return (
      <div className="flex w-10 shrink-0 flex-col items-center border-l border-slate-200 bg-white pt-2">
        <button
          type="button"
          aria-label="Show side panel"
          title="Show side panel"
          onClick={() => setCollapsed(false)}
          className="grid size-8 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          data-testid="side-panel-expand"
        >
          <PanelGlyph flip />
        </button>
      </div>
    );
  }
  return (
    <aside className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white" data-testid="side-panel">
      <div role="tablist" aria-label="Side panel" className="flex h-10 shrink-0 items-end gap-1 border-b border-slate-200 px-2">
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === id ? "border-indigo-600 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"
            }`}
            data-testid={`side-tab-${id}`}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          aria-label="Hide side panel"
          title="Hide side panel"
          onClick={() => setCollapsed(true)}
          className="mb-1 ml-auto grid size-7 place-items-center self-center rounded-md text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          data-testid="side-panel-collapse"
        >
          <PanelGlyph />
        </button>
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto">
        {tab === "inspector" ? <Inspector /> : <VersionHistory flowId={flowId} />}
      </div>
    </aside>
  );
}

// Reload after a conflict: fetch the latest saved draft and start over from it (the store's reset).
function useReload(flowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useFlowEditorStore();
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    setReloading(true);
    try {
      const flow = await queryClient.fetchQuery({ ...trpc.flows.get.queryOptions({ id: flowId }), staleTime: 0 });
      store.getState().reset({ document: editorDocumentSchema.parse(flow.document), revision: flow.revision, readOnly: false });
    } finally {
      setReloading(false);
    }
  };
  return { reload, reloading };
}

function EditorMessage({ children }: { children: ReactNode }) {
  return (
    <div className="grid h-screen place-items-center bg-slate-50 p-8" data-testid="flow-editor-message">
      <div className="text-center text-sm text-slate-600">{children}</div>
    </div>
  );
}

function PanelGlyph({ flip = false }: { flip?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={`size-4 ${flip ? "rotate-180" : ""}`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M15 4v16M9 10l2 2-2 2" />
    </svg>
  );
}
