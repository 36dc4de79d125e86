import type { ChannelType } from "@/flows-runtime";
import type { ChannelAdapter } from "@/server/channels/channel-adapter";
import { DomainError } from "../../../domain-errors";
import { fieldHelp } from "./channel-field-help";

// Parses credentials with the adapter's own schema. A refusal names the field the way the form labels
// it ("Bot token: …") and carries per-field messages for the form in details.fieldErrors.
export function validateCredentials(type: ChannelType, adapter: ChannelAdapter<unknown>, credentials: Record<string, unknown>): Record<string, unknown> {
  const cleaned = withoutBlanks(credentials);
  const result = adapter.credentialsSchema.safeParse(cleaned);
  if (result.success) return result.data as Record<string, unknown>;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "credentials");
    const missing = issue.code === "invalid_type" && cleaned[field] === undefined;
    const message = missing ? "required" : issue.message;
    (fieldErrors[field] ??= []).push(message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field === "credentials" ? "Credentials" : fieldHelp(type, field).label}: ${messages[0]}`)
    .join("; ");
  throw new DomainError("invalid", summary, { fieldErrors });
}

// A form sends "" for a field left empty; that means "not given", so optional fields stay optional.
export function withoutBlanks(credentials: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(credentials)
      .map(([name, value]) => [name, typeof value === "string" && value.trim() === "" ? undefined : value] as const)
      .filter(([, value]) => value !== undefined && value !== null),
  );
}
