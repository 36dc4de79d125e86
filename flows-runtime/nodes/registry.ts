import { businessHoursNode } from "./business-hours/business-hours";
import { conditionNode } from "./condition/condition";
import { endNode } from "./end/end";
import { faqNode } from "./faq/faq";
import { handoffNode } from "./handoff/handoff";
import { httpRequestNode } from "./http-request/http-request";
import { jumpNode } from "./jump/jump";
import { messageNode } from "./message/message";
import { questionNode } from "./question/question";
import { setFieldNode } from "./set-field/set-field";
import { splitNode } from "./split/split";
import { tagNode } from "./tag/tag";
import { triggerNode } from "./trigger/trigger";
import { waitNode } from "./wait/wait";

// The one list of node kinds. Every layer (schema, compiler, engine, canvas, inspector) hangs off it.
export const nodeKinds = [
  triggerNode,
  messageNode,
  questionNode,
  conditionNode,
  businessHoursNode,
  tagNode,
  setFieldNode,
  waitNode,
  httpRequestNode,
  handoffNode,
  faqNode,
  splitNode,
  jumpNode,
  endNode,
] as const;

type AnyNodeKind = (typeof nodeKinds)[number];
export type NodeKind = AnyNodeKind["kind"];
export type NodeKindOf<K extends NodeKind> = Extract<AnyNodeKind, { kind: K }>;
