"use client";

import { useEffect, useRef, useState } from "react";
import { smallButtonClass } from "./schema-form/field-frame";
import { pathKey, type Path } from "./schema-form/path-value";
import { useSchemaForm } from "./schema-form/schema-form-context";

// "Insert variable": contact fields, custom fields and flow variables, inserted at the cursor.
export function VariablePicker({ path, onInsert }: { path: Path; onInsert: (token: string) => void }) {
  const { variables } = useSchemaForm();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const groups = [...new Set(variables.map((variable) => variable.group))];
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        className={smallButtonClass}
        data-testid={`insert-variable-${pathKey(path)}`}
        // Keep the caret where it is in the text box.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((value) => !value)}
      >
        {"{x}"} Insert variable
      </button>
      {open ? (
        <div role="menu" className="absolute z-20 mt-1 max-h-64 w-64 overflow-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg" data-testid="variable-menu">
          {groups.map((group) => (
            <div key={group}>
              <div className="px-3 pt-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{group}</div>
              {variables
                .filter((variable) => variable.group === group)
                .map((variable) => (
                  <button
                    key={variable.token}
                    type="button"
                    role="menuitem"
                    className="nodrag block w-full px-3 py-1 text-left hover:bg-sky-50"
                    data-testid={`variable-option-${variable.token}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      onInsert(`{{${variable.token}}}`);
                      setOpen(false);
                    }}
                  >
                    <span className="font-mono text-xs text-sky-800">{variable.token}</span>
                    {variable.label !== variable.token ? <span className="ml-2 text-xs text-slate-500">{variable.label}</span> : null}
                  </button>
                ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
