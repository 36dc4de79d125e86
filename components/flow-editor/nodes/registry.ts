import type { ComponentType } from "react";
import type { z } from "zod";
import type { NodeKind, NodeKindOf } from "@/flows-runtime";
import { BusinessHoursSummary } from "./business-hours/business-hours-summary";
import { ConditionSummary } from "./condition/condition-summary";
import { EndSummary } from "./end/end-summary";
import { FaqSummary } from "./faq/faq-summary";
import { HandoffSummary } from "./handoff/handoff-summary";
import { HttpRequestSummary } from "./http-request/http-request-summary";
import { JumpSummary } from "./jump/jump-summary";
import { MessageSummary } from "./message/message-summary";
import { nodeIcons, type NodeIconComponent } from "./node-icons";
import { QuestionSummary } from "./question/question-summary";
import { SetFieldSummary } from "./set-field/set-field-summary";
import { SplitSummary } from "./split/split-summary";
import { TagSummary } from "./tag/tag-summary";
import { TriggerSummary } from "./trigger/trigger-summary";
import { WaitSummary } from "./wait/wait-summary";

// A kind's data as its zod schema outputs it (defaults filled in).
export type NodeData<K extends NodeKind> = z.output<NodeKindOf<K>["data"]>;

export const paletteGroups = ["Start", "Send", "Ask", "Logic", "Act"] as const;
export type PaletteGroup = (typeof paletteGroups)[number];

export type NodeKindUi<K extends NodeKind> = {
  label: string;
  group: PaletteGroup;
  // One line for the palette: what the step does, in the marketer's words.
  description: string;
  Icon: NodeIconComponent;
  // Hex colour of the node's header stripe, palette icon and minimap dot.
  accent: string;
  // The node's content at a glance, inside the canvas node.
  Summary: ComponentType<{ data: NodeData<K> }>;
  // The label of an output port whose name is an id (a choice, a rule, a branch); others show their name.
  portLabel?: (data: NodeData<K>, port: string) => string | undefined;
};

// The canvas side of every node kind. Typed against the engine's registry, so a new kind fails tsc
// until it has a palette entry and a canvas node.
export const nodeKindUi = {
  trigger: {
    label: "Trigger",
    group: "Start",
    description: "Starts the flow on a keyword, link, new contact or tag",
    Icon: nodeIcons.bolt,
    accent: "#059669",
    Summary: TriggerSummary,
  },
  message: {
    label: "Message",
    group: "Send",
    description: "Sends text, an image or a file, with optional buttons",
    Icon: nodeIcons.message,
    accent: "#0284c7",
    Summary: MessageSummary,
  },
  question: {
    label: "Question",
    group: "Ask",
    description: "Asks and waits for an answer, then saves it",
    Icon: nodeIcons.question,
    accent: "#7c3aed",
    Summary: QuestionSummary,
    portLabel: (data, port) => data.choices.find((choice) => choice.id === port)?.label || undefined,
  },
  faq: {
    label: "FAQ",
    group: "Ask",
    description: "Answers common questions from a Q&A list",
    Icon: nodeIcons.book,
    accent: "#4f46e5",
    Summary: FaqSummary,
  },
  condition: {
    label: "Condition",
    group: "Logic",
    description: "Branches on fields, tags, variables or the last message",
    Icon: nodeIcons.branch,
    accent: "#d97706",
    Summary: ConditionSummary,
    portLabel: (data, port) => {
      const index = data.rules.findIndex((rule) => rule.id === port);
      if (index < 0) return undefined;
      return data.rules[index]?.label || `Rule ${index + 1}`;
    },
  },
  business_hours: {
    label: "Business hours",
    group: "Logic",
    description: "Branches on whether you are open right now",
    Icon: nodeIcons.clock,
    accent: "#0d9488",
    Summary: BusinessHoursSummary,
  },
  split: {
    label: "A/B split",
    group: "Logic",
    description: "Sends contacts down random branches by weight",
    Icon: nodeIcons.split,
    accent: "#db2777",
    Summary: SplitSummary,
    portLabel: (data, port) => {
      const index = data.branches.findIndex((branch) => branch.id === port);
      if (index < 0) return undefined;
      return data.branches[index]?.label || `Branch ${index + 1}`;
    },
  },
  wait: {
    label: "Wait",
    group: "Logic",
    description: "Pauses for a while before continuing",
    Icon: nodeIcons.hourglass,
    accent: "#64748b",
    Summary: WaitSummary,
  },
  jump: {
    label: "Jump to flow",
    group: "Logic",
    description: "Continues in another flow",
    Icon: nodeIcons.jump,
    accent: "#475569",
    Summary: JumpSummary,
  },
  end: {
    label: "End",
    group: "Logic",
    description: "Ends the flow, optionally closing the conversation",
    Icon: nodeIcons.stop,
    accent: "#e11d48",
    Summary: EndSummary,
  },
  tag: {
    label: "Tag",
    group: "Act",
    description: "Adds or removes contact tags",
    Icon: nodeIcons.tag,
    accent: "#65a30d",
    Summary: TagSummary,
  },
  set_field: {
    label: "Set field",
    group: "Act",
    description: "Sets a contact field or a flow variable",
    Icon: nodeIcons.pencil,
    accent: "#0891b2",
    Summary: SetFieldSummary,
  },
  http_request: {
    label: "HTTP request",
    group: "Act",
    description: "Calls an external API and saves the response",
    Icon: nodeIcons.globe,
    accent: "#2563eb",
    Summary: HttpRequestSummary,
  },
  handoff: {
    label: "Hand off",
    group: "Act",
    description: "Assigns the conversation to a person or team",
    Icon: nodeIcons.person,
    accent: "#ea580c",
    Summary: HandoffSummary,
  },
} satisfies { [K in NodeKind]: NodeKindUi<K> };

export function isNodeKind(kind: string): kind is NodeKind {
  return Object.hasOwn(nodeKindUi, kind);
}
