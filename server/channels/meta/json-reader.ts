// Webhook bodies are untrusted JSON: these readers return undefined for a field of the wrong shape,
// so one odd field never throws away the other events of a batch.
export type JsonObject = Record<string, unknown>;

export const jsonReader = {
  object(value: unknown): JsonObject | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  },
  array(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
  },
  string(value: unknown): string | undefined {
    if (typeof value === "string") return value;
    // Meta sends ids as strings; a number here would already have lost digits past 2^53, keep what is left.
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    return undefined;
  },
  number(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return undefined;
  },
};
