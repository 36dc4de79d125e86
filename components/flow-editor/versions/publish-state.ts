import type { SaveStatus } from "../store/flow-editor-types";

export type PublishInputs = {
  errorCount: number;
  save: SaveStatus;
  readOnly: boolean;
  viewingVersion: boolean;
  published: { version: number; hash: string } | null;
  // compile() hash of the draft in the editor.
  draftHash: string;
  pending: boolean;
};

export type PublishState = {
  status: "draft" | "published" | "changed";
  statusText: string;
  disabled: boolean;
  // Why the button is disabled, for its tooltip.
  reason: string | null;
  label: string;
};

// What the publish button says and whether it can be pressed.
export function publishState(inputs: PublishInputs): PublishState {
  const { published } = inputs;
  const status = !published ? "draft" : published.hash === inputs.draftHash ? "published" : "changed";
  const statusText = status === "draft" ? "Draft" : status === "published" ? `Published v${published?.version}` : "Unpublished changes";
  const saving = inputs.save.status === "dirty" || inputs.save.status === "saving";
  const reason = inputs.viewingVersion
    ? "You are viewing an old version: go back to the draft to publish."
    : inputs.readOnly
      ? "This flow is read-only."
      : inputs.save.status === "conflict" || inputs.save.status === "error"
        ? `Your changes are not saved: ${inputs.save.message}`
        : saving
          ? "Waiting for your changes to be saved."
          : inputs.errorCount > 0
            ? `Fix ${inputs.errorCount} error${inputs.errorCount === 1 ? "" : "s"} before publishing (see Problems).`
            : status === "published"
              ? "This draft is already live."
              : null;
  const label = inputs.pending ? "Publishing…" : saving && !inputs.viewingVersion ? "Saving…" : "Publish";
  return { status, statusText, disabled: reason !== null || inputs.pending, reason, label };
}
