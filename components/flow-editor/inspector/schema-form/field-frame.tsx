"use client";

import type { ReactNode } from "react";
import { pathKey, type Path } from "./path-value";
import { useSchemaForm, pathPattern } from "./schema-form-context";

// Label, help text and the zod issues for one field, by path.
export function FieldFrame({ path, label, children, inline = false }: { path: Path; label: string; children: ReactNode; inline?: boolean }) {
  const { issuesAt, overrides } = useSchemaForm();
  const issues = issuesAt(path);
  const help = overrides.help?.[pathPattern(path)];
  const id = fieldId(path);
  return (
    <div className="space-y-1" data-field={pathKey(path)}>
      {inline ? (
        <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-700">
          {children}
          <span>{label}</span>
        </label>
      ) : (
        <>
          <label htmlFor={id} className="block text-xs font-medium text-slate-600">
            {label}
          </label>
          {children}
        </>
      )}
      {help ? <p className="text-xs text-slate-500">{help}</p> : null}
      {issues.map((issue) => (
        <p key={issue} role="alert" className="text-xs text-rose-700" data-testid={`inspector-issue-${pathKey(path)}`}>
          {issue}
        </p>
      ))}
    </div>
  );
}

export function fieldId(path: Path): string {
  return `inspector-${pathKey(path) || "root"}`;
}

export function testId(path: Path): string {
  return `inspector-field-${pathKey(path)}`;
}

export const inputClass =
  "nodrag w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 disabled:bg-slate-100";
export const smallButtonClass =
  "nodrag rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40";
