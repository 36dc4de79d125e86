"use client";

import { useMemo } from "react";
import type { z } from "zod";
import { setAt, type Path } from "./path-value";
import { SchemaField } from "./schema-field";
import { SchemaFormContext, type KindOverrides, type SchemaFormContextValue, type VariableOption } from "./schema-form-context";
import { issuesByPath } from "./issues-by-path";

export type SchemaFormProps = {
  schema: z.ZodType;
  value: unknown;
  onChange: (next: unknown) => void;
  // The zod issues of the current value (from safeParse), shown next to the field at their path.
  issues: readonly z.core.$ZodIssue[];
  overrides?: KindOverrides;
  variables?: readonly VariableOption[];
  readOnly?: boolean;
};

// A form generated from a zod schema: every edit writes the whole value back through onChange.
export function SchemaForm({ schema, value, onChange, issues, overrides = {}, variables = [], readOnly = false }: SchemaFormProps) {
  const byPath = useMemo(() => issuesByPath(issues), [issues]);
  const context = useMemo<SchemaFormContextValue>(
    () => ({
      value,
      onChange: (path: Path, next: unknown) => onChange(setAt(value, path, next)),
      issuesAt: (path: Path) => byPath.get(path.map(String).join(".")) ?? [],
      overrides,
      variables,
      readOnly,
    }),
    [value, onChange, byPath, overrides, variables, readOnly],
  );
  return (
    <SchemaFormContext.Provider value={context}>
      <SchemaField schema={schema} path={[]} />
    </SchemaFormContext.Provider>
  );
}
