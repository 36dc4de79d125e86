"use client";

import { useState } from "react";
import { secondaryButton } from "@/components/flows/buttons";

// A read-only value the user pastes into a platform, with a copy button that says when it worked.
export function CopyField({ label, value, testId, multiline = false }: { label: string; value: string; testId?: string; multiline?: boolean }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context; the value stays selectable by hand.
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div>
      <div className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</div>
      <div className="flex items-start gap-2">
        <code
          data-testid={testId}
          className={`min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-800 select-all ${
            multiline ? "break-all whitespace-pre-wrap" : "truncate"
          }`}
          title={value}
        >
          {value}
        </code>
        <button type="button" className={secondaryButton} onClick={copy} aria-label={`Copy ${label}`} data-testid={testId ? `${testId}-copy` : undefined}>
          {copied === "yes" ? "Copied" : copied === "failed" ? "Select and copy" : "Copy"}
        </button>
      </div>
    </div>
  );
}
