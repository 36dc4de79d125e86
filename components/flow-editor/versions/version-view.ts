"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { create } from "zustand";
import { editorDocumentSchema, type EditorDocument } from "@/flows-runtime";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { useFlowEditor, useFlowEditorStore } from "../store/flow-editor-context";

export type ViewedVersion = { flowId: string; versionId: string; version: number; document: EditorDocument };

type VersionViewState = {
  viewed: ViewedVersion | null;
  // The draft as it was when the first version was opened; restored by "Back to draft".
  stash: { flowId: string; document: EditorDocument; revision: number; readOnly: boolean } | null;
  loadingId: string | null;
  error: string | null;
};

const useVersionViewStore = create<VersionViewState>(() => ({ viewed: null, stash: null, loadingId: null, error: null }));

// The published version shown read-only on the canvas, or null while editing the draft.
export function useViewedVersion(): ViewedVersion | null {
  const flowId = useFlowEditor((state) => state.flowId);
  const viewed = useVersionViewStore((state) => state.viewed);
  return viewed && viewed.flowId === flowId ? viewed : null;
}

export function useVersionViewStatus(): { loadingId: string | null; error: string | null } {
  const loadingId = useVersionViewStore((state) => state.loadingId);
  const error = useVersionViewStore((state) => state.error);
  return { loadingId, error };
}

// view(versionId) swaps the editor store to that version, read-only, keeping the draft aside;
// view(null) puts the draft back exactly as it was. Only a saved draft is swapped out, so the autosave
// never has edits waiting while a version is shown.
export function useViewVersion(): (versionId: string | null) => Promise<void> {
  const store = useFlowEditorStore();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (versionId: string | null) => {
      const editor = store.getState();
      const { stash, viewed } = useVersionViewStore.getState();
      const ownStash = stash && stash.flowId === editor.flowId ? stash : null;
      if (versionId === null) {
        if (ownStash && viewed) editor.reset({ document: ownStash.document, revision: ownStash.revision, readOnly: ownStash.readOnly });
        useVersionViewStore.setState({ viewed: null, stash: null, loadingId: null, error: null });
        return;
      }
      if (!ownStash || !viewed) {
        if (editor.save.status !== "saved") {
          useVersionViewStore.setState({ error: "Wait until your changes are saved, then open the version." });
          return;
        }
      }
      useVersionViewStore.setState({ loadingId: versionId, error: null });
      try {
        const version = await queryClient.fetchQuery(trpc.flows.version.queryOptions({ versionId }));
        const document = editorDocumentSchema.parse(version.document);
        const keep = ownStash && viewed ? ownStash : { flowId: editor.flowId, document: editor.document, revision: editor.revision, readOnly: editor.readOnly };
        store.getState().reset({ document, revision: keep.revision, readOnly: true });
        useVersionViewStore.setState({
          viewed: { flowId: editor.flowId, versionId, version: version.version, document },
          stash: keep,
          loadingId: null,
        });
      } catch (error) {
        useVersionViewStore.setState({ loadingId: null, error: `Could not open that version: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [store, trpc, queryClient],
  );
}
