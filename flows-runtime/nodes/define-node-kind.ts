import type { z } from "zod";
import type { OutboundMessage } from "../channels/outbound-message";
import type { ChannelType } from "../channels/channel-type";
import type { Action } from "../engine/actions";
import type { ContactSnapshot, StepContext, WorkspaceSettings } from "../engine/context";
import type { EngineEvent, InboundMessage } from "../engine/events";
import type { Waiting } from "../engine/session";

export type DiagnosticSeverity = "error" | "warning";

// A problem a node reports about itself; compile() adds the node id.
export type DiagnosticDraft = {
  code: string;
  severity: DiagnosticSeverity;
  port?: string;
  message: string;
};

export type DiagnoseContext = {
  nodeId: string;
  // Contact field keys the workspace knows (built-in and custom).
  knownFields: ReadonlySet<string>;
  // Flow variables declared in the document or written by some node.
  knownVariables: ReadonlySet<string>;
  // Flows a jump may target; undefined when the caller cannot say (then jumps are not checked).
  knownFlowIds?: ReadonlySet<string>;
  // Channels the flow will run on, for channel-limit warnings.
  channels: readonly ChannelType[];
};

// What a node reads and writes, so the compiler can check references without knowing the kind.
export type NodeReferences = {
  // Template sources the node renders ({{contact.first_name}}, {{vars.budget}}...).
  templates?: string[];
  readsVariables?: string[];
  readsFields?: string[];
  writesVariables?: string[];
  writesFields?: string[];
};

export type NodeRunContext = {
  nodeId: string;
  now: StepContext["now"];
  random: StepContext["random"];
  // The contact as it is at this point of the step (earlier tag / field actions already applied).
  contact: ContactSnapshot;
  variables: Readonly<Record<string, unknown>>;
  settings: WorkspaceSettings;
  http: StepContext["http"];
  // The event being processed, and the last message the contact sent (for conditions on it).
  event: EngineEvent;
  lastMessage: InboundMessage | undefined;
  // A key unique within this session and deterministic on replay (for timers and HTTP requests).
  nextKey: (prefix: string) => string;
  // Renders a template against the contact and variables; unknown references render empty.
  template: (source: string) => string;
};

type NodeResultCommon = {
  actions?: Action[];
  // Flow variables to set (merged into the session).
  variables?: Record<string, unknown>;
  // Why the node went where it went, for the trace ("matched choice 2", "outside business hours").
  note?: string;
};

export type NodeResult =
  | (NodeResultCommon & { outcome: "next"; port: string })
  | (NodeResultCommon & { outcome: "wait"; waiting: Waiting })
  | (NodeResultCommon & { outcome: "end" });

export type NodeKindDefinition<K extends string = string, S extends z.ZodType = z.ZodType> = {
  kind: K;
  // zod schema of the node's data, with .default()s so a freshly added node is valid.
  data: S;
  // Output ports, in display order. Depends on data for question choices, condition rules, split branches.
  ports: (data: z.output<S>) => readonly string[];
  // Ports that must be connected for the flow to publish (default: none; e.g. a question's `timeout`
  // only when a timeout is configured).
  requiredPorts?: (data: z.output<S>) => readonly string[];
  // True when running this node always stops to wait for the contact or a timer: such a node breaks a
  // cycle that would otherwise loop within one event.
  waits?: (data: z.output<S>) => boolean;
  references?: (data: z.output<S>) => NodeReferences;
  // What this node sends, so the compiler can check it against every channel's limits.
  messages?: (data: z.output<S>) => OutboundMessage[];
  diagnose?: (data: z.output<S>, ctx: DiagnoseContext) => DiagnosticDraft[];
  run: (data: z.output<S>, ctx: NodeRunContext) => NodeResult;
  // Called when the session waits at this node and an event arrives for it (message, timer, http_result).
  resume?: (data: z.output<S>, ctx: NodeRunContext, waiting: Waiting) => NodeResult;
};

export function defineNodeKind<K extends string, S extends z.ZodType>(
  definition: NodeKindDefinition<K, S>,
): NodeKindDefinition<K, S> {
  return definition;
}
