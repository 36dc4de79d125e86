"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { channelCapabilities, type ChannelType, type InboundMessage } from "@/flows-runtime";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { SimulatorView as SimulationState } from "./simulator-types";
import { SimulatorCases } from "./simulator-cases";
import { SimulatorChat } from "./simulator-chat";
import { SimulatorDebug } from "./simulator-debug";
import { SIMULATOR_DRAWER_WIDTH, useSimulatorHighlightStore } from "./simulator-highlight";
import { SimulatorSetupForm } from "./simulator-setup-form";
import { downloadTranscript } from "./transcript";
import { knownParts, mergeSimulatorView } from "./merge-simulator-view";

const tabs = [
  { id: "chat", label: "Chat" },
  { id: "debug", label: "Debug" },
  { id: "cases", label: "Test cases" },
] as const;
type Tab = (typeof tabs)[number]["id"];

// The builder's simulator: a test contact talks to this flow through the production runtime, on the
// chosen channel, with the engine's state beside the chat and on the canvas.
export function SimulatorDrawer({ flowId, onClose }: { flowId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SimulationState | null>(null);
  const [tab, setTab] = useState<Tab>("chat");
  const setHighlight = useSimulatorHighlightStore((store) => store.set);
  const follow = useSimulatorHighlightStore((store) => store.follow);
  const setFollow = useSimulatorHighlightStore((store) => store.setFollow);
  // The canvas lights the step in the same render as the reply, not in an effect a frame later.
  const show = (next: SimulationState | null) => {
    setState(next);
    const session = next?.session;
    setHighlight(session ? (session.waiting?.nodeId ?? session.nodeId) : null, session?.path ?? []);
  };
  const onState = {
    onSuccess: (next: SimulationState) => {
      // The drawer moved on (New) while the answer was on its way.
      if (state?.id !== next.id) return;
      const merged = mergeSimulatorView(state, next);
      if (merged) return show(merged);
      void queryClient.fetchQuery({ ...trpc.simulator.state.queryOptions({ simulationId: next.id }), staleTime: 0 }).then(show);
    },
  };
  // A new conversation opens on its chat.
  const onNewState = { onSuccess: (next: SimulationState) => { show(next); setTab("chat"); } };
  const start = useMutation(trpc.simulator.start.mutationOptions(onNewState));
  const send = useMutation(trpc.simulator.send.mutationOptions(onState));
  const setClock = useMutation(trpc.simulator.setClock.mutationOptions(onState));
  const restart = useMutation(trpc.simulator.restart.mutationOptions(onNewState));
  const busy = start.isPending || send.isPending || setClock.isPending || restart.isPending;
  const error = [start, send, setClock, restart].find((mutation) => mutation.error)?.error?.message ?? null;

  // Closing the drawer clears the canvas.
  useEffect(() => () => setHighlight(null, []), [setHighlight]);

  const sendInput = (input: Parameters<typeof send.mutate>[0]["input"]) => state && send.mutate({ simulationId: state.id, input, known: knownParts(state) });
  // One function for the whole conversation, so an answer redraws only the chat's new messages.
  const latestSendInput = useRef(sendInput);
  useEffect(() => {
    latestSendInput.current = sendInput;
  });
  const sendMessage = useCallback((message: InboundMessage) => void latestSendInput.current({ kind: "message", message }), []);
  const channelLabel = state ? channelCapabilities[state.channel as ChannelType].displayName : "";

  return (
    <aside data-testid="simulator-drawer" aria-label="Simulator" className="absolute inset-y-0 right-0 z-20 flex max-w-full flex-col border-l border-slate-200 bg-white shadow-2xl" style={{ width: SIMULATOR_DRAWER_WIDTH }}>
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">Simulator{state ? ` · ${channelLabel}` : ""}</h2>
        {state && (
          <>
            <button
              type="button"
              data-testid="simulator-follow"
              aria-pressed={follow}
              title="Keep the step the contact is at in view on the canvas"
              className={`ml-auto rounded px-2 py-1 text-xs ${follow ? "bg-emerald-50 text-emerald-700" : "text-slate-600 hover:bg-slate-100"}`}
              onClick={() => setFollow(!follow)}
            >
              Follow
            </button>
            <button type="button" data-testid="simulator-restart" className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100" disabled={busy} onClick={() => restart.mutate({ simulationId: state.id })}>
              Restart
            </button>
            <button type="button" data-testid="simulator-export" className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100" onClick={() => downloadTranscript(state, channelLabel)}>
              Export
            </button>
            <button type="button" data-testid="simulator-new" className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100" onClick={() => show(null)}>
              New
            </button>
          </>
        )}
        <button type="button" aria-label="Close the simulator" data-testid="simulator-close" className={`${state ? "" : "ml-auto "}rounded px-2 py-1 text-slate-500 hover:bg-slate-100`} onClick={onClose}>
          ✕
        </button>
      </header>
      {!state ? (
        <div className="min-h-0 flex-1 overflow-y-auto">
          <SimulatorSetupForm flowId={flowId} pending={start.isPending} error={start.error?.message ?? null} onStart={(setup) => start.mutate(setup)} />
          <SimulatorCases flowId={flowId} simulationId={null} />
        </div>
      ) : (
        <>
          <div role="tablist" className="flex gap-1 border-b border-slate-200 px-2">
            {tabs.map(({ id, label }) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} data-testid={`simulator-tab-${id}`} onClick={() => setTab(id)}
                className={`-mb-px border-b-2 px-3 py-1.5 text-xs font-medium ${tab === id ? "border-emerald-600 text-slate-900" : "border-transparent text-slate-500"}`}>
                {label}
              </button>
            ))}
          </div>
          {error && (
            <p role="alert" className="bg-rose-50 px-3 py-1 text-xs text-rose-800">
              {error}
            </p>
          )}
          {tab === "chat" && <SimulatorChat messages={state.messages} channelLabel={channelLabel} busy={busy} onSend={sendMessage} />}
          {tab === "debug" && (
            <div className="min-h-0 flex-1 overflow-y-auto">
              <SimulatorDebug state={state} busy={busy} onFire={(timerKey) => sendInput({ kind: "fire", timerKey })} onSetClock={(at) => setClock.mutate({ simulationId: state.id, at, known: knownParts(state) })} />
            </div>
          )}
          {tab === "cases" && (
            <div className="min-h-0 flex-1 overflow-y-auto">
              <SimulatorCases flowId={flowId} simulationId={state.id} />
            </div>
          )}
        </>
      )}
    </aside>
  );
}
