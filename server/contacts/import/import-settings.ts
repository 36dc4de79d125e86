import { getCountries } from "libphonenumber-js";
import { z } from "zod";

export const builtInImportKeys = ["name", "first_name", "last_name", "phone", "email"] as const;
export type BuiltInImportKey = (typeof builtInImportKeys)[number];

const countries = new Set<string>(getCountries());

// Where one CSV column goes.
export const columnTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ignore") }),
  z.object({ kind: z.literal("builtin"), key: z.enum(builtInImportKeys) }),
  // Comma / semicolon separated tag names, added to the contact (never removed).
  z.object({ kind: z.literal("tags") }),
  // A workspace field definition, by its stable key.
  z.object({ kind: z.literal("field"), key: z.string().min(1).max(64) }),
  // A field definition created when the import starts.
  z.object({
    kind: z.literal("new_field"),
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, "Use lower-case letters, digits and _ (starting with a letter), like company_size."),
    label: z.string().trim().min(1).max(100),
    // Choice fields need their options first: create them on the Fields page.
    type: z.enum(["text", "number", "email", "phone", "date"]).default("text"),
  }),
]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

export const importSettingsSchema = z.object({
  // One target per header column, in file order.
  mapping: z.array(columnTargetSchema).max(500),
  // For phone numbers written without a country code (090-1234-5678).
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => countries.has(code), "Choose a country (two-letter code, like JP)")
    .default("JP"),
  // fill_empty: an existing contact keeps the values it has, the file only fills the gaps;
  // overwrite: the file's non-empty values replace the contact's.
  policy: z.enum(["fill_empty", "overwrite"]).default("fill_empty"),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;
export type ImportSettingsInput = z.input<typeof importSettingsSchema>;
