import type { StoreApi } from "zustand/vanilla";
import type { EditorDocument } from "@/flows-runtime";
import type { FlowEditorState, SaveStatus } from "./flow-editor-types";

export type SaveDocument = (document: EditorDocument, baseRevision: number) => Promise<{ revision: number }>;

export const DEFAULT_AUTOSAVE_DELAY_MS = 800;

// The autosave policy without React: saves the store's document once edits pause, one save at a time,
// each based on the revision the previous one returned. A conflict (someone saved a newer revision)
// stops saving until the document is reloaded (reset), so nobody's work is silently overwritten.
export class AutosaveQueue {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private followUp: Promise<void> | undefined;
  private disposed = false;
  private readonly delayMs: number;

  constructor(
    private readonly store: Pick<StoreApi<FlowEditorState>, "getState">,
    private readonly save: SaveDocument,
    options: { delayMs?: number } = {},
  ) {
    this.delayMs = options.delayMs ?? DEFAULT_AUTOSAVE_DELAY_MS;
  }

  // Call when the document changed: saves after `delayMs` without further changes.
  schedule(): void {
    if (this.disposed || !needsSave(this.store.getState())) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.delayMs);
  }

  // Saves now (leaving the page, publishing); resolves once everything edited so far has been sent and
  // answered (or failed).
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.run();
  }

  // Stops scheduling; a save already under way (or a flush's follow-up) still finishes and records its result.
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): Promise<void> {
    const busy = savesInFlight.get(this.store);
    if (busy) {
      // Edits made while saving are saved right after, based on the revision that save returns; if their
      // debounce is still running, it will do it instead.
      this.followUp ??= busy.then(() => {
        this.followUp = undefined;
        return this.timer ? undefined : this.run();
      });
      return this.followUp;
    }
    const state = this.store.getState();
    if (!needsSave(state)) return Promise.resolve();
    const { document, revision: baseRevision } = state;
    state.markSaving();
    const saving = this.save(document, baseRevision)
      .then(
        ({ revision }) => {
          const current = this.store.getState();
          // A reset (reload) meanwhile: this result belongs to a document that is gone.
          if (current.revision === baseRevision) current.markSaved(revision, document);
        },
        (error: unknown) => {
          const current = this.store.getState();
          if (current.revision !== baseRevision) return;
          if (isConflictError(error)) current.markConflict(errorMessage(error, CONFLICT_MESSAGE));
          else current.markSaveError(errorMessage(error, SAVE_FAILED_MESSAGE));
        },
      )
      .finally(() => savesInFlight.delete(this.store));
    savesInFlight.set(this.store, saving);
    return saving;
  }
}

// One save per store at a time, even across queues: a remounted editor (React StrictMode, a changed
// option) must not send a second save based on a revision the first is about to replace.
const savesInFlight = new WeakMap<object, Promise<void>>();

// Whether leaving the page now would lose edits.
export function hasUnsavedChanges(save: SaveStatus): boolean {
  return save.status === "dirty" || save.status === "saving" || save.status === "error";
}

// A tRPC CONFLICT as the client sees it (`error.data.code`) or as the server threw it (`error.code`).
export function isConflictError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { code?: unknown; data?: { code?: unknown } | null; shape?: { data?: { code?: unknown } | null } | null };
  return candidate.data?.code === "CONFLICT" || candidate.shape?.data?.code === "CONFLICT" || candidate.code === "CONFLICT";
}

const CONFLICT_MESSAGE =
  "This flow was changed somewhere else (another tab or another person). Reload to get the latest version; your unsaved edits here will be lost.";
const SAVE_FAILED_MESSAGE = "Your latest changes could not be saved. They will be saved again after your next edit.";

function needsSave(state: FlowEditorState): boolean {
  return !state.readOnly && (state.save.status === "dirty" || state.save.status === "error");
}

function errorMessage(error: unknown, fallback: string): string {
  const message = error instanceof Error ? error.message : (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && message.trim() !== "" ? message : fallback;
}
