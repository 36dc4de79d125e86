"use client";

import { dangerButton, secondaryButton } from "@/components/flows/buttons";
import { ModalDialog } from "@/components/flows/modal-dialog";

// Deleting removes the channel's conversations and history with it, so it names what goes.
export function DeleteChannelDialog({
  open,
  name,
  pending,
  onConfirm,
  onClose,
}: {
  open: boolean;
  name: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      testId="delete-channel-dialog"
      title={`Delete “${name}”?`}
      description="Kaiwa stops answering on this channel at once, and its conversations, messages and webhook history are removed for good. To pause it instead, disable it."
      footer={
        <>
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button type="button" data-testid="confirm-delete-channel-button" className={dangerButton} disabled={pending} onClick={onConfirm}>
            {pending ? "Deleting…" : "Delete channel"}
          </button>
        </>
      }
    />
  );
}
