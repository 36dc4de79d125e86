"use client";

import { createContext, useContext } from "react";
import type { ComponentType } from "react";
import type { z } from "zod";
import type { Path } from "./path-value";

export type VariableOption = { token: string; label: string; group: "Contact" | "Custom fields" | "Flow variables" };

export type CustomFieldProps = { schema: z.ZodType; path: Path; label: string };

// Per node kind: better words than the generic form, custom widgets, and fields that only apply to some
// settings (min / max only for number questions).
export type KindOverrides = {
  // Keyed by path pattern: "saveTo.key", "choices.*.label" (numbers become "*").
  labels?: Record<string, string>;
  help?: Record<string, string>;
  placeholders?: Record<string, string>;
  // Template strings ({{contact.first_name}}): get the "Insert variable" picker.
  templates?: readonly string[];
  // Long strings shown as a textarea.
  multiline?: readonly string[];
  // Option labels for enum values, by value.
  optionLabels?: Record<string, string>;
  // Top-level keys to hide for this data (e.g. choices unless answerType is "choice").
  hidden?: (data: Record<string, unknown>) => readonly string[];
  // Custom renderers, by path pattern.
  fields?: Record<string, ComponentType<CustomFieldProps>>;
};

export type SchemaFormContextValue = {
  value: unknown;
  onChange: (path: Path, next: unknown) => void;
  issuesAt: (path: Path) => string[];
  overrides: KindOverrides;
  variables: readonly VariableOption[];
  readOnly: boolean;
};

export const SchemaFormContext = createContext<SchemaFormContextValue | null>(null);

export function useSchemaForm(): SchemaFormContextValue {
  const context = useContext(SchemaFormContext);
  if (!context) throw new Error("useSchemaForm() is used outside <SchemaForm>.");
  return context;
}

export function pathPattern(path: Path): string {
  return path.map((part) => (typeof part === "number" ? "*" : part)).join(".");
}
