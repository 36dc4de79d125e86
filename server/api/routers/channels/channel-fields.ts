import { z } from "zod";
import type { ChannelType } from "@/flows-runtime";
import type { ChannelAdapter } from "@/server/channels/channel-adapter";
import { fieldHelp } from "./channel-field-help";
import { verifyTokenField } from "./verify-token-field";

export type ChannelField = {
  name: string;
  label: string;
  help: string | null;
  placeholder: string | null;
  required: boolean;
  // Never sent back in full: the form shows `••••` + the last characters.
  secret: boolean;
  // The value the user pastes into the platform: shown in full.
  verifyToken: boolean;
  defaultValue: string | null;
  pattern: string | null;
  options: string[] | null;
};

type JsonSchemaProperty = { description?: string; default?: unknown; pattern?: string; enum?: unknown[]; type?: string | string[] };

// The form for a channel type, read off the adapter's own credentials schema, so a field added to an
// adapter shows up on the page without touching the UI.
export function channelFields(type: ChannelType, adapter: ChannelAdapter<unknown>): ChannelField[] {
  const json = z.toJSONSchema(adapter.credentialsSchema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const secrets = new Set<string>(adapter.secretFields);
  const tokenField = verifyTokenField(adapter);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const help = fieldHelp(type, name);
    return {
      name,
      label: help.label,
      help: help.help ?? property.description ?? null,
      placeholder: help.placeholder ?? null,
      required: required.has(name),
      secret: secrets.has(name) && name !== tokenField,
      verifyToken: name === tokenField,
      defaultValue: typeof property.default === "string" ? property.default : null,
      pattern: property.pattern ?? null,
      options: property.enum?.every((value) => typeof value === "string") ? (property.enum as string[]) : null,
    };
  });
}
