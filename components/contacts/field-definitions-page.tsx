"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ContactsNav } from "./contacts-nav";

const types = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "email", label: "Email" },
  { value: "phone", label: "Phone" },
  { value: "date", label: "Date" },
  { value: "single_choice", label: "Single choice" },
  { value: "multiple_choice", label: "Multiple choice" },
] as const;
type FieldTypeValue = (typeof types)[number]["value"];
const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

// Custom contact fields. The key is what flows and templates use ({{contact.key}}) and never changes;
// the label is free to change.
export function FieldDefinitionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useQuery(trpc.fields.list.queryOptions());
  const [label, setLabel] = useState("");
  const [key, setKey] = useState("");
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<FieldTypeValue>("text");
  const [options, setOptions] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.fields.list.queryFilter());
  const create = useMutation(
    trpc.fields.create.mutationOptions({
      onSuccess: async () => {
        setLabel(""); setKey(""); setKeyEdited(false); setOptions(""); setMessage(null);
        await refresh();
      },
      onError: (error) => setMessage(error.data?.fieldErrors ? Object.values(error.data.fieldErrors).flat().join(" ") || error.message : error.message),
    }),
  );
  const update = useMutation(trpc.fields.update.mutationOptions({ onSuccess: refresh, onError: (error) => setMessage(error.message) }));
  const remove = useMutation(trpc.fields.delete.mutationOptions({ onSuccess: refresh, onError: (error) => setMessage(error.message) }));
  const isChoice = type === "single_choice" || type === "multiple_choice";

  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">Contact fields</h1>
      <ContactsNav current="fields" />
      <form
        data-testid="new-field-form"
        className="mb-6 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ label, key, type, options: isChoice ? options.split(",").map((option) => option.trim()).filter(Boolean) : [] });
        }}
      >
        <label className="text-sm">Label<br />
          <input data-testid="new-field-label" className={control} value={label} onChange={(event) => { setLabel(event.target.value); if (!keyEdited) setKey(keyFromLabel(event.target.value)); }} />
        </label>
        <label className="text-sm">Key (never changes)<br />
          <input data-testid="new-field-key" className={`${control} font-mono`} value={key} onChange={(event) => { setKey(event.target.value); setKeyEdited(true); }} />
        </label>
        <label className="text-sm">Type<br />
          <select data-testid="new-field-type" className={control} value={type} onChange={(event) => setType(event.target.value as FieldTypeValue)}>
            {types.map((entry) => <option key={entry.value} value={entry.value}>{entry.label}</option>)}
          </select>
        </label>
        {isChoice && (
          <label className="text-sm">Choices (comma-separated)<br />
            <input data-testid="new-field-options" className={`${control} w-64`} value={options} onChange={(event) => setOptions(event.target.value)} />
          </label>
        )}
        <button type="submit" data-testid="create-field-button" disabled={!label.trim() || !key.trim() || create.isPending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
          Create field
        </button>
        {message && <p role="alert" data-testid="field-form-error" className="basis-full text-sm text-rose-700">{message}</p>}
      </form>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr><th className="px-4 py-2">Label</th><th>Key</th><th>Type</th><th>Choices</th><th>Contacts</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {(fields.data ?? []).map((field) => (
            <tr key={field.id} data-testid="field-definition-row" data-field-key={field.key}>
              <td className="px-4 py-2">
                <input aria-label={`Label of ${field.key}`} defaultValue={field.label} className={control} onBlur={(event) => event.target.value.trim() && event.target.value !== field.label && update.mutate({ id: field.id, label: event.target.value })} />
              </td>
              <td className="font-mono text-xs">{field.key}</td>
              <td>{types.find((entry) => entry.value === field.type)?.label}</td>
              <td className="text-xs">
                {field.options.length > 0 && (
                  <input aria-label={`Choices of ${field.key}`} defaultValue={field.options.join(", ")} className={`${control} w-56`} onBlur={(event) => update.mutate({ id: field.id, options: event.target.value.split(",").map((option) => option.trim()).filter(Boolean) })} />
                )}
              </td>
              <td className="tabular-nums">{field.contactCount.toLocaleString()}</td>
              <td className="pr-4 text-right">
                <button type="button" data-testid="delete-field-button" className="rounded-md px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50"
                  onClick={() => window.confirm(`Delete “${field.label}”? ${field.contactCount.toLocaleString()} contact(s) lose their value.`) && remove.mutate({ id: field.id })}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function keyFromLabel(label: string): string {
  const key = label.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(key) ? key.slice(0, 64) : key ? `f_${key}`.slice(0, 64) : "";
}
