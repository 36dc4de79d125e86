"use client";

import { useMemo, useState, type DragEvent } from "react";
import type { NodeKind } from "@/flows-runtime";
import { usePlaceAtCenter } from "../canvas/use-place-at-center";
import { nodeKindUi, paletteGroups } from "../nodes/registry";
import { useFlowEditor, useFlowEditorStore } from "../store/flow-editor-context";
import { NODE_KIND_MIME } from "./node-kind-drag";

const allKinds = Object.keys(nodeKindUi) as NodeKind[];

// Every kind of step, grouped; drag one onto the canvas, or click it to add it in the middle of the view.
export function Palette() {
  const store = useFlowEditorStore();
  const readOnly = useFlowEditor((state) => state.readOnly);
  const placeAtCenter = usePlaceAtCenter();
  const [query, setQuery] = useState("");

  const groups = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = allKinds.filter((kind) => {
      const text = `${nodeKindUi[kind].label} ${nodeKindUi[kind].description} ${kind}`.toLowerCase();
      return words.every((word) => text.includes(word));
    });
    return paletteGroups
      .map((group) => ({ group, kinds: matches.filter((kind) => nodeKindUi[kind].group === group) }))
      .filter((entry) => entry.kinds.length > 0);
  }, [query]);

  const add = (kind: NodeKind) => {
    store.getState().addNode(kind, placeAtCenter());
  };

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(NODE_KIND_MIME, kind);
    event.dataTransfer.effectAllowed = "copy";
  };

  return (
    <nav aria-label="Steps" className="flex h-full flex-col" data-testid="palette">
      <div className="border-b border-slate-200 p-3">
        <label className="relative block">
          <span className="sr-only">Search steps</span>
          <svg viewBox="0 0 24 24" aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" fill="none" stroke="currentColor" strokeWidth={2}>
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" strokeLinecap="round" />
          </svg>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setQuery("");
            }}
            placeholder="Search steps"
            className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-8 text-sm placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none"
            data-testid="palette-search"
          />
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {groups.length === 0 && <p className="px-2 py-6 text-center text-sm text-slate-500">No step matches “{query.trim()}”.</p>}
        {groups.map(({ group, kinds }) => (
          <section key={group} className="mt-3" aria-labelledby={`palette-group-${group}`}>
            <h3 id={`palette-group-${group}`} className="px-2 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
              {group}
            </h3>
            <ul className="space-y-0.5">
              {kinds.map((kind) => {
                const ui = nodeKindUi[kind];
                return (
                  <li key={kind}>
                    <button
                      type="button"
                      draggable={!readOnly}
                      disabled={readOnly}
                      onDragStart={(event) => onDragStart(event, kind)}
                      onClick={() => add(kind)}
                      title={readOnly ? "Viewing an old version: read only" : `Drag onto the canvas, or click to add in the middle`}
                      className="group flex w-full cursor-grab items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent"
                      data-testid={`palette-item-${kind}`}
                    >
                      <span
                        className="mt-0.5 grid size-7 shrink-0 place-items-center rounded-md"
                        style={{ backgroundColor: `${ui.accent}1a`, color: ui.accent }}
                      >
                        <ui.Icon className="size-4" />
                      </span>
                      <span className="min-w-0">
                        <span className="block text-sm font-medium text-slate-900">{ui.label}</span>
                        <span className="block text-xs leading-4 text-slate-500">{ui.description}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
