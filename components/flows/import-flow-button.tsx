"use client";

import { useRef } from "react";
import { secondaryButton } from "./buttons";

// A button that opens the file picker for a flow's .json export.
export function ImportFlowButton({ pending, onFile }: { pending: boolean; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={secondaryButton} disabled={pending} onClick={() => input.current?.click()}>
        {pending ? "Importing…" : "Import JSON"}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="import-input"
        aria-label="Import a flow from a JSON file"
        className="sr-only"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so choosing the same file again fires another change.
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}
