import { z } from "zod";

// How a plain first text carries a ref on WhatsApp, where wa.me links have no ref parameter, only a
// prefilled text (`wa.me/<number>?text=…`). Kept in the channel's config, not its credentials.
export const whatsappRefConfigSchema = z.object({
  // `wa.me/<number>?text=Hi%20ref:summer24` → ref "summer24". Empty turns prefix matching off.
  refPrefix: z.string().max(32).default("ref:"),
  // Whole prefilled texts and the ref each stands for: { "I saw your summer ad": "summer24" }.
  entryTexts: z.record(z.string(), z.string().min(1).max(200)).default({}),
});
export type WhatsappRefConfig = z.infer<typeof whatsappRefConfigSchema>;

// A channel config that fails the schema must not stop messages: it falls back to the defaults.
export function readWhatsappRefConfig(config: Record<string, unknown>): WhatsappRefConfig {
  const parsed = whatsappRefConfigSchema.safeParse(config);
  return parsed.success ? parsed.data : whatsappRefConfigSchema.parse({});
}
