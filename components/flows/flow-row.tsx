"use client";

import Link from "next/link";
import { useState } from "react";
import { rowActionButton } from "./buttons";
import { FlowChannels } from "./flow-channels";
import { FlowStatusBadge } from "./flow-status-badge";
import { formatLastEdit } from "./format-last-edit";
import { isPendingFor, type FlowActions } from "./use-flow-actions";
import type { FlowListItem } from "./use-flow-list";

export function FlowRow({ flow, now, actions, onDelete }: { flow: FlowListItem; now: Date; actions: FlowActions; onDelete: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const lastEdit = formatLastEdit(flow.updatedAt, now);
  const busy = (mutation: Parameters<typeof isPendingFor>[0]) => isPendingFor(mutation, flow.id);

  return (
    <tr data-testid="flow-row" data-flow-id={flow.id} className="group border-t border-slate-100 hover:bg-slate-50/60">
      <td className="px-4 py-3 align-middle">
        {renaming ? (
          <RenameForm
            initial={flow.name}
            pending={busy(actions.rename)}
            onCancel={() => setRenaming(false)}
            onSave={(name) => actions.rename.mutate({ id: flow.id, name }, { onSuccess: () => setRenaming(false) })}
          />
        ) : (
          <div className="min-w-0">
            <Link href={`/flows/${flow.id}`} data-testid="flow-name" className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
              {flow.name}
            </Link>
            <p className="text-xs text-slate-500">
              {flow.nodeCount} step{flow.nodeCount === 1 ? "" : "s"}
            </p>
          </div>
        )}
      </td>
      <td className="px-4 py-3 align-middle">
        <FlowStatusBadge status={flow.status} publishedVersion={flow.publishedVersion} />
      </td>
      <td className="px-4 py-3 align-middle text-sm">
        <FlowChannels channels={flow.channels} />
      </td>
      <td className="px-4 py-3 align-middle text-sm whitespace-nowrap text-slate-600">
        <time dateTime={new Date(flow.updatedAt).toISOString()} title={lastEdit.title}>
          {lastEdit.label}
        </time>
      </td>
      <td className="px-4 py-3 text-right align-middle whitespace-nowrap">
        <div className="inline-flex items-center gap-0.5">
          <Link href={`/flows/${flow.id}`} data-testid="open-link" className={`${rowActionButton} text-indigo-700`}>
            Open
          </Link>
          <button type="button" data-testid="rename-button" className={rowActionButton} onClick={() => setRenaming(true)} disabled={renaming}>
            Rename
          </button>
          <button
            type="button"
            data-testid="duplicate-button"
            className={rowActionButton}
            disabled={busy(actions.duplicate)}
            onClick={() => actions.duplicate.mutate({ id: flow.id })}
          >
            {busy(actions.duplicate) ? "Duplicating…" : "Duplicate"}
          </button>
          <button
            type="button"
            data-testid="export-button"
            className={rowActionButton}
            disabled={busy(actions.exportFlow)}
            onClick={() => actions.exportFlow.mutate({ id: flow.id })}
          >
            Export
          </button>
          <button type="button" data-testid="delete-button" className={`${rowActionButton} text-rose-700 hover:bg-rose-50 hover:text-rose-800`} onClick={onDelete}>
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

function RenameForm({ initial, pending, onSave, onCancel }: { initial: string; pending: boolean; onSave: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === initial) onCancel();
        else if (trimmed) onSave(trimmed);
      }}
    >
      <input
        data-testid="rename-input"
        aria-label="Flow name"
        value={name}
        maxLength={120}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
        }}
        className="w-full min-w-40 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
      />
      <button type="submit" data-testid="rename-save" disabled={!trimmed || pending} className={`${rowActionButton} text-indigo-700`}>
        {pending ? "Saving…" : "Save"}
      </button>
      <button type="button" className={rowActionButton} onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
