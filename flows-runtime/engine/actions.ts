import { z } from "zod";
import { outboundMessageSchema } from "../channels/outbound-message";

export const httpRequestSchema = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
  timeoutMs: z.number().int().positive(),
});
export type HttpRequest = z.infer<typeof httpRequestSchema>;

// What step() asks the host to do. The engine never does any of it itself.
export const actionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), nodeId: z.string(), message: outboundMessageSchema }),
  z.object({ type: z.literal("add_tag"), nodeId: z.string(), tag: z.string() }),
  z.object({ type: z.literal("remove_tag"), nodeId: z.string(), tag: z.string() }),
  z.object({ type: z.literal("set_field"), nodeId: z.string(), field: z.string(), value: z.unknown() }),
  // `key` lets the host ignore a stale timer: a timer event only counts while the session waits on that key.
  z.object({ type: z.literal("schedule"), nodeId: z.string(), key: z.string(), at: z.number() }),
  z.object({ type: z.literal("cancel"), key: z.string() }),
  z.object({ type: z.literal("http_request"), nodeId: z.string(), requestId: z.string(), request: httpRequestSchema }),
  z.object({
    type: z.literal("handoff"),
    nodeId: z.string(),
    team: z.string().optional(),
    assignee: z.string().optional(),
    note: z.string().optional(),
  }),
  z.object({ type: z.literal("jump"), nodeId: z.string(), flowId: z.string() }),
  z.object({ type: z.literal("end"), closeConversation: z.boolean() }),
  // A visible failure: the step cap, a node whose data does not parse, an unknown node.
  z.object({ type: z.literal("error"), nodeId: z.string().optional(), code: z.string(), message: z.string() }),
]);
export type Action = z.infer<typeof actionSchema>;
