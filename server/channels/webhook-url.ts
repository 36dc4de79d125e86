import type { ChannelType } from "@/flows-runtime";
import { env } from "../env.js";

// The address a platform is told to call: built from KAIWA_PUBLIC_URL, never from a request's Host.
export function webhookUrl(type: ChannelType, channelId: string): string {
  return `${env().KAIWA_PUBLIC_URL.replace(/\/+$/, "")}/api/webhooks/${type}/${channelId}`;
}
