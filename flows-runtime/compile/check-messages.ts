import { channelCapabilities } from "../channels/channel-capabilities";
import type { ChannelType } from "../channels/channel-type";
import type { OutboundMessage } from "../channels/outbound-message";
import { render } from "../channels/render";
import { normaliseText } from "../text/normalise";
import type { CompiledNode } from "./compiled-node";
import type { DiagnosticList } from "./diagnostic-list";

// What each node sends, checked against every channel the flow runs on: duplicate choice labels
// (a typed reply could not tell them apart) and whatever render() has to cut, split or fall back on.
export function checkMessages(nodes: readonly CompiledNode[], channels: readonly ChannelType[], diagnostics: DiagnosticList): void {
  for (const node of nodes) {
    if (node.messages.length === 0) continue;
    if (!diagnostics.nodeReported(node.id, "duplicate_choice")) {
      node.duplicateChoices ??= node.messages.flatMap((message) => duplicateChoices(node, message));
      for (const { port, message } of node.duplicateChoices) {
        diagnostics.add({ code: "duplicate_choice", severity: "error", nodeId: node.id, ...(port === undefined ? {} : { port }), message });
      }
    }
    if (diagnostics.nodeReported(node.id, "channel_limit")) continue;
    for (const channel of channels) {
      for (const message of channelLimits(node, channel)) diagnostics.add({ code: "channel_limit", severity: "warning", nodeId: node.id, message });
    }
  }
}

// What render() had to change on this channel, worded as warnings. Cached on the node analysis: a
// recompile after an unrelated edit renders nothing again.
function channelLimits(node: CompiledNode, channel: ChannelType): readonly string[] {
  let messages = node.channelLimits.get(channel);
  if (!messages) {
    const name = channelCapabilities[channel].displayName;
    messages = node.messages
      .flatMap((message) => render(message, channel).degraded)
      .map((problem) => (problem.message.includes(name) ? problem.message : `${name}: ${problem.message}`));
    node.channelLimits.set(channel, messages);
  }
  return messages;
}

// Two choices whose labels read the same once normalised, as { port, message } (cached on the node).
function duplicateChoices(node: CompiledNode, message: OutboundMessage): { port?: string; message: string }[] {
  const found: { port?: string; message: string }[] = [];
  const seen = new Map<string, string>();
  for (const choice of message.choices) {
    const label = normaliseText(choice.label);
    if (label === "") continue;
    const first = seen.get(label);
    if (first === undefined) {
      seen.set(label, choice.label);
      continue;
    }
    found.push({
      ...(node.ports.includes(choice.id) ? { port: choice.id } : {}),
      message: `Two choices are labelled "${first}": contacts who type their answer could mean either. Give each choice a different label.`,
    });
  }
  return found;
}
