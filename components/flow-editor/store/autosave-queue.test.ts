import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditorDocument } from "@/flows-runtime";
import { AutosaveQueue, hasUnsavedChanges, isConflictError } from "./autosave-queue";
import { createFlowEditorStore } from "./flow-editor-store";
import { counterIds, testDocument } from "./test-document";

type Call = { document: EditorDocument; baseRevision: number; resolve: (value: { revision: number }) => void; reject: (error: unknown) => void };

// A save function whose calls the test settles by hand, like a slow server.
function fakeServer() {
  const calls: Call[] = [];
  const save = (document: EditorDocument, baseRevision: number) =>
    new Promise<{ revision: number }>((resolve, reject) => calls.push({ document, baseRevision, resolve, reject }));
  return { calls, save };
}

function setup() {
  const store = createFlowEditorStore({ flowId: "flow-1", document: testDocument(), revision: 3, newId: counterIds() });
  const server = fakeServer();
  const queue = new AutosaveQueue(store, server.save, { delayMs: 800 });
  // What useAutosave wires up: every document change schedules a save.
  store.subscribe((state, previous) => {
    if (state.document !== previous.document) queue.schedule();
  });
  return { store, server, queue };
}

const conflict = Object.assign(new Error("This flow was changed in another tab. Reload to get the latest version."), {
  data: { code: "CONFLICT", details: { currentRevision: 5 } },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("AutosaveQueue", () => {
  it("saves once, 800 ms after the last of a burst of edits, based on the loaded revision", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "A" });
    await vi.advanceTimersByTimeAsync(500);
    store.getState().updateSettings({ name: "AB" });
    await vi.advanceTimersByTimeAsync(799);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]?.document.settings.name).toBe("AB");
    expect(server.calls[0]?.baseRevision).toBe(3);
    expect(store.getState().save.status).toBe("saving");

    server.calls[0]?.resolve({ revision: 4 });
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ revision: 4, save: { status: "saved" } });
    expect(server.calls).toHaveLength(1);
  });

  it("does not save a document nobody edited", async () => {
    const { store, server, queue } = setup();
    queue.schedule();
    store.getState().moveNodes([{ id: "ask", position: { x: 1, y: 1 } }], false);
    await vi.runAllTimersAsync();
    expect(server.calls).toHaveLength(0);
  });

  it("keeps one save in flight and saves edits made meanwhile with the new revision", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "First" });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toHaveLength(1);

    store.getState().updateSettings({ name: "Second" });
    await vi.advanceTimersByTimeAsync(800);
    // The first save has not answered yet: no second request in parallel.
    expect(server.calls).toHaveLength(1);

    server.calls[0]?.resolve({ revision: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().revision).toBe(4);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]?.baseRevision).toBe(4);
    expect(server.calls[1]?.document.settings.name).toBe("Second");
    expect(store.getState().save.status).toBe("saving");

    server.calls[1]?.resolve({ revision: 5 });
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ revision: 5, save: { status: "saved" } });
  });

  it("stays dirty when edits land while a save is in flight, then saves them after the debounce", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "First" });
    await vi.advanceTimersByTimeAsync(800);
    store.getState().updateSettings({ name: "Second" });
    server.calls[0]?.resolve({ revision: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ revision: 4, save: { status: "dirty" } });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls.map((call) => [call.document.settings.name, call.baseRevision])).toEqual([
      ["First", 3],
      ["Second", 4],
    ]);
  });

  it("on a revision conflict shows the server's message and stops saving", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "Mine" });
    await vi.advanceTimersByTimeAsync(800);
    server.calls[0]?.reject(conflict);
    await vi.runAllTimersAsync();
    expect(store.getState().save).toEqual({ status: "conflict", message: conflict.message });

    store.getState().updateSettings({ name: "Mine again" });
    await vi.runAllTimersAsync();
    expect(server.calls).toHaveLength(1);
    expect(store.getState().save.status).toBe("conflict");
    expect(store.getState().revision).toBe(3);
  });

  it("saves again after a reload (reset) following a conflict", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "Mine" });
    await vi.advanceTimersByTimeAsync(800);
    server.calls[0]?.reject(conflict);
    await vi.runAllTimersAsync();
    store.getState().reset({ document: testDocument(), revision: 5 });
    store.getState().updateSettings({ name: "After reload" });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls[1]?.baseRevision).toBe(5);
  });

  it("on another error shows it and retries on the next edit", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "One" });
    await vi.advanceTimersByTimeAsync(800);
    server.calls[0]?.reject(new TypeError("Failed to fetch"));
    await vi.runAllTimersAsync();
    expect(store.getState().save).toEqual({ status: "error", message: "Failed to fetch" });
    expect(server.calls).toHaveLength(1);

    store.getState().updateSettings({ name: "Two" });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]?.baseRevision).toBe(3);
    server.calls[1]?.resolve({ revision: 4 });
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ revision: 4, save: { status: "saved" } });
  });

  it("flush saves at once without waiting for the debounce", async () => {
    const { store, server, queue } = setup();
    store.getState().updateSettings({ name: "Now" });
    const flushed = queue.flush();
    expect(server.calls).toHaveLength(1);
    server.calls[0]?.resolve({ revision: 4 });
    await flushed;
    expect(store.getState().save.status).toBe("saved");
    await vi.runAllTimersAsync();
    expect(server.calls).toHaveLength(1);
  });

  it("ignores the answer to a save made before a reset", async () => {
    const { store, server } = setup();
    store.getState().updateSettings({ name: "Old" });
    await vi.advanceTimersByTimeAsync(800);
    store.getState().reset({ document: testDocument(), revision: 10 });
    server.calls[0]?.resolve({ revision: 4 });
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ revision: 10, save: { status: "saved" } });
  });
});

