"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { TagChip } from "./tag-chip";

export function ContactTagsEditor({ contactId, tags }: { contactId: string; tags: { id: string; name: string; color: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const all = useQuery(trpc.tags.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.contacts.get.queryFilter({ id: contactId }));
  const add = useMutation(trpc.contacts.addTag.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.contacts.removeTag.mutationOptions({ onSuccess: refresh }));
  const available = (all.data ?? []).filter((tag) => !tags.some((own) => own.id === tag.id));
  return (
    <div data-testid="profile-tags" className="flex flex-wrap items-center gap-2">
      {tags.map((tag) => (
        <TagChip key={tag.id} name={tag.name} color={tag.color} onRemove={() => remove.mutate({ contactId, tagId: tag.id })} />
      ))}
      {tags.length === 0 && <span className="text-sm text-slate-500">No tags.</span>}
      <select
        aria-label="Add a tag"
        data-testid="add-tag-select"
        value=""
        onChange={(event) => event.target.value && add.mutate({ contactId, tagId: event.target.value })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
      >
        <option value="">+ Add tag</option>
        {available.map((tag) => (
          <option key={tag.id} value={tag.id}>{tag.name}</option>
        ))}
      </select>
    </div>
  );
}
