"use client";

import { useState } from "react";
import type { SimulatorView as SimulationState } from "./simulator-types";

type Props = {
  state: SimulationState;
  busy: boolean;
  onFire: (timerKey: string) => void;
  onSetClock: (at: { localDateTime: string; timeZone: string } | null) => void;
};

// The engine's side of the conversation: where the contact is, each step's trace, what each step
// changed, the wake-ups waiting, and the simulated clock.
export function SimulatorDebug({ state, busy, onFire, onSetClock }: Props) {
  const session = state.session;
  return (
    <div className="space-y-4 p-3 text-xs" data-testid="simulator-debug">
      <section>
        <h3 className="mb-1 font-semibold text-slate-700">Where the contact is</h3>
        <p data-testid="simulator-active-node" className="font-mono text-slate-800">
          {session ? `${session.waiting?.nodeId ?? session.nodeId ?? "—"} (${session.status}${session.waiting ? `, waiting for ${session.waiting.for}` : ""})` : "not in the flow yet"}
        </p>
        {session?.path && session.path.length > 0 && <p className="mt-1 text-slate-500">Path: {session.path.join(" → ")}</p>}
        {session?.error && <p className="mt-1 text-rose-700">Error: {session.error.message}</p>}
      </section>

      <section>
        <h3 className="mb-1 font-semibold text-slate-700">Contact now</h3>
        <p data-testid="simulator-tags">Tags: {state.contact.tags.length > 0 ? state.contact.tags.join(", ") : "none"}</p>
        <KeyValues label="Fields" values={state.contact.fields} testId="simulator-fields" />
        <KeyValues label="Variables" values={session?.variables ?? {}} testId="simulator-variables" />
      </section>

      <section>
        <h3 className="mb-1 font-semibold text-slate-700">Wake-ups</h3>
        {state.pendingWakeUps.length === 0 && <p className="text-slate-500">None pending.</p>}
        {state.pendingWakeUps.map((wakeUp) => (
          <div key={wakeUp.key} data-testid="simulator-wake-up" className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-2 py-1">
            <span>
              {wakeUp.kind} at <span className="font-mono">{wakeUp.nodeId}</span>
              {wakeUp.at ? `, due ${new Date(wakeUp.at).toLocaleString()}` : ""}
            </span>
            <button type="button" data-testid="simulator-fire-now" className="rounded bg-indigo-600 px-2 py-0.5 font-medium text-white disabled:opacity-50" disabled={busy} onClick={() => onFire(wakeUp.key)}>
              Fire now
            </button>
          </div>
        ))}
      </section>

      <ClockForm clock={state.clock} busy={busy} onSetClock={onSetClock} />

      <section>
        <h3 className="mb-1 font-semibold text-slate-700">Steps</h3>
        <ol className="space-y-2" data-testid="simulator-steps">
          {state.steps.map((step) => (
            <li key={step.seq} data-testid="simulator-step" className="rounded-md border border-slate-200 p-2">
              <p className="font-medium text-slate-700">{describeEvent(step.event)}</p>
              <ul className="mt-1 space-y-0.5 font-mono text-[11px] text-slate-600">
                {step.trace.map((entry, index) => (
                  <li key={index} className={entry.error ? "text-rose-700" : undefined}>
                    {entry.nodeId || "·"} {entry.kind}
                    {entry.port ? ` → ${entry.port}` : ""}
                    {entry.note ? ` (${entry.note})` : ""}
                  </li>
                ))}
              </ul>
              <Changes before={step.before} after={step.after} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function KeyValues({ label, values, testId }: { label: string; values: Record<string, unknown>; testId: string }) {
  const entries = Object.entries(values);
  return (
    <p data-testid={testId}>
      {label}: {entries.length === 0 ? "none" : entries.map(([key, value]) => `${key} = ${JSON.stringify(value)}`).join(", ")}
    </p>
  );
}

// What one step changed: tags added and removed, fields and variables set.
function Changes({ before, after }: { before: SimulationState["steps"][number]["before"]; after: SimulationState["steps"][number]["after"] }) {
  const added = after.tags.filter((tag) => !before.tags.includes(tag));
  const removed = before.tags.filter((tag) => !after.tags.includes(tag));
  const changed = (from: Record<string, unknown>, to: Record<string, unknown>) =>
    Object.keys(to).filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key])).map((key) => `${key} = ${JSON.stringify(to[key])}`);
  const lines = [
    ...added.map((tag) => `+ tag ${tag}`),
    ...removed.map((tag) => `− tag ${tag}`),
    ...changed(before.fields, after.fields).map((line) => `field ${line}`),
    ...changed(before.variables, after.variables).map((line) => `var ${line}`),
  ];
  if (lines.length === 0) return null;
  return (
    <ul data-testid="simulator-step-changes" className="mt-1 space-y-0.5 text-[11px] text-emerald-800">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function ClockForm({ clock, busy, onSetClock }: { clock: SimulationState["clock"]; busy: boolean; onSetClock: Props["onSetClock"] }) {
  const [localDateTime, setLocalDateTime] = useState("");
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  return (
    <section>
      <h3 className="mb-1 font-semibold text-slate-700">Clock</h3>
      <p data-testid="simulator-clock">
        {clock.offsetMs === 0 ? "Real time:" : "Pretending it is"} {formatClock(clock.now, timeZone)} ({timeZone})
      </p>
      <form
        className="mt-1 flex flex-wrap items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (localDateTime) onSetClock({ localDateTime, timeZone });
        }}
      >
        <input type="datetime-local" aria-label="Simulated date and time" data-testid="simulator-clock-input" className="rounded border border-slate-300 px-1 py-0.5" value={localDateTime} onChange={(event) => setLocalDateTime(event.target.value)} />
        <input aria-label="Time zone" data-testid="simulator-clock-zone" className="w-32 rounded border border-slate-300 px-1 py-0.5" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} />
        <button type="submit" data-testid="simulator-clock-set" className="rounded bg-slate-800 px-2 py-0.5 text-white disabled:opacity-50" disabled={busy || !localDateTime}>
          Set
        </button>
        {clock.offsetMs !== 0 && (
          <button type="button" className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-100" onClick={() => onSetClock(null)} disabled={busy}>
            Real time
          </button>
        )}
      </form>
    </section>
  );
}

function describeEvent(event: Record<string, unknown>): string {
  const type = String(event.type ?? "");
  if (type === "start") return `Start (${String(event.reason)})${event.nodeId ? ` at ${String(event.nodeId)}` : ""}`;
  if (type === "message") {
    const message = (event.message ?? {}) as { text?: string; payload?: string };
    return message.payload ? `Tap “${message.text ?? message.payload}”` : `Message “${message.text ?? ""}”`;
  }
  if (type === "timer") return "Wake-up fired";
  if (type === "http_result") return "HTTP result";
  return type;
}

function formatClock(at: number, timeZone: string): string {
  try {
    return new Date(at).toLocaleString("en-GB", { timeZone, weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  } catch {
    return new Date(at).toISOString();
  }
}
