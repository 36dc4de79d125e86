"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { FieldFrame, fieldId, inputClass, testId } from "../schema-form/field-frame";
import { getAt } from "../schema-form/path-value";
import { useSchemaForm, type CustomFieldProps } from "../schema-form/schema-form-context";

// The jump target as a list of the workspace's flows (by id; the name is only shown).
export function JumpFlowField({ path, label }: CustomFieldProps) {
  const { value, onChange, readOnly } = useSchemaForm();
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions());
  const current = getAt(value, path);
  const selected = typeof current === "string" ? current : "";
  const known = flows.data?.some((flow) => flow.id === selected) ?? true;
  return (
    <FieldFrame path={path} label={label}>
      <select id={fieldId(path)} data-testid={testId(path)} className={inputClass} disabled={readOnly} value={selected} onChange={(event) => onChange(path, event.target.value)}>
        <option value="">{flows.isPending ? "Loading flows…" : "Choose a flow"}</option>
        {!known && selected ? <option value={selected}>Missing flow ({selected.slice(0, 8)})</option> : null}
        {(flows.data ?? []).map((flow) => (
          <option key={flow.id} value={flow.id}>
            {flow.name}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
