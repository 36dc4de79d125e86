"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { channelCapabilities, channelTypes, type ChannelType } from "@/flows-runtime";
import { useFlowEditor } from "@/components/flow-editor/store/flow-editor-context";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { SimulationSetup, SimulationStart } from "@/server/simulator/simulation-setup";

type StartKind = SimulationStart["kind"];
const startLabels: Record<StartKind, string> = {
  message: "A first message",
  ref: "A deep link / QR ref",
  tag: "A tag being added",
  node: "Start here, at a step",
  none: "Nothing yet (I will write)",
};

const field = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

// Who the test contact is, on which channel, against which version, and how they begin.
export function SimulatorSetupForm({ flowId, pending, error, onStart }: { flowId: string; pending: boolean; error: string | null; onStart: (setup: SimulationSetup) => void }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.flows.versions.queryOptions({ id: flowId }));
  const nodeIds = useFlowEditor((state) => Object.keys(state.document.nodes).join("\n"));
  const saved = useFlowEditor((state) => state.save.status === "saved");
  const [version, setVersion] = useState("draft");
  const [channel, setChannel] = useState<ChannelType>("whatsapp");
  const [name, setName] = useState("Test contact");
  const [phone, setPhone] = useState("");
  const [locale, setLocale] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [tags, setTags] = useState("");
  const [fields, setFields] = useState("");
  const [startKind, setStartKind] = useState<StartKind>("message");
  const [startValue, setStartValue] = useState("hi");
  const [nodeId, setNodeId] = useState("");
  const [variables, setVariables] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const parsedFields = parsePairs(fields);
    const parsedVariables = parsePairs(variables);
    if (!parsedFields || !parsedVariables) return setProblem("Write fields and variables as key=value, one per line.");
    const start: SimulationStart =
      startKind === "message" ? { kind: "message", text: startValue || "hi" }
      : startKind === "ref" ? { kind: "ref", ref: startValue }
      : startKind === "tag" ? { kind: "tag", tag: startValue }
      : startKind === "node" ? { kind: "node", nodeId: nodeId || nodeIds.split("\n")[0] || "", variables: parsedVariables }
      : { kind: "none" };
    setProblem(null);
    onStart({
      flowId,
      version,
      channel,
      contact: {
        name: name.trim() || "Test contact",
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(locale.trim() ? { locale: locale.trim() } : {}),
        ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
        tags: tags.split(",").map((tag) => tag.trim()).filter(Boolean),
        fields: parsedFields,
      },
      start,
    });
  };

  return (
    <form
      data-testid="simulator-setup"
      className="space-y-3 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Row label="Version">
        <select data-testid="simulator-version" className={field} value={version} onChange={(event) => setVersion(event.target.value)}>
          <option value="draft">Current draft</option>
          {(versions.data ?? []).map((entry) => (
            <option key={entry.id} value={entry.id}>
              Version {entry.version}
              {entry.live ? " (live)" : ""}
            </option>
          ))}
        </select>
      </Row>
      <Row label="Channel">
        <select data-testid="simulator-channel" className={field} value={channel} onChange={(event) => setChannel(event.target.value as ChannelType)}>
          {channelTypes.map((type) => (
            <option key={type} value={type}>
              {channelCapabilities[type].displayName}
            </option>
          ))}
        </select>
      </Row>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="mb-1 text-xs font-semibold text-slate-600">Test contact</legend>
        <input aria-label="Name" data-testid="simulator-contact-name" className={field} value={name} onChange={(event) => setName(event.target.value)} placeholder="Name" />
        <input aria-label="Phone" className={field} value={phone} onChange={(event) => setPhone(event.target.value)} placeholder="Phone (+81…)" />
        <input aria-label="Locale" className={field} value={locale} onChange={(event) => setLocale(event.target.value)} placeholder="Locale (ja-JP)" />
        <input aria-label="Time zone" className={field} value={timeZone} onChange={(event) => setTimeZone(event.target.value)} placeholder="Time zone (Asia/Tokyo)" />
        <input aria-label="Starting tags" data-testid="simulator-contact-tags" className={`${field} col-span-2`} value={tags} onChange={(event) => setTags(event.target.value)} placeholder="Starting tags, comma-separated" />
        <textarea aria-label="Starting fields" className={`${field} col-span-2`} rows={2} value={fields} onChange={(event) => setFields(event.target.value)} placeholder={"Starting fields, key=value per line"} />
      </fieldset>
      <Row label="Starts with">
        <select data-testid="simulator-start-kind" className={field} value={startKind} onChange={(event) => setStartKind(event.target.value as StartKind)}>
          {(Object.keys(startLabels) as StartKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {startLabels[kind]}
            </option>
          ))}
        </select>
      </Row>
      {(startKind === "message" || startKind === "ref" || startKind === "tag") && (
        <input aria-label="Start value" data-testid="simulator-start-value" className={field} value={startValue} onChange={(event) => setStartValue(event.target.value)} placeholder={startKind === "message" ? "hi" : startKind === "ref" ? "poster_2026" : "vip"} />
      )}
      {startKind === "node" && (
        <>
          <select aria-label="Step to start at" data-testid="simulator-start-node" className={field} value={nodeId} onChange={(event) => setNodeId(event.target.value)}>
            {nodeIds.split("\n").filter(Boolean).map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
          <textarea aria-label="Variables" className={field} rows={2} value={variables} onChange={(event) => setVariables(event.target.value)} placeholder="Variables, key=value per line" />
        </>
      )}
      {(problem ?? error) && (
        <p role="alert" className="rounded-md bg-rose-50 px-2 py-1 text-xs text-rose-800">
          {problem ?? error}
        </p>
      )}
      <button type="submit" data-testid="simulator-start" className="w-full rounded-md bg-emerald-600 px-3 py-2 font-medium text-white disabled:opacity-50" disabled={pending || (version === "draft" && !saved)}>
        {version === "draft" && !saved ? "Saving the draft…" : pending ? "Starting…" : "Start the simulation"}
      </button>
    </form>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-semibold text-slate-600">{label}</span>
      {children}
    </label>
  );
}

// "key=value" lines; a number-looking value becomes a number. Null when a line is not key=value.
function parsePairs(text: string): Record<string, unknown> | null {
  const result: Record<string, unknown> = {};
  for (const line of text.split("\n").map((entry) => entry.trim()).filter(Boolean)) {
    const at = line.indexOf("=");
    if (at <= 0) return null;
    const value = line.slice(at + 1).trim();
    result[line.slice(0, at).trim()] = value !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return result;
}
