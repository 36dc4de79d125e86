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
      for (const message of node.messages) checkDuplicateChoices(node, message, diagnostics);
    }
    if (diagnostics.nodeReported(node.id, "channel_limit")) continue;
    for (const channel of channels) {
      const name = channelCapabilities[channel].displayName;
      for (const problem of degradedOn(node, channel)) {
        diagnostics.add({
          code: "channel_limit",
          severity: "warning",
          nodeId: node.id,
          message: problem.message.includes(name) ? problem.message : `${name}: ${problem.message}`,
        });
      }
    }
  }
}

// Cached on the node analysis: a recompile after an unrelated edit renders nothing again.
function degradedOn(node: CompiledNode, channel: ChannelType): { code: string; message: string }[] {
  let degraded = node.degraded.get(channel);
  if (!degraded) {
    degraded = node.messages.flatMap((message) => render(message, channel).degraded);
    node.degraded.set(channel, degraded);
  }
  return degraded;
}

function checkDuplicateChoices(node: CompiledNode, message: OutboundMessage, diagnostics: DiagnosticList): void {
  const seen = new Map<string, string>();
  for (const choice of message.choices) {
    const label = normaliseText(choice.label);
    if (label === "") continue;
    const first = seen.get(label);
    if (first === undefined) {
      seen.set(label, choice.label);
      continue;
    }
    diagnostics.add({
      code: "duplicate_choice",
      severity: "error",
      nodeId: node.id,
      ...(node.ports.includes(choice.id) ? { port: choice.id } : {}),
      message: `Two choices are labelled "${first}": contacts who type their answer could mean either. Give each choice a different label.`,
    });
  }
}
