"use client";

import { useEffect, useRef } from "react";
import { isMacPlatform, shortcutList } from "../canvas/shortcut-list";

// The "?" popover listing every shortcut. Open state lives with the editor, so "?" on the keyboard and
// the button toggle the same popover.
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) onOpenChange(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") onOpenChange(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open, onOpenChange]);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        aria-haspopup="dialog"
        title="Keyboard shortcuts (?)"
        onClick={() => onOpenChange(!open)}
        className={`grid size-8 place-items-center rounded-md text-sm font-semibold hover:bg-slate-100 ${open ? "bg-slate-100 text-slate-900" : "text-slate-600"}`}
        data-testid="shortcuts-button"
      >
        ?
      </button>
      {open && <ShortcutsPanel />}
    </div>
  );
}

function ShortcutsPanel() {
  const mod = isMacPlatform() ? "⌘" : "Ctrl";
  return (
    <div
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="absolute top-10 right-0 z-50 w-[22rem] rounded-lg border border-slate-200 bg-white p-4 shadow-xl"
      data-testid="shortcuts-help"
    >
      <h2 className="mb-3 text-sm font-semibold text-slate-900">Keyboard shortcuts</h2>
      <div className="max-h-[min(32rem,70vh)] space-y-4 overflow-y-auto">
        {shortcutList.map(({ group, shortcuts }) => (
          <section key={group}>
            <h3 className="mb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">{group}</h3>
            <dl className="space-y-1">
              {shortcuts.map((shortcut) => (
                <div key={shortcut.action} className="flex items-center justify-between gap-3 text-sm">
                  <dt className="text-slate-700">{shortcut.action}</dt>
                  <dd className="flex shrink-0 items-center gap-1.5">
                    {shortcut.keys.map((combo, index) => (
                      <span key={index} className="flex items-center gap-0.5">
                        {index > 0 && <span className="mr-1 text-xs text-slate-400">or</span>}
                        {combo.map((key) => (
                          <kbd key={key} className="min-w-5 rounded border border-slate-300 bg-slate-50 px-1 text-center font-sans text-[11px] leading-5 text-slate-700 shadow-[0_1px_0_rgb(203_213_225)]">
                            {key === "Mod" ? mod : key}
                          </kbd>
                        ))}
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