describe("helpers", () => {
  it("recognises a tRPC CONFLICT from the client or the server side", () => {
    expect(isConflictError(conflict)).toBe(true);
    expect(isConflictError({ code: "CONFLICT" })).toBe(true);
    expect(isConflictError({ shape: { data: { code: "CONFLICT" } } })).toBe(true);
    expect(isConflictError({ data: { code: "BAD_REQUEST" } })).toBe(false);
    expect(isConflictError(new Error("CONFLICT"))).toBe(false);
    expect(isConflictError(null)).toBe(false);
  });

  it("warns before leaving only when edits are not saved", () => {
    expect(hasUnsavedChanges({ status: "saved" })).toBe(false);
    expect(hasUnsavedChanges({ status: "dirty" })).toBe(true);
    expect(hasUnsavedChanges({ status: "saving" })).toBe(true);
    expect(hasUnsavedChanges({ status: "error", message: "x" })).toBe(true);
  });
});

describe("two queues on one store (an editor remounted mid-save)", () => {
  it("never sends two saves at once; the second waits and uses the new revision", async () => {
    const { store, server, queue } = setup();
    store.getState().updateSettings({ name: "First" });
    void queue.flush();
    queue.dispose();
    const remounted = new AutosaveQueue(store, server.save, { delayMs: 800 });
    store.getState().updateSettings({ name: "Second" });
    remounted.schedule();
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toHaveLength(1);
    server.calls[0]?.resolve({ revision: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]?.baseRevision).toBe(4);
    expect(server.calls[1]?.document.settings.name).toBe("Second");
  });

  it("flush resolves only after the edits made during the save in flight are saved too", async () => {
    const { store, server, queue } = setup();
    store.getState().updateSettings({ name: "First" });
    void queue.flush();
    store.getState().updateSettings({ name: "Second" });
    let flushed = false;
    void queue.flush().then(() => (flushed = true));
    server.calls[0]?.resolve({ revision: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false);
    expect(server.calls).toHaveLength(2);
    server.calls[1]?.resolve({ revision: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(true);
    expect(store.getState()).toMatchObject({ revision: 5, save: { status: "saved" } });
  });
});
