import { describe, expect, it } from "vitest";
import { publishState, type PublishInputs } from "./publish-state";

const base: PublishInputs = {
  errorCount: 0,
  save: { status: "saved" },
  readOnly: false,
  viewingVersion: false,
  published: { version: 3, hash: "abc" },
  draftHash: "def",
  pending: false,
};

describe("publishState", () => {
  it("shows Draft before the first publish, and lets it publish", () => {
    const state = publishState({ ...base, published: null });
    expect(state.statusText).toBe("Draft");
    expect(state.disabled).toBe(false);
  });

  it("shows the live version when the draft matches it, and has nothing to publish", () => {
    const state = publishState({ ...base, draftHash: "abc" });
    expect(state.statusText).toBe("Published v3");
    expect(state.disabled).toBe(true);
  });

  it("shows unpublished changes when the draft differs from the live version", () => {
    expect(publishState(base)).toMatchObject({ statusText: "Unpublished changes", disabled: false, label: "Publish" });
  });

  it("refuses while there are errors, saying how many", () => {
    const state = publishState({ ...base, errorCount: 2 });
    expect(state.disabled).toBe(true);
    expect(state.reason).toContain("Fix 2 errors");
  });

  it("waits for the autosave", () => {
    const state = publishState({ ...base, save: { status: "dirty" } });
    expect(state).toMatchObject({ disabled: true, label: "Saving…" });
  });

  it("refuses while an old version is open read-only", () => {
    expect(publishState({ ...base, viewingVersion: true, readOnly: true }).reason).toContain("old version");
  });
});
