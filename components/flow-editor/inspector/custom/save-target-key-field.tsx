"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { BUILT_IN_CONTACT_FIELDS } from "@/flows-runtime";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { FieldFrame, fieldId, inputClass, testId } from "../schema-form/field-frame";
import { getAt } from "../schema-form/path-value";
import { useSchemaForm, type CustomFieldProps } from "../schema-form/schema-form-context";
import { TextField } from "../schema-form/text-field";

const typeLabels: Record<string, string> = {
  text: "text",
  number: "number",
  email: "email",
  phone: "phone",
  date: "date",
  single_choice: "single choice",
  multiple_choice: "multiple choice",
};

// Where a question's answer or a set_field value goes. Saved to a contact field, it is one of the
// workspace's field definitions (by key, which never changes; the label and type are shown), so the
// answer lands in a typed field the Contacts page can filter on. A flow variable is free text.
export function SaveTargetKeyField({ path, label }: CustomFieldProps) {
  const { value, onChange, readOnly } = useSchemaForm();
  const trpc = useTRPC();
  const fields = useQuery(trpc.fields.list.queryOptions());
  const target = getAt(value, [...path.slice(0, -1), "target"]);
  if (target !== "field") return <TextField path={path} label={label} optional={false} />;
  const current = getAt(value, path);
  const selected = typeof current === "string" ? current : "";
  const custom = fields.data ?? [];
  const known = selected === "" || (BUILT_IN_CONTACT_FIELDS as readonly string[]).includes(selected) || custom.some((field) => field.key === selected);
  return (
    <FieldFrame path={path} label="Contact field">
      <select id={fieldId(path)} data-testid={testId(path)} className={inputClass} disabled={readOnly} value={selected} onChange={(event) => onChange(path, event.target.value)}>
        <option value="">{fields.isPending ? "Loading fields…" : "Choose a field"}</option>
        {!known && <option value={selected}>{selected} (not a field of this workspace)</option>}
        <optgroup label="Custom fields">
          {custom.map((field) => (
            <option key={field.key} value={field.key}>
              {field.label} ({typeLabels[field.type] ?? field.type})
            </option>
          ))}
        </optgroup>
        <optgroup label="Contact">
          {BUILT_IN_CONTACT_FIELDS.filter((key) => key !== "name").map((key) => (
            <option key={key} value={key}>
              {key.replace("_", " ")}
            </option>
          ))}
        </optgroup>
      </select>
      <Link href="/contacts/fields" className="mt-1 inline-block text-xs text-indigo-700 hover:underline">
        Manage fields
      </Link>
    </FieldFrame>
  );
}
