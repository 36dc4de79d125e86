import type { ChannelType, HttpRequest } from "@/flows-runtime";
import type { OutsideWindowPolicy } from "../channels/outside-window-policy";
import type { Queue } from "../queue/queue";
import type { ContactRecord, ConversationRecord } from "./contact-records";
import type { Tx } from "./transaction";

// The channel as a flow step needs it: who it is, and what to do outside the messaging window.
export type RuntimeChannel = { id: string; workspaceId: string; type: ChannelType; outsideWindow: OutsideWindowPolicy };

export type PendingHttpRequest = {
  channel: RuntimeChannel;
  externalId: string;
  sessionId: string;
  requestId: string;
  request: HttpRequest;
};

// Work that may only happen once the transaction has committed: the sender must not see rows that
// could still roll back, and an HTTP call must not be made for a step that did not happen.
export type AfterCommit = {
  outbound: number;
  httpRequests: PendingHttpRequest[];
  // Inbound interactions the platform wants acknowledged once handled (Telegram callback queries).
  interactions: { channelId: string; context: Record<string, string> }[];
};

export function emptyAfterCommit(): AfterCommit {
  return { outbound: 0, httpRequests: [], interactions: [] };
}

// Everything one event's flow step writes with, inside the contact's processing transaction.
export type FlowRun = {
  tx: Tx;
  queue: Queue | null;
  channel: RuntimeChannel;
  contact: ContactRecord;
  conversation: ConversationRecord;
  // Channel details of the event being answered (LINE replyToken...), passed on to the sender.
  eventContext: Record<string, string> | undefined;
  // The engine's clock: real time, or a simulation's clock (real time + clockOffsetMs).
  now: number;
  clockOffsetMs: number;
  // Set for a simulator's test contact: each step is recorded for its debug panel.
  simulationId: string | null;
  // Visible failures (an `error` action, an unscheduled timer): stored on the inbound event.
  errors: string[];
  after: AfterCommit;
};
