"use client";

import { dangerButton, secondaryButton } from "./buttons";
import { ModalDialog } from "./modal-dialog";
import type { FlowListItem } from "./use-flow-list";

// Deleting is permanent (versions go with the flow), so it names the flow and says what stops.
export function DeleteFlowDialog({
  flow,
  pending,
  onConfirm,
  onClose,
}: {
  flow: FlowListItem | null;
  pending: boolean;
  onConfirm: (flow: FlowListItem) => void;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      open={flow !== null}
      onClose={onClose}
      testId="delete-flow-dialog"
      title={flow ? `Delete “${flow.name}”?` : "Delete flow?"}
      description={
        flow?.status === "draft"
          ? "The draft and its canvas are removed for good."
          : "The flow stops answering contacts at once, and its draft and every published version are removed for good."
      }
      footer={
        <>
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            data-testid="confirm-delete-button"
            className={dangerButton}
            disabled={pending || !flow}
            onClick={() => flow && onConfirm(flow)}
          >
            {pending ? "Deleting…" : "Delete flow"}
          </button>
        </>
      }
    />
  );
}
