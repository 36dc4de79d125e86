import { z } from "zod";
import { channelTypes, channelTypeSchema } from "../channels/channel-type";
import { flowEdgeSchema } from "./flow-edge";
import { flowVariableSchema } from "./flow-variable";

export const positionSchema = z.object({ x: z.number().default(0), y: z.number().default(0) });

export const editorNodeSchema = z.object({
  id: z.string().min(1),
  // A string, not the registry enum: a document saved by a newer builder, or mid-edit, must still load;
  // compile() reports `unknown_kind` on the node instead of rejecting the whole document.
  kind: z.string().min(1),
  // Unknown until compile(): a marketer mid-edit may leave data that does not parse yet (`invalid_data`).
  data: z.unknown(),
  position: positionSchema.default({ x: 0, y: 0 }),
});
export type EditorNode = z.infer<typeof editorNodeSchema>;

export const viewportSchema = z.object({
  x: z.number().default(0),
  y: z.number().default(0),
  zoom: z.number().positive().default(1),
});
export type Viewport = z.infer<typeof viewportSchema>;

export const editorSettingsSchema = z.object({
  name: z.string().default("Untitled flow"),
  // Channels the flow runs on; channel-limit warnings are checked against each of them.
  channels: z.array(channelTypeSchema).default([...channelTypes]),
});
export type EditorSettings = z.infer<typeof editorSettingsSchema>;

// What the builder saves: the graph's content plus canvas positions and view state.
export const editorDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  nodes: z.record(z.string(), editorNodeSchema),
  edges: z.array(flowEdgeSchema).default([]),
  // Variables the marketer declared (others become known when a node writes them).
  variables: z.array(flowVariableSchema).default([]),
  // Contact field keys the marketer declared as used by this flow.
  fields: z.array(z.string()).default([]),
  viewport: viewportSchema.default({ x: 0, y: 0, zoom: 1 }),
  settings: editorSettingsSchema.default({ name: "Untitled flow", channels: [...channelTypes] }),
});
export type EditorDocument = z.infer<typeof editorDocumentSchema>;
export type EditorDocumentInput = z.input<typeof editorDocumentSchema>;
