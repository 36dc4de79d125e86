"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ColumnTarget } from "@/server/contacts/import/import-settings";
import { builtInOptions, targetFromValue, targetValue, type FieldOption } from "./column-targets";
import { PreviewTable } from "./preview-table";

const countries = ["JP", "US", "GB", "TW", "KR", "CN", "HK", "TH", "VN", "ID", "PH", "MY", "SG", "IN", "AU", "DE", "FR", "ES", "IT", "BR", "MX", "CA"];

export type MappingState = { mapping: ColumnTarget[]; defaultCountry: string; policy: "fill_empty" | "overwrite" };

// One row per column of the file: where it goes, then the preview of the first rows as they will be imported.
export function MappingStep(props: {
  importId: string;
  headers: string[];
  fields: FieldOption[];
  state: MappingState;
  onChange: (state: MappingState) => void;
}) {
  const { headers, fields, state, onChange } = props;
  const trpc = useTRPC();
  const settings = useDeferredValue(state);
  const preview = useQuery({ ...trpc.imports.preview.queryOptions({ id: props.importId, settings }), placeholderData: (previous) => previous });

  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="import-mapping">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Column in the file</th>
              <th className="px-4 py-2">Imported as</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((header, index) => (
              <tr key={index} className="border-t border-slate-100">
                <td className="px-4 py-2 font-medium text-slate-800">{header}</td>
                <td className="px-4 py-2">
                  <select
                    data-testid={`mapping-select-${index}`}
                    aria-label={`Import column ${header} as`}
                    className="w-full rounded-md border border-slate-300 px-2 py-1.5"
                    value={targetValue(state.mapping[index] ?? { kind: "ignore" })}
                    onChange={(event) => {
                      const mapping = [...state.mapping];
                      mapping[index] = targetFromValue(event.target.value, header);
                      onChange({ ...state, mapping });
                    }}
                  >
                    <option value="ignore">Ignore this column</option>
                    <optgroup label="Contact">
                      {builtInOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </optgroup>
                    {fields.length > 0 && (
                      <optgroup label="Fields">
                        {fields.map((field) => (
                          <option key={field.key} value={`field:${field.key}`}>
                            {field.label} ({field.type.replace("_", " ")})
                          </option>
                        ))}
                      </optgroup>
                    )}
                    <option value="new_field">Create a new text field “{header}”</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          Phone numbers without a country code are in
          <select data-testid="default-country" className="rounded-md border border-slate-300 px-2 py-1.5" value={state.defaultCountry} onChange={(event) => onChange({ ...state, defaultCountry: event.target.value })}>
            {countries.map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames(["en"], { type: "region" }).of(code)} ({code})
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Existing contacts
          <select data-testid="merge-policy" className="rounded-md border border-slate-300 px-2 py-1.5" value={state.policy} onChange={(event) => onChange({ ...state, policy: event.target.value as MappingState["policy"] })}>
            <option value="fill_empty">keep their values; only fill empty fields</option>
            <option value="overwrite">take the file’s values</option>
          </select>
        </label>
      </div>
      {preview.data?.mappingProblem && (
        <p role="alert" data-testid="mapping-problem" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {preview.data.mappingProblem}
        </p>
      )}
      {preview.error && <p className="text-sm text-rose-700">{preview.error.message}</p>}
      {preview.data && <PreviewTable rows={preview.data.rows} />}
    </div>
  );
}
