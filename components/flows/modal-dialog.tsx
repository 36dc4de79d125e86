"use client";

import { useEffect, useRef, type ReactNode } from "react";

// A modal on the native <dialog>: the browser traps focus, closes on Escape and makes the page inert.
export function ModalDialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  // Without a footer, children bring their own body and footer (a form that submits from its footer).
  footer?: ReactNode;
  size?: "md" | "xl";
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      data-testid={testId}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === event.currentTarget) onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 ${
        size === "xl" ? "max-w-4xl" : "max-w-md"
      }`}
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <header className="border-b border-slate-100 px-6 pt-5 pb-4">
            <h2 id={testId ? `${testId}-title` : undefined} className="text-lg font-semibold">
              {title}
            </h2>
            {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
          </header>
          {footer === undefined ? (
            children
          ) : (
            <>
              {children && <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">{children}</div>}
              <footer className="flex items-center justify-end gap-2 border-t border-slate-100 bg-slate-50 px-6 py-3">{footer}</footer>
            </>
          )}
        </div>
      )}
    </dialog>
  );
}
