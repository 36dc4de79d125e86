import { z } from "zod";

// A flow variable is referenced by its stable key ({{vars.budget}}); the label is for display only.
export const flowVariableSchema = z.object({ key: z.string().min(1), label: z.string() });
export type FlowVariable = z.infer<typeof flowVariableSchema>;
