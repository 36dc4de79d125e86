import { z } from "zod";
import { channelTypeSchema, inboundMessageSchema } from "@/flows-runtime";

// How a simulated contact begins: the way a real one would (a first message, a keyword, a deep-link
// ref, a tag being added), or "start here" at any node with chosen variables.
export const simulationStartSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("message"), text: z.string().trim().min(1).max(4000) }),
  z.object({ kind: z.literal("ref"), ref: z.string().trim().min(1).max(250), text: z.string().max(4000).optional() }),
  z.object({ kind: z.literal("tag"), tag: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal("node"), nodeId: z.string().min(1), variables: z.record(z.string(), z.unknown()).default({}) }),
]);
export type SimulationStart = z.infer<typeof simulationStartSchema>;

export const testContactSchema = z.object({
  name: z.string().trim().max(100).default("Test contact"),
  phone: z.string().trim().max(30).optional(),
  locale: z.string().trim().max(20).optional(),
  timeZone: z.string().trim().max(60).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  fields: z.record(z.string(), z.unknown()).default({}),
});
export type TestContact = z.infer<typeof testContactSchema>;

export const simulationSetupSchema = z.object({
  flowId: z.string().uuid(),
  // "draft": the builder's current draft (compiled now); otherwise a published version's id.
  version: z.union([z.literal("draft"), z.string().uuid()]).default("draft"),
  channel: channelTypeSchema.default("whatsapp"),
  contact: testContactSchema.default({ name: "Test contact", tags: [], fields: {} }),
  start: simulationStartSchema.default({ kind: "none" }),
});
export type SimulationSetup = z.infer<typeof simulationSetupSchema>;

// What the test contact does next: send a message (text, a tapped button's payload, an image, a
// location), start again in one of the ways above, or fire a pending wake-up now.
export const simulationInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("message"), message: inboundMessageSchema }),
  z.object({ kind: z.literal("start"), start: simulationStartSchema }),
  z.object({ kind: z.literal("fire"), timerKey: z.string().min(1) }),
]);
export type SimulationInput = z.infer<typeof simulationInputSchema>;
