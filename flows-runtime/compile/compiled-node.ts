import type { ChannelType } from "../channels/channel-type";
import type { OutboundMessage } from "../channels/outbound-message";
import type { FlowNode } from "../graph/flow-graph";
import type { DiagnosticDraft } from "../nodes/define-node-kind";
import type { AnyNodeKindDefinition } from "../nodes/find-node-kind";
import type { NodeUsage } from "./node-usage";

// The compiler's view of one node: everything the generic checks need, computed once per node content.
export type CompiledNode = {
  id: string;
  kind: string;
  // Undefined when the kind is unknown or the data does not parse (`problem` says which).
  definition: AnyNodeKindDefinition | undefined;
  data: unknown;
  problem: { code: string; message: string } | undefined;
  ports: readonly string[];
  waits: boolean;
  usage: NodeUsage;
  messages: readonly OutboundMessage[];
  // The node as it goes into the graph, and its member of the graph's canonical "nodes" object,
  // `"<id>":<canonical JSON of the node>` in UTF-8 (for the content hash).
  graphNode: FlowNode;
  canonicalEntry: Uint8Array;
  // Filled on first use by checkMessages: channel_limit messages per channel (what render() had to
  // change), and the duplicate_choice problems.
  channelLimits: Map<ChannelType, readonly string[]>;
  duplicateChoices?: readonly { port?: string; message: string }[];
  // What the kind's diagnose() returned (or threw) for the last diagnose context, by its key.
  diagnosed?: { contextKey: string; drafts: readonly DiagnosticDraft[]; failure?: string };
};
