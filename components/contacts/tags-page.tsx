"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ContactsNav } from "./contacts-nav";
import { TagChip, tagColorNames } from "./tag-chip";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function TagsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const [name, setName] = useState("");
  const [color, setColor] = useState("slate");
  const [mergeInto, setMergeInto] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.tags.list.queryFilter());
  const onError = (error: { message: string }) => setMessage(error.message);
  const create = useMutation(trpc.tags.create.mutationOptions({ onSuccess: async () => { setName(""); setMessage(null); await refresh(); }, onError }));
  const update = useMutation(trpc.tags.update.mutationOptions({ onSuccess: refresh, onError }));
  const merge = useMutation(trpc.tags.merge.mutationOptions({ onSuccess: async (result) => { setMessage(`Merged: ${result.sourceContacts} contact(s) moved.`); await refresh(); }, onError }));
  const remove = useMutation(trpc.tags.delete.mutationOptions({ onSuccess: async (result) => { setMessage(`Deleted; removed from ${result.removedFromContacts} contact(s).`); await refresh(); }, onError }));
  const list = tags.data ?? [];

  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">Tags</h1>
      <ContactsNav current="tags" />
      <form className="mb-4 flex flex-wrap items-end gap-2" onSubmit={(event) => { event.preventDefault(); if (name.trim()) create.mutate({ name: name.trim(), color: color as never }); }}>
        <input aria-label="New tag name" data-testid="new-tag-name" placeholder="New tag" className={control} value={name} onChange={(event) => setName(event.target.value)} />
        <select aria-label="Colour" className={control} value={color} onChange={(event) => setColor(event.target.value)}>
          {tagColorNames.map((entry) => <option key={entry} value={entry}>{entry}</option>)}
        </select>
        <button type="submit" data-testid="create-tag-button" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">Create tag</button>
      </form>
      {message && <p role="status" data-testid="tags-message" className="mb-3 text-sm text-slate-700">{message}</p>}
      <p className="mb-3 text-xs text-slate-500">Flows add and check tags by name: after a rename, update the flows that use the old name.</p>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr><th className="px-4 py-2">Tag</th><th>Name</th><th>Colour</th><th>Contacts</th><th>Merge into</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.map((tag) => (
            <tr key={tag.id} data-testid="tag-row" data-tag-name={tag.name}>
              <td className="px-4 py-2"><TagChip name={tag.name} color={tag.color} /></td>
              <td><input aria-label={`Name of ${tag.name}`} defaultValue={tag.name} className={control} onBlur={(event) => event.target.value.trim() && event.target.value !== tag.name && update.mutate({ id: tag.id, name: event.target.value.trim() })} /></td>
              <td>
                <select aria-label={`Colour of ${tag.name}`} className={control} value={tag.color} onChange={(event) => update.mutate({ id: tag.id, color: event.target.value as never })}>
                  {tagColorNames.map((entry) => <option key={entry} value={entry}>{entry}</option>)}
                </select>
              </td>
              <td className="tabular-nums">{tag.contactCount.toLocaleString()}</td>
              <td>
                <select aria-label={`Merge ${tag.name} into`} className={control} value={mergeInto[tag.id] ?? ""} onChange={(event) => setMergeInto({ ...mergeInto, [tag.id]: event.target.value })}>
                  <option value="">—</option>
                  {list.filter((other) => other.id !== tag.id).map((other) => <option key={other.id} value={other.id}>{other.name}</option>)}
                </select>
                <button type="button" disabled={!mergeInto[tag.id]} className="ml-1 rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-30"
                  onClick={() => window.confirm(`Merge “${tag.name}” (${tag.contactCount} contacts) into “${list.find((other) => other.id === mergeInto[tag.id])?.name}”? “${tag.name}” is then deleted.`) && merge.mutate({ sourceId: tag.id, targetId: mergeInto[tag.id]! })}>
                  Merge
                </button>
              </td>
              <td className="pr-4 text-right">
                <button type="button" className="rounded-md px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50" onClick={() => window.confirm(`Delete “${tag.name}”? It is removed from ${tag.contactCount} contact(s).`) && remove.mutate({ id: tag.id })}>
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
